/**
 * UK wall-clock time, whatever the server's own time zone: people type and read times as they
 * are in the UK ("18:00 on the 30th"), and exports write them that way.
 */
import { formatDateTime } from "./dates";

const londonFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const offsetByHour = new Map<number, number>();

/**
 * London's offset from UTC at an instant. UK clocks change on the hour (01:00 UTC), so the
 * offset is cached per hour: a 100,000-row import has few distinct hours, and building Intl
 * parts for every date would dominate its time.
 */
export function londonOffsetMs(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  const cached = offsetByHour.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * 3_600_000;
  const parts = londonFormat.formatToParts(new Date(start));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  const offset = local - start;
  if (offsetByHour.size > 200_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/** The instant a UK wall-clock time means, or null when there is no such day. */
export function fromLondonWallClock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // Applied twice to settle near the clock change.
  let instant = asUtc - londonOffsetMs(asUtc);
  instant = asUtc - londonOffsetMs(instant);
  return new Date(instant);
}

/**
 * "2026-03-05 14:30:00" in UK time: for exports and sorting only, never for a person to read
 * (utils/dates words an instant for people). A spreadsheet reads it as a date.
 */
export function formatLondon(date: Date): string {
  const ms = date.getTime();
  return new Date(ms + londonOffsetMs(ms)).toISOString().slice(0, 19).replace("T", " ");
}

/** The calendar day in the UK of an instant, as YYYY-MM-DD: figures, leaving days and a document's date are by UK day. */
export function londonDay(at: Date): string {
  return formatLondon(at).slice(0, 10);
}

/** A `datetime-local` value ("2026-11-30T18:00") as the instant it means in the UK. */
export function fromLondonLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return fromLondonWallClock(y, mo, d, h, mi);
}

/** An instant as a `datetime-local` value in UK time, to fill a form with. */
export function toLondonLocal(date: Date): string {
  return formatLondon(date).slice(0, 16).replace(" ", "T");
}

/** "Saturday 12 December 2026 at 3pm": an instant as people read it, in UK time. */
export function formatLondonLong(date: Date): string {
  return formatDateTime(date, { weekday: true });
}
