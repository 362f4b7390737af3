/**
 * The one place that turns an instant into words for people: member pages, e-mails and PDFs all
 * call these, so a date reads the same everywhere ("5 December 2026 at 10:34am") and always in
 * UK time, whatever the server's or the browser's own time zone.
 *
 * The style is GOV.UK's: day, month in full, year; times as "10:34am", "6pm", "midday" and
 * "midnight" (https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style#times).
 * Machine formats ("2026-12-03 10:34:38") belong only in CSV/JSON exports and in the datetime
 * attribute of <time>: see docs/decisions/037-dates-and-plain-words.md.
 *
 * Pure and free of server-only imports, so route components may use it in the browser too.
 */

const LONDON = "Europe/London";

const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: LONDON });
const weekdayDayMonthYear = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: LONDON });
const clock = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hourCycle: "h23", timeZone: LONDON });

export type DateInput = Date | string | number;

function toDate(at: DateInput): Date {
  return at instanceof Date ? at : new Date(at);
}

/** "5 December 2026", or "Saturday 5 December 2026" with the weekday: the UK calendar day. */
export function formatDate(at: DateInput, options: { weekday?: boolean } = {}): string {
  const date = toDate(at);
  return (options.weekday ? weekdayDayMonthYear : dayMonthYear).format(date).replace(",", "");
}

/** "10:34am", "6pm", "midday", "midnight": the UK clock time of an instant. */
export function formatTime(at: DateInput): string {
  const parts = clock.formatToParts(toDate(at));
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  if (minute === "00" && hour === 0) return "midnight";
  if (minute === "00" && hour === 12) return "midday";
  const suffix = hour < 12 ? "am" : "pm";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return minute === "00" ? `${twelve}${suffix}` : `${twelve}:${minute}${suffix}`;
}

/** "5 December 2026 at 10:34am", or "Saturday 5 December 2026 at 6pm" with the weekday. */
export function formatDateTime(at: DateInput, options: { weekday?: boolean } = {}): string {
  return `${formatDate(at, options)} at ${formatTime(at)}`;
}

// A calendar day (a `date` column, no time) is formatted in UTC so no offset can move it a day.
const calendarDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const calendarWeekday = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * A calendar day stored as YYYY-MM-DD ("2026-03-14") as "14 March 2026", or with the weekday
 * ("Saturday 14 March 2026"). Null for anything that is not a real day.
 */
export function formatCalendarDay(isoDay: string, options: { weekday?: boolean } = {}): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  return (options.weekday ? calendarWeekday : calendarDate).format(at).replace(",", "");
}

const calendarShort = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "5 Dec": a YYYY-MM-DD day as a chart's axis label, where space is short. */
export function formatCalendarDayShort(isoDay: string): string {
  return calendarShort.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

/** For a <time dateTime> attribute: the machine-readable instant, never shown as text. */
export function machineDateTime(at: DateInput): string {
  return toDate(at).toISOString();
}
