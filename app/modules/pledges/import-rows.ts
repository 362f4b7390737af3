/**
 * Each row of an uploaded file to a pledge, or to everything wrong with it, and the import's
 * plan: each address kept once, later rows with it only filling in what the first left blank.
 */
import { regionForPostcode } from "./regions";
import { isEmailAddress } from "~/utils/email";
import { MAX_CONSENT_VERSION_LENGTH, MAX_MEMBERSHIP_NUMBER_LENGTH, MAX_PERSON_NAME_LENGTH } from "~/utils/input-limits";
import { refusedCharacterAt } from "~/utils/text-limits";
import type { Relation } from "../../../db/schema";
import { parseDate } from "./cell-dates";
import { parseRelation, parseSubscription, parseYesNo, word, yesWords } from "./cell-values";
import { columnName, type CsvFile, type CsvRow } from "./csv-reading";
import { EVERY_ROW, NOT_MAPPED, type ImportMapping, type PledgeField } from "./import-mapping";

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
