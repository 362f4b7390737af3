/**
 * Pure rules for importing pledges from a sign-up form's CSV export and for writing pledges out
 * as CSV: reading the file, finding the header, guessing which column is which, turning each
 * row into a pledge or a list of problems, and folding duplicate addresses together. No I/O:
 * the database side is import.server.ts, the wording is import-messages.ts.
 */
import { parse } from "csv-parse/sync";
import { regionForPostcode } from "./regions";
import { isEmailAddress } from "~/utils/email";
import { MAX_CONSENT_VERSION_LENGTH, MAX_MEMBERSHIP_NUMBER_LENGTH, MAX_PERSON_NAME_LENGTH } from "~/utils/input-limits";
import { refusedCharacterAt } from "~/utils/text-limits";
import { trimEndOf, withoutBracketed } from "~/utils/trim";
import { checkCsvShape, type CsvShapeProblemCode } from "~/utils/csv-shape";
import { MAX_CSV_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_IMPORT_ROWS } from "~/utils/input-limits";
import { fromLondonWallClock } from "~/utils/london-time";
import type { Relation } from "../../../db/schema";

// ---------------------------------------------------------------------------------------------
// Fields and mappings

/** What a column can be. `name` or `firstName` + `lastName` give the name. */
export const pledgeFields = [
  "name",
  "firstName",
  "lastName",
  "email",
  "postcode",
  "relation",
  "membershipNumber",
  "subscription",
  "consentContact",
  "consentDataUse",
  "consentVersion",
  "createdAt",
  "confirmed",
  "withdrawn",
] as const;
export type PledgeField = (typeof pledgeFields)[number];

/** Fields whose select also offers "every row agreed" (the form could not be sent without it). */
export const consentFields = ["consentContact", "consentDataUse"] as const satisfies readonly PledgeField[];

/** A mapping value meaning "every row says yes" (consent fields only). */
export const EVERY_ROW = "all";
/** A mapping value meaning "not in this file". */
export const NOT_MAPPED = "";

export const subscriptionUnits = ["pounds", "pence"] as const;
export type SubscriptionUnit = (typeof subscriptionUnits)[number];

/**
 * Which column holds each field: the column's index as a string, NOT_MAPPED, or EVERY_ROW. Stored
 * as jsonb in pledge_imports.mapping, so it is a flat record of strings.
 */
export type ImportMapping = Record<PledgeField, string> & { subscriptionUnit: SubscriptionUnit };

/** Cleans a mapping from a form or the database: unknown keys dropped, bad values unmapped. */
export function normaliseMapping(raw: Record<string, unknown>, columnCount: number): ImportMapping {
  const mapping = { subscriptionUnit: raw.subscriptionUnit === "pence" ? "pence" : "pounds" } as ImportMapping;
  for (const field of pledgeFields) {
    const value = typeof raw[field] === "string" ? (raw[field] as string) : NOT_MAPPED;
    const isColumn = /^\d+$/.test(value) && Number(value) < columnCount;
    const isEveryRow = value === EVERY_ROW && (consentFields as readonly string[]).includes(field);
    mapping[field] = isColumn || isEveryRow ? value : NOT_MAPPED;
  }
  return mapping;
}

export type MappingProblemCode = "email_not_mapped" | "name_not_mapped" | "postcode_not_mapped" | "data_consent_not_mapped" | "column_used_twice";
export interface MappingProblem {
  field: PledgeField;
  code: MappingProblemCode;
}

