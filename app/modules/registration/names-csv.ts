import { parse } from "csv-parse/sync";
import { checkCsvShape, type CsvShapeProblemCode } from "~/utils/csv-shape";
import { MAX_CSV_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_NAME_LENGTH, MAX_NAME_ROWS, MAX_REGISTER_LENGTH } from "~/utils/input-limits";
import { textLimitProblem } from "~/utils/text-limits";

/**
 * Reads the list of parties already on the Commission's registers from a CSV file: the names are
 * in a column headed "name" (a "register" column is kept if there is one), or else in the first
 * column. Blank and repeated names are skipped and counted. Pure.
 *
 * The Commission's registers hold a few hundred parties, so a file of more than MAX_NAME_ROWS rows
 * is not that list: it is refused rather than loaded, since every readiness check compares the
 * name with each of them. Rows, columns and the length of a row are checked before parsing
 * (utils/csv-shape), so a hostile file is refused at the line where it passes a limit.
 */

export interface RegisteredNameRow {
  name: string;
  register: string;
}

export type NamesCsvResult =
  | { ok: true; names: RegisteredNameRow[]; rowsRead: number; skipped: number }
  | { ok: false; code: "unreadable" | "empty" | CsvShapeProblemCode; line?: number };

export { MAX_NAME_LENGTH, MAX_NAME_ROWS, MAX_REGISTER_LENGTH };

export function parseNamesCsv(text: string): NamesCsvResult {
  // The heading row is one more than the names allowed.
  const shape = checkCsvShape(text, ",", { maxColumns: MAX_CSV_COLUMNS, maxRecordChars: MAX_CSV_RECORD_CHARS, maxRecords: MAX_NAME_ROWS + 1 });
  // A row count is a fact about the whole file, so it names no line.
  if (!shape.ok) return shape.code === "too_many_rows" ? { ok: false, code: shape.code } : shape;
  let records: string[][];
  try {
    // Parsing stops one record past the most a file may hold (with its heading): enough to know it is too long.
    records = parse(text, {
      bom: true,
      max_record_size: MAX_CSV_RECORD_CHARS,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      to: MAX_NAME_ROWS + 2,
    }) as string[][];
  } catch {
    return { ok: false, code: "unreadable" };
  }
  if (records.length === 0) return { ok: false, code: "empty" };
  const header = records[0]!.map((cell) => cell.toLowerCase());
  const nameColumn = header.findIndex((cell) => cell === "name" || cell === "party name" || cell === "regulated entity name");
  const hasHeader = nameColumn >= 0;
  const registerColumn = hasHeader ? header.findIndex((cell) => cell === "register") : -1;
  const rows = hasHeader ? records.slice(1) : records;
  if (rows.length > MAX_NAME_ROWS) return { ok: false, code: "too_many_rows" };
  const seen = new Set<string>();
  const names: RegisteredNameRow[] = [];
  let skipped = 0;
  for (const row of rows) {
    const name = (row[hasHeader ? nameColumn : 0] ?? "").replace(/\s+/g, " ").trim();
    const key = name.toLowerCase();
    if (!name || textLimitProblem(name, MAX_NAME_LENGTH, "name") !== null || seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    names.push({ name, register: registerColumn >= 0 ? (row[registerColumn] ?? "").trim().slice(0, MAX_REGISTER_LENGTH) : "" });
  }
  if (names.length === 0) return { ok: false, code: "empty" };
  return { ok: true, names, rowsRead: rows.length, skipped };
}
