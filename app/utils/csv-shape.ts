/**
 * A first, cheap look at a CSV file before anything parses it: one pass over the characters that
 * stops at the first limit passed. The parser builds every record in memory and our code then
 * does work per column and per row, so a file with a million columns, one endless line or a
 * million rows must be refused here, while reading, and with the line where it went wrong.
 *
 * It also refuses a file that is not text: a NUL or another control character (other than tab
 * and line ends) means a binary file, which the database cannot store as text and nobody can
 * read as a list of people. Pure; the wording is each domain's.
 */

export interface CsvShapeLimits {
  /** Fields in one record. */
  maxColumns: number;
  /** Characters in one record, its delimiters and quotes included. */
  maxRecordChars: number;
  /** Records that are not blank. */
  maxRecords: number;
}

export type CsvShapeProblemCode = "not_text" | "too_many_columns" | "record_too_long" | "too_many_rows";

export type CsvShape = { ok: true; records: number } | { ok: false; code: CsvShapeProblemCode; line: number };

const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * A character no text file holds: NUL, which marks a binary file (or UTF-16). Other control
 * characters do turn up in real exports (a bell or vertical tab pasted into a cell); they are the
 * problem of the row and field they are in, reported as such, not a reason to refuse the file.
 */
function isBinaryCode(code: number): boolean {
  return code === 0;
}

/** Where the text is not text: the line of the first NUL, or null. */
export function firstBinaryLine(text: string): number | null {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) line++;
    else if (isBinaryCode(code)) return line;
  }
  return null;
}

/**
 * Checks a CSV file's shape against the limits, reading quotes as csv-parse does with
 * relax_quotes: a quote opens a quoted field only at the start of a field, and inside one a quote
 * closes it ("" closes and opens again, which reads an escaped quote the same way).
 */
export function checkCsvShape(text: string, delimiter: string, limits: CsvShapeLimits): CsvShape {
  const delimiterCode = delimiter.charCodeAt(0);
  let line = 1;
  let recordLine = 1;
  let records = 0;
  let columns = 1;
  let chars = 0;
  let blank = true;
  let inQuotes = false;
  let fieldStart = true;
  /** The last character closed a quoted field: a quote now is the second half of "" and reopens it. */
  let justClosed = false;
  const endRecord = (): CsvShape | null => {
    if (!blank) records++;
    if (records > limits.maxRecords) return { ok: false, code: "too_many_rows", line: recordLine };
    columns = 1;
    chars = 0;
    blank = true;
    fieldStart = true;
    justClosed = false;
    return null;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isBinaryCode(code)) return { ok: false, code: "not_text", line };
    const lineEnd = code === LF || code === CR;
    if (lineEnd) {
      // \r\n is one line end.
      if (code === CR && text.charCodeAt(i + 1) === LF) i++;
      line++;
      if (!inQuotes) {
        const problem = endRecord();
        if (problem) return problem;
        recordLine = line;
        continue;
      }
    }
    chars++;
    if (chars > limits.maxRecordChars) return { ok: false, code: "record_too_long", line: recordLine };
    if (inQuotes) {
      if (code === QUOTE) {
        inQuotes = false;
        justClosed = true;
      }
      continue;
    }
    if (code === delimiterCode) {
      columns++;
      justClosed = false;
      if (columns > limits.maxColumns) return { ok: false, code: "too_many_columns", line: recordLine };
      fieldStart = true;
      continue;
    }
    if (code === QUOTE && (fieldStart || justClosed)) inQuotes = true;
    justClosed = false;
    if (code !== 32 && code !== TAB && code !== 0xfeff) blank = false;
    fieldStart = false;
  }
  const problem = endRecord();
  return problem ?? { ok: true, records };
}
