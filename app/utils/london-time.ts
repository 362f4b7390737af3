/**
 * People enter times as UK wall-clock time ("18:00 on the 30th"), whatever the server's own time
 * zone. This turns a `datetime-local` value into the instant it means in Europe/London.
 */
export function fromLondonLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // The London offset at that moment (0 in winter, 1 hour in summer), applied twice to settle
  // near the clock change.
  let instant = asUtc - londonOffsetMs(asUtc);
  instant = asUtc - londonOffsetMs(instant);
  return new Date(instant);
}

function londonOffsetMs(utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return local - Math.floor(utcMs / 60_000) * 60_000;
}
