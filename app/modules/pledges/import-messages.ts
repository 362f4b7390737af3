/** Wording for importing and exporting pledges, kept apart from the rules so it can be translated. */
import { commonWords } from "~/components/messages";
import { MAX_CONSENT_VERSION_LENGTH, MAX_MEMBERSHIP_NUMBER_LENGTH, MAX_PERSON_NAME_LENGTH } from "~/utils/input-limits";
import type { Relation } from "../../../db/schema";
import { MAX_CSV_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "~/utils/input-limits";
import type { ImportState } from "./import-state";
import type { MappingProblemCode, PledgeField } from "./import-mapping";
import type { ReadCsvProblemCode } from "./csv-reading";
import type { RowProblemCode } from "./import-rows";
import { formatNumber as number } from "~/utils/numbers";

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Each field's label on the mapping form, in the order the form shows them, with a hint. */
export const fieldLabels: Record<PledgeField, { label: string; hint?: string }> = {
  name: { label: "Full name", hint: "Or use first name and last name below." },
  firstName: { label: "First name" },
  lastName: { label: "Last name" },
  email: { label: "Email address", hint: "Needed. Pledges are matched by email address." },
  postcode: { label: commonWords.postcode, hint: "Needed. The region is worked out from it." },
  relation: {
    label: "Member, former member or supporter",
    hint: "Words like member, lapsed, former member, supporter, yes or no. If blank, a membership number means a member.",
  },
  membershipNumber: { label: "Membership number" },
  subscription: { label: "Monthly subscription" },
  consentContact: { label: "Agreed to be contacted", hint: "If not in the file, nobody is treated as having agreed." },
  consentDataUse: {
    label: "Agreed to us keeping their details",
    hint: "Needed. Rows without this agreement are not imported.",
  },
  consentVersion: { label: "Version of the privacy notice they agreed to", hint: "If not in the file, the file name is recorded." },
  createdAt: { label: "Date they signed up" },
  confirmed: {
    label: "Email address confirmed",
    hint: "A date, or yes or no. Blank rows follow the tick box below.",
  },
  withdrawn: { label: "Date they withdrew" },
};

export const importMessages = {
  notInFile: "Not in this file",
  everyRowAgreed: "Every row: the form could not be sent without agreeing",
  subscriptionUnitLegend: "Subscriptions written as whole numbers are in",
  subscriptionUnits: { pounds: "Pounds (5 means £5.00)", pence: "Pence (500 means £5.00)" },
  alreadyConfirmedLabel: "The sign-up form already confirmed these email addresses",
  alreadyConfirmedHint:
    "Tick this only if the form sent each person a link and they clicked it (double opt-in). Confirmed pledges count on the campaign page at once.",
  fileLabel: "CSV file",
  fileHint: `Up to ${megabytes(MAX_IMPORT_FILE_BYTES)}, about 200,000 rows. Save spreadsheets as “CSV UTF-8”.`,
  alreadyImported: (when: string) => `This exact file was imported on ${when}. Importing it again changes nothing: everyone in it is already here.`,
};

export type UploadProblemCode = "file_missing" | "file_too_big" | "not_csv" | "spreadsheet_file" | "upload_unreadable" | ReadCsvProblemCode;

export const uploadProblemMessages: Record<UploadProblemCode, string> = {
  file_missing: "Choose a CSV file to upload",
  file_too_big: `The file is bigger than ${megabytes(MAX_IMPORT_FILE_BYTES)}. Split it into smaller files and import each one`,
  upload_unreadable: commonWords.uploadBroken,
  not_csv: "The file must be a CSV file (its name ends in .csv)",
  spreadsheet_file: "This is a spreadsheet file, not a CSV. In your spreadsheet, choose Save as or Download, then CSV, and upload that",
  file_empty: "The file is empty",
  file_unreadable: "The file could not be read as CSV. Check that every opening quote mark has a closing one",
  no_rows: "The file has column names but no rows of pledges",
  not_text:
    "This file is not a CSV text file: it holds characters a CSV file cannot. In your spreadsheet, choose Save as or Download, then CSV, and upload that",
  too_many_columns: `The file has more than ${number(MAX_CSV_COLUMNS)} columns. A sign-up export has far fewer: check it is the right file, or delete the columns you do not need`,
  record_too_long: `A row of the file is longer than ${number(MAX_CSV_RECORD_CHARS)} characters. Check that every opening quote mark has a closing one`,
  too_many_rows: `The file has more than ${number(MAX_IMPORT_ROWS)} rows. Split it into smaller files and import each one`,
};

/** Problems found at a place in the file, so the organiser is told where to look. */
const placedProblems: readonly UploadProblemCode[] = ["file_unreadable", "not_text", "too_many_columns", "record_too_long"];

export function uploadProblemMessage(code: UploadProblemCode, line?: number): string {
  const message = uploadProblemMessages[code];
  return line && placedProblems.includes(code) ? `${message} (the problem is near line ${number(line)})` : message;
}

export const mappingProblemMessages: Record<MappingProblemCode, string> = {
  email_not_mapped: "Choose the column with email addresses",
  name_not_mapped: "Choose the column with names (or first and last names)",
  postcode_not_mapped: "Choose the column with postcodes",
  data_consent_not_mapped: "Say where people agreed to us keeping their details: choose the column, or say every row agreed if the form required it",
  column_used_twice: "This column is already chosen for another field",
};

export const rowProblemMessages: Record<RowProblemCode, string> = {
  name_missing: "No name",
  name_too_long: `The name is longer than ${MAX_PERSON_NAME_LENGTH} characters`,
  name_bad_character: "The name contains a control character or a hidden formatting character",
  email_missing: "No email address",
  email_invalid: "Not an email address",
  postcode_missing: "No postcode",
  postcode_format: "Not a UK postcode",
  postcode_area_unknown: "We do not recognise the area of this postcode",
  relation_unknown: "Not clear whether a member, former member or supporter",
  membership_number_too_long: `The membership number is longer than ${MAX_MEMBERSHIP_NUMBER_LENGTH} characters`,
  membership_number_bad_character: "The membership number contains a control character or a hidden formatting character",
  subscription_invalid: "Not an amount we can read, like £4.50",
  consent_unclear: "Not clear whether they agreed: use yes or no",
  no_data_consent: "They did not agree to us keeping their details, so we cannot import them",
  consent_version_too_long: `The privacy notice version is longer than ${MAX_CONSENT_VERSION_LENGTH} characters`,
  date_invalid: "Not a date we can read, like 2026-03-05 or 05/03/2026 (or yes or no)",
  date_in_future: "The date is in the future",
};

export const runProblemMessages = {
  not_found: "There is no such import",
  already_running: "This import is already running",
  already_done: "This import has finished. To import the file again, upload it again",
  mapping_incomplete: "Some columns still need choosing",
  file_unreadable: "The stored file could not be read",
} as const;
export type RunProblemCode = keyof typeof runProblemMessages;

export const stateLabels: Record<ImportState, string> = {
  preview: "Not started",
  running: "Importing",
  stalled: "Stopped",
  done: "Finished",
  failed: "Stopped",
};

/** Relations as our export writes them (and the import reads them back). */
export const relationExportLabels: Record<Relation, string> = {
  member: "Member",
  former_member: "Former member",
  supporter: "Supporter",
};

export const exportHeaders = [
  "Name",
  "Email",
  commonWords.postcode,
  "Region",
  "Relation",
  "Membership number",
  "Monthly subscription (£)",
  "Consent to contact",
  "Consent to hold data",
  "Consent version",
  "Created (UK time)",
  "Confirmed (UK time)",
  "Withdrawn (UK time)",
] as const;

export const yesNo = (value: boolean): string => (value ? commonWords.yes : commonWords.no);

export const errorsCsvHeaders = { line: "Line", problem: "Problem" } as const;

/** In the errors file, for rows we may not keep: their details are left out on purpose. */
export const withheldRowNote = "(details left out: no agreement to keep them)";

/** Beside the export's link: how many rows the file will hold (the download shows its own progress). */
export const exportSize = (rows: number): string => (rows === 1 ? "1 pledge" : `${number(rows)} pledges`);

/** The Import pledges page (routes/campaign.import._index.tsx): uploading, then checking how the file is read. */
export const importPageText = {
  metaTitle: "Import pledges",
  noSuchImport: "There is no such import.",
  notUnderstood: commonWords.notUnderstood,
  upload: {
    title: "Import pledges",
    intro:
      "Bring in pledges collected elsewhere, such as a sign-up form’s export. You will see how the file is read before anything is imported. People already here are matched by email address and never duplicated.",
    uploading: "Uploading…",
    submit: "Upload and check",
    exportHeading: "Export",
    exportLink: "Download all pledges as a CSV file",
    exportNote: (size: string) =>
      ` (${size}). It holds people’s personal details: keep it safe and delete it when you are done. Each download is recorded in the audit log.`,
    recent: "Recent imports",
    importLine: (state: string, startedAt: string, rows: number) => `${state}, ${startedAt}. ${number(rows)} rows`,
    doneCounts: (inserted: number, merged: number, errors: number) => `: ${number(inserted)} new, ${number(merged)} merged, ${number(errors)} with problems`,
  },
  preview: {
    title: "Check how the file will be read",
    lead: (fileName: string, rows: number) => `${fileName}: ${number(rows)} rows. Nothing has been imported yet.`,
    importedBefore: "This file has been imported before",
    beforeStart: "Before you can start",
    columnsHeading: "Which column is which",
    columnsIntro: "We have guessed from the column names. Change any that are wrong, then update the preview to check.",
    update: "Update the preview",
    sampleHeading: (n: number) => `The first ${n} rows, as they will be imported`,
    columns: {
      line: "Line",
      name: "Name",
      email: "Email",
      postcode: commonWords.postcode,
      region: "Region",
      relation: "Relation",
      membershipNumber: "Membership number",
      subscription: "Subscription",
      consentContact: "Agreed to contact",
      confirmed: "Confirmed",
      outcome: "Outcome",
    },
    notConfirmed: "No",
    ready: "Ready",
    duplicate: (firstLine: number | undefined) => `Same email as line ${firstLine}: merged`,
    whatHappens: "What will happen",
    readyCount: "Different people, ready to import",
    duplicatesCount: "Rows repeating an email address earlier in the file (merged)",
    problemsCount: "Rows with problems (not imported)",
    merging:
      "Anyone whose email address is already here is merged: what we hold is kept, and only blanks are filled in. A pledge that is confirmed stays confirmed.",
    problemsFound: "Problems found",
    firstProblems: "The first rows with problems",
    problemColumns: { line: "Line", column: "Column", problem: "Problem" },
    afterwards: "After the import you can download every row with a problem, fix them and import that file.",
    starting: "Starting…",
    start: "Start import",
    another: "Upload a different file",
  },
} as const;

/** The progress page of one import (routes/campaign.imports.$importId.tsx): while it runs, once done, or stopped. */
export const importProgressText = {
  /** The rows with problems (errors.csv), asked for before the import has finished. */
  notFinished: "The import has not finished yet.",
  metaTitle: "Pledge import",
  noSuchImport: "There is no such import.",
  notUnderstood: "The form was not understood.",
  headings: {
    preview: "Import not started",
    running: "Importing pledges",
    done: "Import finished",
    stalled: "The import stopped",
    failed: "The import stopped",
  } satisfies Record<ImportState, string>,
  checkColumns: "Check the columns and start the import",
  rowsDone: "Rows done",
  rowsOf: (processed: number, total: number, percent: number) => `${number(processed)} of ${number(total)} rows (${percent}%)`,
  finishedOn: (when: string) => `Finished on ${when}.`,
  startedOn: (when: string) => `Started on ${when}. You can leave this page: the import carries on.`,
  stoppedAfter: (rows: number) => `It stopped after ${number(rows)} rows. The rows done so far are saved.`,
  inserted: "New pledges",
  merged: "Merged with pledges already held, or repeated in the file",
  problems: "Rows with problems (not imported)",
  downloadProblems: (rows: number) => (rows === 1 ? "Download the row with a problem (CSV)" : `Download the ${number(rows)} rows with problems (CSV)`),
  /** After the link to the rows with problems. */
  fixProblems: ". Each row says what is wrong. Fix them in a spreadsheet, save as CSV and import that file.",
  everyRowImported: "Every row was imported or merged.",
  notConfirmed: "New pledges from this file are not confirmed, so they do not count on the campaign page yet.",
  /** "Go to the campaign page or import another file.", each part of it a link but " or ". */
  goToCampaign: "Go to the campaign page",
  or: " or ",
  importAnother: "import another file",
  runAgainIntro: "Running it again carries on from where it stopped. Nobody is imported twice.",
  runAgain: "Run the import again",
} as const;
