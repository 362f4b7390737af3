import { londonDay } from "~/utils/london-time";

/** What is wrong with a leaving day as typed; worded by leavingDayMessages in wording.ts. */
export type LeavingDayProblem = "not_a_date" | "not_a_real_date" | "in_the_past";

/** Checks a leaving day as typed (YYYY-MM-DD): a real calendar date, today or later (UK). */
export function leavingDayProblem(value: string, now: Date): LeavingDayProblem | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return "not_a_date";
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return "not_a_real_date";
  const today = londonDay(now);
  if (value.trim() < today) return "in_the_past";
  return null;
}
