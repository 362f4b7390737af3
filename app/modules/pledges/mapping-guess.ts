/** The mapping guessed from a CSV file's headers and amounts, for the organiser to check on the preview. */
import type { CsvFile } from "./csv-reading";
import { fieldScore } from "./header-recognition";
import { NOT_MAPPED, pledgeFields, type ImportMapping, type PledgeField, type SubscriptionUnit } from "./import-mapping";

/** A guess the organiser checks on the preview: each column goes to the field it best fits. */
export function guessMapping(file: CsvFile): ImportMapping {
  const mapping = Object.fromEntries(pledgeFields.map((f) => [f, NOT_MAPPED])) as ImportMapping;
  const candidates: { field: PledgeField; column: number; score: number }[] = [];
  file.headers.forEach((header, column) => {
    for (const field of pledgeFields) {
      const score = fieldScore(field, header);
      if (score > 0) candidates.push({ field, column, score });
    }
  });
  // Strongest matches first; on a tie the field listed first and the leftmost column win.
  candidates.sort((a, b) => b.score - a.score || pledgeFields.indexOf(a.field) - pledgeFields.indexOf(b.field) || a.column - b.column);
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== NOT_MAPPED || usedColumns.has(c.column)) continue;
    mapping[c.field] = String(c.column);
    usedColumns.add(c.column);
  }
  // A full name makes first and last names unnecessary, and the reverse.
  if (mapping.name !== NOT_MAPPED) {
    mapping.firstName = NOT_MAPPED;
    mapping.lastName = NOT_MAPPED;
  }
  mapping.subscriptionUnit = mapping.subscription === NOT_MAPPED ? "pounds" : guessSubscriptionUnit(file, Number(mapping.subscription));
  return mapping;
}

/**
 * Pounds unless the header says pence, or every amount is a whole number and most are 100 or
 * more (nobody pays £450 a month; many pay 450p).
 */
export function guessSubscriptionUnit(file: CsvFile, column: number): SubscriptionUnit {
  const header = (file.headers[column] ?? "").toLowerCase();
  if (/pence|\(p\)|in p\b/.test(header)) return "pence";
  if (/£|pounds|gbp/.test(header)) return "pounds";
  let whole = 0;
  let large = 0;
  let seen = 0;
  for (const row of file.rows.slice(0, 1000)) {
    const value = (row.cells[column] ?? "").trim();
    if (value === "") continue;
    seen += 1;
    if (/[.£]/.test(value)) return "pounds";
    if (/^\d+$/.test(value)) {
      whole += 1;
      if (Number(value) >= 100) large += 1;
    }
  }
  return seen > 0 && whole === seen && large * 2 > seen ? "pence" : "pounds";
}
