/**
 * Reading a sign-up form's CSV export: the bytes as text, the delimiter, the header among the
 * first rows, and the data rows, each with the line it starts on. Pure, no I/O.
 */
import { parse } from "csv-parse/sync";
import { checkCsvShape, type CsvShapeProblemCode } from "~/utils/csv-shape";
import { MAX_CSV_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_IMPORT_ROWS } from "~/utils/input-limits";
import { bestFieldScore } from "./header-recognition";

/**
 * The uploaded bytes as text. Spreadsheets on Windows still save "CSV" in Windows-1252, where
 * "£" is one byte that is not valid UTF-8; reading that as UTF-8 would turn every "£4.50" into
 * an error, so a file that is not valid UTF-8 is read as Windows-1252.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Excel workbooks are zip files; people upload them by mistake and deserve a clear answer. */
export function looksLikeSpreadsheetFile(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const oldExcel = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || oldExcel;
}

export interface CsvRow {
  /** Line of the file where the row starts (1 is the first line), as a text editor counts. */
  line: number;
  cells: string[];
}

export interface CsvFile {
  delimiter: string;
  headerLine: number;
  headers: string[];
  /** Data rows after the header, blank rows left out. */
  rows: CsvRow[];
}

export type ReadCsvProblemCode = "file_empty" | "file_unreadable" | "no_rows" | CsvShapeProblemCode;
export type ReadCsvResult = { ok: true; file: CsvFile } | { ok: false; code: ReadCsvProblemCode; line?: number };

/** Most exports use commas; Excel in much of Europe uses semicolons; some tools use tabs. */
export function detectDelimiter(text: string): string {
  const candidates = [",", ";", "\t"] as const;
  const totals = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let lines = 0;
  // Ten lines, or as many characters as ten rows may hold at most: a file whose first line never
  // ends is not read to its end just to guess its delimiter.
  const end = Math.min(text.length, 10 * MAX_CSV_RECORD_CHARS);
  for (let i = 0; i < end && lines < 10; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) totals[ch] += 1;
    else if (!inQuotes && ch === "\n") lines += 1;
  }
  let best: string = ",";
  for (const c of candidates) if (totals[c] > totals[best as keyof typeof totals]) best = c;
  return best;
}

const HEADER_SEARCH_ROWS = 10;

/** Whether the text holds anything but a byte order mark and white space (without copying it). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch !== "\uFEFF" && ch.trim() !== "") return false;
  }
  return true;
}

/**
 * A problem of shape found in the start of a file's bytes, before the whole file is decoded: the
 * first rows of a hostile file (a million columns, a line that never ends) say so within the first
 * few rows' worth of bytes, and an 8 MB file need not be decoded and copied to learn it. Null
 * when the start is fine; the whole file is then read as usual (readCsv checks every row).
 */
export function shapeProblemAtStart(bytes: Uint8Array): Extract<ReadCsvResult, { ok: false }> | null {
  // Four bytes at most per character: this many bytes hold at least two rows' worth of text.
  const start = new TextDecoder("utf-8").decode(bytes.subarray(0, 8 * MAX_CSV_RECORD_CHARS));
  const shape = checkCsvShape(start, detectDelimiter(start), {
    maxColumns: MAX_CSV_COLUMNS,
    maxRecordChars: MAX_CSV_RECORD_CHARS,
    maxRecords: Number.MAX_SAFE_INTEGER,
  });
  return shape.ok ? null : shape;
}

export function readCsv(text: string): ReadCsvResult {
  if (isBlank(text)) return { ok: false, code: "file_empty" };
  const delimiter = detectDelimiter(text);
  // Refused before parsing: the parser would build every column and row in memory first. The
  // header (and a title line or two above it) are not pledges, so they do not count as rows.
  const shape = checkCsvShape(text, delimiter, {
    maxColumns: MAX_CSV_COLUMNS,
    maxRecordChars: MAX_CSV_RECORD_CHARS,
    maxRecords: MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS,
  });
  if (!shape.ok) return shape;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      // Already checked above; kept here too, so the parser itself can never build a huge record.
      max_record_size: MAX_CSV_RECORD_CHARS,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : undefined;
    const tooLong = (error as { code?: unknown }).code === "CSV_MAX_RECORD_SIZE";
    return { ok: false, code: tooLong ? "record_too_long" : "file_unreadable", line };
  }
  // Each record reports the line it ends on; it starts just after the one before it ended.
  const all: CsvRow[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    if (record.some((cell) => cell.trim() !== "")) all.push({ line: previousEnd + 1, cells: record });
    previousEnd = info.lines;
  }
  if (all.length === 0) return { ok: false, code: "file_empty" };
  // Some exports put a title or a date above the header: take the row, among the first few,
  // that looks most like column names.
  let headerIndex = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, all.length); i++) {
    const score = all[i]!.cells.filter((cell) => bestFieldScore(cell) >= 2).length;
    if (score > bestScore) {
      bestScore = score;
      headerIndex = i;
    }
  }
  const header = all[headerIndex]!;
  const rows = all.slice(headerIndex + 1);
  if (rows.length === 0) return { ok: false, code: "no_rows" };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, code: "too_many_rows", line: rows[MAX_IMPORT_ROWS]!.line };
  return { ok: true, file: { delimiter, headerLine: header.line, headers: header.cells.map((h) => h.trim()), rows } };
}

/** Number of columns: the header's, or more if some rows are longer. */
export function columnCount(file: CsvFile): number {
  let n = file.headers.length;
  for (const row of file.rows) if (row.cells.length > n) n = row.cells.length;
  return n;
}

/** "A", "B", … "Z", "AA": how a spreadsheet names the column, so organisers can find it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** How a column is named to people: its header, or its letter when the header is blank. */
export function columnName(file: Pick<CsvFile, "headers">, index: number): string {
  const header = file.headers[index]?.trim();
  return header ? header : `Column ${columnLetter(index)}`;
}
