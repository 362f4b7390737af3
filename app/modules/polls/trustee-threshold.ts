/**
 * How many of a poll's trustees must decrypt (decision 046): pure rules, shared by the poll form
 * (browser and server) and the ceremony.
 */

/** The fewest trustees for whom a threshold is offered: with two, both must decrypt anyway. */
export const MIN_THRESHOLD_TRUSTEES = 3;

/** A majority of the trustees: enough to decrypt, and no minority can read a ballot alone. */
export function defaultThreshold(trustees: number): number | null {
  return trustees >= MIN_THRESHOLD_TRUSTEES ? Math.floor(trustees / 2) + 1 : null;
}

/** Whether k is a threshold n trustees may have: at least 2 (one alone must never decrypt), at most n. */
export function validThreshold(k: number, trustees: number): boolean {
  return trustees >= MIN_THRESHOLD_TRUSTEES && Number.isInteger(k) && k >= 2 && k <= trustees;
}
