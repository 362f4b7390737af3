/** Pledges written out as CSV: cells a spreadsheet would run as formulas made safe, pence as pounds. */

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; pledges come from the
 * public, so such cells get a leading apostrophe (the usual defence against CSV injection).
 */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Pence as a spreadsheet-ready amount: 123450 as "1234.50", no pound sign or grouping, so the
 * cell reads as a number; no amount as an empty cell. (For people, utils/numbers' formatPence or formatPounds.)
 */
export function csvPounds(pence: number | null): string {
  return pence === null ? "" : (pence / 100).toFixed(2);
}