/** What must be settled before an import can start. */
export function checkMapping(mapping: ImportMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.email === NOT_MAPPED) problems.push({ field: "email", code: "email_not_mapped" });
  if (mapping.name === NOT_MAPPED && mapping.firstName === NOT_MAPPED && mapping.lastName === NOT_MAPPED) {
    problems.push({ field: "name", code: "name_not_mapped" });
  }
  if (mapping.postcode === NOT_MAPPED) problems.push({ field: "postcode", code: "postcode_not_mapped" });
  // Without agreement to hold their details we may not keep anyone's pledge, so the organiser
  // must say where that agreement is (or that the form required it) rather than lose every row.
  if (mapping.consentDataUse === NOT_MAPPED) problems.push({ field: "consentDataUse", code: "data_consent_not_mapped" });
  const seen = new Map<string, PledgeField>();
  for (const field of pledgeFields) {
    const value = mapping[field];
    if (value === NOT_MAPPED || value === EVERY_ROW) continue;
    if (seen.has(value)) problems.push({ field, code: "column_used_twice" });
    else seen.set(value, field);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Reading the file

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

// ---------------------------------------------------------------------------------------------
// Guessing the mapping

function normaliseHeader(header: string): string {
  return withoutBracketed(header.toLowerCase())
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Names sign-up tools (Action Network, NationBuilder, Google and Microsoft Forms, Typeform,
 * CiviCRM, our own export) give their columns, normalised. An exact match beats a partial one.
 */
const synonyms: Record<PledgeField, readonly string[]> = {
  name: ["name", "full name", "fullname", "your name", "display name", "contact name", "pledger", "pledger name"],
  firstName: ["first name", "firstname", "given name", "forename", "forenames", "first"],
  lastName: ["last name", "lastname", "surname", "family name", "last"],
  email: ["email", "email address", "e mail", "e mail address", "emailaddress", "your email", "your email address", "email addr"],
  postcode: ["postcode", "post code", "postal code", "postalcode", "zip", "zip code", "zipcode", "your postcode"],
  relation: [
    "relation",
    "relationship",
    "relation to the party",
    "membership status",
    "member status",
    "are you a member",
    "are you a party member",
    "party member",
    "member",
    "membership",
  ],
  membershipNumber: ["membership number", "member number", "membership no", "member no", "membership id", "member id", "membership num"],
  subscription: [
    "monthly subscription",
    "subscription",
    "monthly fee",
    "membership fee",
    "monthly membership fee",
    "dues",
    "monthly dues",
    "subscription pence",
    "monthly subscription pence",
    "monthly amount",
  ],
  consentContact: [
    "consent to contact",
    "consent contact",
    "contact consent",
    "email opt in",
    "opt in",
    "optin",
    "email consent",
    "marketing consent",
    "can we contact you",
    "contact me",
    "newsletter",
    "subscribed to email",
  ],
  consentDataUse: [
    "consent to hold data",
    "consent data use",
    "data consent",
    "data use consent",
    "privacy consent",
    "gdpr consent",
    "privacy policy",
    "privacy notice",
    "agreed to privacy notice",
    "data protection consent",
    "consent",
  ],
  consentVersion: ["consent version", "privacy notice version", "privacy policy version", "policy version"],
  createdAt: [
    "created",
    "created at",
    "created on",
    "date",
    "date signed",
    "signed",
    "signed up",
    "signed up at",
    "sign up date",
    "signup date",
    "submitted",
    "submitted at",
    "submission date",
    "timestamp",
    "pledged",
    "pledged at",
    "pledged on",
  ],
  confirmed: ["confirmed", "confirmed at", "confirmed on", "email confirmed", "confirmation date", "verified", "email verified", "double opt in"],
  withdrawn: ["withdrawn", "withdrawn at", "withdrawn on", "unsubscribed at"],
};

/** Words that, found anywhere in a header, hint at a field. */
const keywords: Partial<Record<PledgeField, RegExp>> = {
  email: /\bemail\b|\be mail\b/,
  postcode: /\bpost ?code\b|\bzip\b/,
  membershipNumber: /\bmember(ship)? (number|no|id)\b/,
  subscription: /\bsubscription\b|\bdues\b/,
  consentContact: /\bcontact\b.*\bconsent\b|\bconsent\b.*\bcontact\b|\bopt ?in\b/,
  consentDataUse: /\bprivacy\b|\bgdpr\b|\bdata\b.*\bconsent\b|\bconsent\b.*\bdata\b/,
  relation: /\bmember(ship)? status\b|\bare you\b.*\bmember\b/,
  firstName: /\bfirst name\b|\bforename\b/,
  lastName: /\blast name\b|\bsurname\b/,
  confirmed: /\bconfirm(ed|ation)\b|\bverified\b/,
  createdAt: /\bcreated\b|\bsubmitted\b|\bsigned up\b/,
  withdrawn: /\bwithdrawn\b/,
};

function fieldScore(field: PledgeField, header: string): number {
  const h = normaliseHeader(header);
  if (h === "") return 0;
  if (synonyms[field].includes(h)) return 3;
  if (keywords[field]?.test(h)) return 2;
  return 0;
}

function bestFieldScore(header: string): number {
  let best = 0;
  for (const field of pledgeFields) best = Math.max(best, fieldScore(field, header));
  return best;
}

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

// ---------------------------------------------------------------------------------------------
// Values

/** "£5 per month" and its kin without the "per month" (a plain loop: no pattern to backtrack). */
function withoutMonthly(text: string): string {
  for (const suffix of ["per month", "a month", "pm", "p/m", "monthly"]) {
    if (text.endsWith(suffix)) return text.slice(0, -suffix.length).trim();
  }
  if (text.endsWith("month")) {
    const before = text.slice(0, -"month".length).trimEnd();
    if (before.endsWith("/")) return before.slice(0, -1).trim();
  }
  return text;
}

function word(value: string): string {
  return trimEndOf(value.trim().toLowerCase().replace(/\s+/g, " "), ".!");
}

const yesWords = new Set([
  "yes",
  "y",
  "true",
  "t",
  "1",
  "x",
  "agree",
  "agreed",
  "i agree",
  "opted in",
  "opt in",
  "opt-in",
  "optin",
  "subscribed",
  "confirmed",
  "checked",
  "on",
  "✓",
  "✔",
  "yes please",
  "accepted",
  "given",
  "verified",
]);
const noWords = new Set([
  "no",
  "n",
  "false",
  "f",
  "0",
  "opted out",
  "opt out",
  "opt-out",
  "unsubscribed",
  "unchecked",
  "off",
  "not confirmed",
  "unconfirmed",
  "declined",
  "no thanks",
  "none",
  "-",
  "not verified",
  "unverified",
]);

export type YesNo = boolean | "unclear" | null;

/** A tick-box as exported: yes/no words, or a date (when the box was ticked); blank is null. */
export function parseYesNo(value: string, now: Date): YesNo {
  const w = word(value);
  if (w === "") return null;
  if (yesWords.has(w)) return true;
  if (noWords.has(w)) return false;
  const date = parseDate(value, now);
  if (date instanceof Date) return true;
  return "unclear";
}

const relationWords: Record<string, Relation> = {
  member: "member",
  members: "member",
  "current member": "member",
  "party member": "member",
  "i am a member": "member",
  "i am a member of the party": "member",
  "yes, i am a member": "member",
  active: "member",
  "active member": "member",
  current: "member",
  yes: "member",
  y: "member",
  true: "member",
  former_member: "former_member",
  "former member": "former_member",
  "former members": "former_member",
  former: "former_member",
  "ex member": "former_member",
  "ex-member": "former_member",
  lapsed: "former_member",
  "lapsed member": "former_member",
  "past member": "former_member",
  "previous member": "former_member",
  "i used to be a member": "former_member",
  "used to be a member": "former_member",
  resigned: "former_member",
  cancelled: "former_member",
  canceled: "former_member",
  expired: "former_member",
  supporter: "supporter",
  supporters: "supporter",
  "not a member": "supporter",
  "non-member": "supporter",
  "non member": "supporter",
  "i support the party but am not a member": "supporter",
  "never a member": "supporter",
  never: "supporter",
  none: "supporter",
  no: "supporter",
  n: "supporter",
  false: "supporter",
};

/** Membership as sign-up forms word it; null when the cell is blank, "unclear" when unknown. */
export function parseRelation(value: string): Relation | "unclear" | null {
  const w = word(value);
  if (w === "") return null;
  const exact = relationWords[w];
  if (exact) return exact;
  if (/\b(former|ex|lapsed|used to|previous|past)\b/.test(w)) return "former_member";
  if (/\b(not|non|never)\b/.test(w) || /\bsupport/.test(w)) return "supporter";
  if (/\bmember\b/.test(w)) return "member";
  return "unclear";
}

/**
 * A monthly subscription in pence. "£4.50", "4.5", "4.50 per month", "450p" are read the same
 * way whatever the column's unit; a bare whole number follows the unit chosen for the column.
 */
export function parseSubscription(value: string, unit: SubscriptionUnit): number | null | "invalid" {
  let text = value.trim().toLowerCase().replace(/,/g, "");
  if (text === "") return null;
  text = withoutMonthly(text);
  let pence: number;
  const inPence = /^(\d{1,7})\s*p$/.exec(text);
  if (inPence) {
    pence = Number(inPence[1]);
  } else {
    const pounds = /^(£|gbp\s*)?(\d{1,5})(\.(\d{1,2}))?$/.exec(text);
    if (!pounds) return "invalid";
    const hasPoundMarks = Boolean(pounds[1]) || pounds[3] !== undefined;
    if (unit === "pence" && !hasPoundMarks) {
      pence = Number(pounds[2]);
    } else {
      pence = Number(pounds[2]) * 100 + Number((pounds[4] ?? "0").padEnd(2, "0"));
    }
  }
  // No party charges more than £1,000 a month: a larger figure is a mistake in the file.
  return pence > 100_000 ? "invalid" : pence;
}

// ---------------------------------------------------------------------------------------------
// Dates in UK time

const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date as exports write them. Times without a zone are UK time; dates with slashes are day
 * first (05/03/2026 is 5 March), as in the UK. Blank is null.
 */
export function parseDate(value: string, now: Date): Date | null | "invalid" | "future" {
  const text = value.trim();
  if (text === "") return null;
  let date: Date | null = null;
  const zoned = ISO_WITH_ZONE.exec(text);
  if (zoned) {
    const zone = zoned[3]!.toUpperCase() === "Z" ? "Z" : zoned[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
    const ms = Date.parse(`${zoned[1]}T${zoned[2]}${zone}`);
    date = Number.isNaN(ms) ? null : new Date(ms);
  } else {
    const iso = ISO_LOCAL.exec(text);
    const uk = iso ? null : UK_DATE.exec(text);
    const m = iso ?? uk;
    if (m) {
      const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const year = iso ? a : c < 100 ? 2000 + c : c;
      const month = b;
      const day = iso ? c : a;
      date = fromLondonWallClock(year, month, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    }
  }
  if (!date || date.getUTCFullYear() < 1990) return "invalid";
  // A day's grace: a form's clock may run ahead of ours.
  if (date.getTime() > now.getTime() + 86_400_000) return "future";
  return date;
}

// ---------------------------------------------------------------------------------------------
// Rows

export type RowProblemCode =
  | "name_missing"
  | "name_too_long"
  | "name_bad_character"
  | "email_missing"
  | "email_invalid"
  | "postcode_missing"
  | "postcode_format"
  | "postcode_area_unknown"
  | "relation_unknown"
  | "membership_number_too_long"
  | "membership_number_bad_character"
  | "subscription_invalid"
  | "consent_unclear"
  | "no_data_consent"
  | "consent_version_too_long"
  | "date_invalid"
  | "date_in_future";

export interface RowProblem {
  field: PledgeField;
  code: RowProblemCode;
}

export interface RowError {
  line: number;
  /** The column as named in the file ("Email address", or "Column C"); null when the field has no column. */
  column: string | null;
  field: PledgeField;
  code: RowProblemCode;
}

export interface ImportedPledge {
  line: number;
  name: string;
  email: string;
  postcode: string;
  region: string;
  relation: Relation;
  membershipNumber: string | null;
  monthlySubscriptionPence: number | null;
  consentContact: boolean;
  consentDataUse: true;
  consentVersion: string;
  createdAt: Date | null;
  confirmedAt: Date | null;
  withdrawnAt: Date | null;
}

export interface RowContext {
  mapping: ImportMapping;
  /** Default consent version: "import:<file name>". */
  fileName: string;
  /** The source confirmed every address (double opt-in), so rows count unless they say no. */
  alreadyConfirmed: boolean;
  now: Date;
}

export const NAME_MAX = MAX_PERSON_NAME_LENGTH;
export const MEMBERSHIP_NUMBER_MAX = MAX_MEMBERSHIP_NUMBER_LENGTH;
export const CONSENT_VERSION_MAX = MAX_CONSENT_VERSION_LENGTH;

export type MapRowResult = { ok: true; pledge: ImportedPledge } | { ok: false; problems: RowProblem[] };

/** One row to a pledge, or everything wrong with it (all problems at once, so one fix does). */
export function mapRow(row: CsvRow, ctx: RowContext): MapRowResult {
  const { mapping } = ctx;
  const cell = (field: PledgeField): string => {
    const column = mapping[field];
    if (column === NOT_MAPPED || column === EVERY_ROW) return "";
    return (row.cells[Number(column)] ?? "").trim();
  };
  const problems: RowProblem[] = [];
  const problem = (field: PledgeField, code: RowProblemCode) => problems.push({ field, code });

  let name = cell("name").replace(/\s+/g, " ");
  let nameField: PledgeField = "name";
  if (name === "") {
    name = [cell("firstName"), cell("lastName")].filter(Boolean).join(" ").replace(/\s+/g, " ");
    nameField = mapping.firstName !== NOT_MAPPED ? "firstName" : mapping.lastName !== NOT_MAPPED ? "lastName" : "name";
  }
  if (name === "") problem(nameField, "name_missing");
  else if (name.length > NAME_MAX) problem(nameField, "name_too_long");
  // The same character rule as the pledge form (text-limits.ts): a name is one line, as typed.
  else if (refusedCharacterAt(name, "name") >= 0) problem(nameField, "name_bad_character");

  const email = cell("email")
    .replace(/^mailto:/i, "")
    .toLowerCase();
  if (email === "") problem("email", "email_missing");
  else if (!isEmailAddress(email)) problem("email", "email_invalid");

  let postcode = "";
  let region = "";
  const rawPostcode = cell("postcode");
  if (rawPostcode === "") problem("postcode", "postcode_missing");
  else {
    const found = regionForPostcode(rawPostcode);
    if (found.ok) {
      postcode = found.postcode;
      region = found.region;
    } else problem("postcode", found.code);
  }

  const membershipNumber = cell("membershipNumber");
  if (membershipNumber.length > MEMBERSHIP_NUMBER_MAX) problem("membershipNumber", "membership_number_too_long");
  else if (refusedCharacterAt(membershipNumber, "name") >= 0) problem("membershipNumber", "membership_number_bad_character");

  // A blank or missing relation is inferred: a membership number means a member.
  let relation: Relation = membershipNumber ? "member" : "supporter";
  const parsedRelation = parseRelation(cell("relation"));
  if (parsedRelation === "unclear") problem("relation", "relation_unknown");
  else if (parsedRelation) relation = parsedRelation;

  const pence = parseSubscription(cell("subscription"), mapping.subscriptionUnit);
  if (pence === "invalid") problem("subscription", "subscription_invalid");

  const consent = (field: "consentContact" | "consentDataUse"): boolean => {
    if (mapping[field] === EVERY_ROW) return true;
    const v = parseYesNo(cell(field), ctx.now);
    if (v === "unclear") {
      problem(field, "consent_unclear");
      return false;
    }
    return v === true;
  };
  const consentContact = consent("consentContact");
  const consentDataUse = consent("consentDataUse");
  if (!consentDataUse && !problems.some((p) => p.field === "consentDataUse")) problem("consentDataUse", "no_data_consent");

  const consentVersion = cell("consentVersion") || `import:${ctx.fileName}`;
  if (consentVersion.length > CONSENT_VERSION_MAX) problem("consentVersion", "consent_version_too_long");

  const date = (field: PledgeField, value: string): Date | null => {
    const d = parseDate(value, ctx.now);
    if (d === "invalid") problem(field, "date_invalid");
    else if (d === "future") problem(field, "date_in_future");
    else return d;
    return null;
  };
  const createdAt = date("createdAt", cell("createdAt"));

  // The confirmed column may hold a date (confirmed then), a yes or no, or nothing (then the
  // "already confirmed" box decides). An explicit "no" wins over the box.
  let confirmedAt: Date | null = null;
  const confirmedCell = cell("confirmed");
  const confirmedWord = parseYesNo(confirmedCell, ctx.now);
  if (confirmedWord === false) confirmedAt = null;
  else if (confirmedWord === true && !yesWords.has(word(confirmedCell))) confirmedAt = date("confirmed", confirmedCell);
  else if (confirmedWord === true || (confirmedWord === null && ctx.alreadyConfirmed)) confirmedAt = createdAt ?? ctx.now;
  else if (confirmedWord === "unclear") date("confirmed", confirmedCell);

  let withdrawnAt: Date | null = null;
  const withdrawnCell = cell("withdrawn");
  const withdrawnWord = parseYesNo(withdrawnCell, ctx.now);
  if (withdrawnWord === true) withdrawnAt = yesWords.has(word(withdrawnCell)) ? ctx.now : date("withdrawn", withdrawnCell);
  else if (withdrawnWord === "unclear") date("withdrawn", withdrawnCell);

  if (problems.length > 0) return { ok: false, problems };
  const isMember = relation === "member";
  return {
    ok: true,
    pledge: {
      line: row.line,
      name,
      email,
      postcode,
      region,
      relation,
      // As on the pledge form: only members have a number and a subscription at stake.
      membershipNumber: isMember && membershipNumber ? membershipNumber : null,
      monthlySubscriptionPence: isMember && typeof pence === "number" ? pence : null,
      consentContact,
      consentDataUse: true,
      consentVersion,
      createdAt,
      confirmedAt,
      withdrawnAt,
    },
  };
}

export type PlanEntry =
  | { kind: "pledge"; line: number; pledge: ImportedPledge }
  | { kind: "duplicate"; line: number; firstLine: number }
  | { kind: "error"; line: number; problems: RowProblem[] };

export interface ImportPlan {
  /** One entry per data row, in file order. */
  entries: PlanEntry[];
  errors: RowError[];
  totals: { rows: number; pledges: number; duplicates: number; errorRows: number };
}

/**
 * Every row mapped, and each address kept once: the first row with an address is the pledge,
 * later rows with the same address only fill in what it left blank (membership number,
 * subscription, confirmation), and are counted as merged.
 */
export function planImport(file: CsvFile, ctx: RowContext): ImportPlan {
  const entries: PlanEntry[] = [];
  const errors: RowError[] = [];
  const byEmail = new Map<string, ImportedPledge>();
  let pledges = 0;
  let duplicates = 0;
  let errorRows = 0;
  for (const row of file.rows) {
    const mapped = mapRow(row, ctx);
    if (!mapped.ok) {
      errorRows += 1;
      entries.push({ kind: "error", line: row.line, problems: mapped.problems });
      for (const p of mapped.problems) {
        errors.push({ line: row.line, field: p.field, code: p.code, column: fieldColumnName(file, ctx.mapping, p.field) });
      }
      continue;
    }
    const first = byEmail.get(mapped.pledge.email);
    if (first) {
      duplicates += 1;
      fillBlanks(first, mapped.pledge);
      entries.push({ kind: "duplicate", line: row.line, firstLine: first.line });
      continue;
    }
    pledges += 1;
    byEmail.set(mapped.pledge.email, mapped.pledge);
    entries.push({ kind: "pledge", line: row.line, pledge: mapped.pledge });
  }
  return { entries, errors, totals: { rows: file.rows.length, pledges, duplicates, errorRows } };
}

/** The column a field was read from, as named in the file; null when it has no column. */
export function fieldColumnName(file: Pick<CsvFile, "headers">, mapping: ImportMapping, field: PledgeField): string | null {
  const column = mapping[field];
  return column === NOT_MAPPED || column === EVERY_ROW ? null : columnName(file, Number(column));
}

function fillBlanks(first: ImportedPledge, later: ImportedPledge): void {
  if (first.relation === "member") {
    first.membershipNumber ??= later.membershipNumber;
    first.monthlySubscriptionPence ??= later.monthlySubscriptionPence;
  }
  if (later.confirmedAt && (!first.confirmedAt || later.confirmedAt < first.confirmedAt)) first.confirmedAt = later.confirmedAt;
}

// ---------------------------------------------------------------------------------------------
// Merging with pledges already held

export interface ExistingPledge {
  region: string;
  relation: Relation;
  membershipNumber: string | null;
  monthlySubscriptionPence: number | null;
  confirmedAt: Date | null;
  withdrawnAt: Date | null;
  erasedAt: Date | null;
}

export interface PledgeCountChange {
  at: Date;
  region: string;
  relation: Relation;
  confirmed?: number;
  withdrawn?: number;
  subscriptionsPence?: number;
}

export interface MergeOutcome {
  set: { membershipNumber?: string; monthlySubscriptionPence?: number; confirmedAt?: Date; confirmTokenHash?: null };
  counts: PledgeCountChange[];
}

/**
 * What an imported row changes in a pledge we already hold: what we hold wins, blanks are
 * filled in, and an unconfirmed pledge becomes confirmed if the source confirmed it. A confirmed
 * pledge is never made unconfirmed. Withdrawn and erased pledges are left exactly as they are:
 * the person chose that, and an old file must not undo it.
 */
export function mergeWithExisting(existing: ExistingPledge, incoming: ImportedPledge): MergeOutcome {
  const outcome: MergeOutcome = { set: {}, counts: [] };
  if (existing.erasedAt || existing.withdrawnAt) return outcome;
  let subscriptionAdded = 0;
  if (existing.relation === "member") {
    if (existing.membershipNumber === null && incoming.membershipNumber !== null) outcome.set.membershipNumber = incoming.membershipNumber;
    if (existing.monthlySubscriptionPence === null && incoming.monthlySubscriptionPence !== null) {
      outcome.set.monthlySubscriptionPence = incoming.monthlySubscriptionPence;
      subscriptionAdded = incoming.monthlySubscriptionPence;
    }
  }
  const key = { region: existing.region, relation: existing.relation };
  if (existing.confirmedAt) {
    // Totals hold subscriptions of counted pledges, so a filled-in subscription adds to them.
    if (subscriptionAdded) outcome.counts.push({ at: existing.confirmedAt, ...key, subscriptionsPence: subscriptionAdded });
  } else if (incoming.confirmedAt) {
    outcome.set.confirmedAt = incoming.confirmedAt;
    outcome.set.confirmTokenHash = null;
    const pence = outcome.set.monthlySubscriptionPence ?? existing.monthlySubscriptionPence ?? 0;
    outcome.counts.push({ at: incoming.confirmedAt, ...key, confirmed: 1, subscriptionsPence: pence });
  }
  return outcome;
}

/** The count changes a new pledge brings: only confirmed pledges count, less any withdrawn. */
export function countsForNewPledge(p: ImportedPledge): PledgeCountChange[] {
  if (!p.confirmedAt) return [];
  const pence = p.monthlySubscriptionPence ?? 0;
  const changes: PledgeCountChange[] = [{ at: p.confirmedAt, region: p.region, relation: p.relation, confirmed: 1, subscriptionsPence: pence }];
  if (p.withdrawnAt) changes.push({ at: p.withdrawnAt, region: p.region, relation: p.relation, withdrawn: 1, subscriptionsPence: -pence });
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Import status

/** A run that has not finished 10 minutes after it began has stopped (its server went away). */
export const STALE_RUN_MS = 10 * 60_000;

export type ImportState = "preview" | "running" | "stalled" | "done" | "failed";

export function importState(row: { status: "preview" | "running" | "done" | "failed"; startedAt: Date }, now: Date): ImportState {
  if (row.status === "running" && now.getTime() - row.startedAt.getTime() > STALE_RUN_MS) return "stalled";
  return row.status;
}

// ---------------------------------------------------------------------------------------------
// Writing CSV

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; pledges come from the
 * public, so such cells get a leading apostrophe (the usual defence against CSV injection).
 */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function formatPounds(pence: number | null): string {
  return pence === null ? "" : (pence / 100).toFixed(2);
}
