import { londonDay } from "~/utils/london-time";

/** Checks a leaving day as typed (YYYY-MM-DD): a real calendar date, today or later (UK). */
export function leavingDayProblem(value: string, now: Date): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return "Enter the leaving day as a date, for example 1 March 2027";
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return "Enter a real date";
  const today = londonDay(now);
  if (value.trim() < today) return "The leaving day must be today or later";
  return null;
}
