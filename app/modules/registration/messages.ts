/** Wording for the registration pages (details, emblems, names, readiness, officers), kept out of the rules. */
import { commonWords } from "~/components/messages";
import type { RegisteredRole } from "~/modules/elections/officer-rules";
import { addressLabels } from "./address-messages";
import { nationNames, registerNames } from "./place-messages";
import type { DraftSection, FormProblem } from "./draft-form";
import type { NamesCsvResult } from "./names-csv";
import type { FixPlace } from "./readiness-types";
import {
  MAX_CSV_COLUMNS,
  MAX_CSV_RECORD_CHARS,
  MAX_EMAIL_LENGTH,
  MAX_FINANCIAL_SCHEME_LENGTH,
  MAX_FULL_NAME_LENGTH,
  MAX_HOME_ADDRESS_LENGTH,
  MAX_NAME_ROWS,
  MAX_NAMES_FILE_BYTES,
} from "~/utils/input-limits";
import type { DraftIssue, EmblemProblem, OfficerFieldProblem, OfficerProblem } from "./registration.server";
import { textProblemMessages } from "~/utils/text-limit-messages";
import { verificationFailedAdvice } from "~/modules/polls/messages";
import { formatNumber } from "~/utils/numbers";
import { foundingRollWords } from "~/modules/founding/wording";

export const sectionTitles: Record<DraftSection, string> = {
  register: "Register and nations",
  "party-type": "Type of party",
  name: "The party's name",
  descriptions: "Descriptions",
  headquarters: "Headquarters and contacts",
  officers: "Leader and additional officer",
  "accounting-units": "Accounting units",
  "financial-year": "Financial year",
  assets: "Assets and liabilities",
  "third-party": "Third-party status",
  "general-election": "UK general elections",
};

export type PartStatus = "not-started" | "in-progress" | "complete";

export const partStatusLabels: Record<PartStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  complete: "Complete",
};

/** The financial scheme's progress on the registration hub (scheme-status.ts). */
export const schemeStatusMessages = {
  modelUnreadable: "The model scheme could not be read",
  adopted: "Adopted by the founding members' ballot",
  ballotOpen: "The founding members' ballot on it is under way",
  waitingForSections: (answered: number, total: number) => `the application's details it draws on (${answered} of ${total} sections answered)`,
  waitingForTreasurer: "the treasurer to be declared",
  waiting: (items: readonly string[]) => `Waiting for ${items.join(" and for ")}`,
  readyGenerated: "Ready to be adopted by the founding members' ballot (generated from the model scheme and the application details)",
  readyEdited: "Ready to be adopted by the founding members' ballot (edited by organisers)",
} as const;

/** Labels of fields named in problems, by path without row numbers. */
const fieldLabels: Record<string, string> = {
  register: "Register",
  nations: "Nations",
  partyType: "Type of party",
  minorElections: "Elections contested",
  name: "Name",
  nameTranslation: "Welsh or Irish form of the name",
  nameTranslationLanguage: "Language of the other form",
  descriptions: "Descriptions",
  "descriptions.text": "Description",
  "descriptions.translation": "Welsh or Irish form of the description",
  "headquarters.line1": addressLabels.line1,
  "headquarters.line2": "Address line 2",
  "headquarters.town": addressLabels.town,
  "headquarters.postcode": addressLabels.postcode,
  contactEmail: "Contact email address",
  contactPhone: "Contact telephone number",
  leaderPurpose: "The leader's purpose",
  "additionalOfficer.office": "The additional officer's office",
  accountingUnits: "Accounting units",
  "accountingUnits.name": "Accounting unit name",
  "accountingUnits.treasurer": "Accounting unit treasurer",
  "accountingUnits.secondOfficer": "Accounting unit second officer",
  "financialYearEnd.day": "The financial year's last day",
  "assetsRecord.otherAssetsDetail": "What the other assets are",
  "assetsRecord.otherLiabilitiesDetail": "What the other liabilities are",
  "assetsRecord.cashAtBank": "Money in the bank",
  "assetsRecord.equipment": "Equipment",
  "assetsRecord.otherAssets": "Other assets",
  "assetsRecord.loansFromFinancialInstitutions": "Loans from banks and other financial institutions",
  "assetsRecord.otherLoans": "Other loans",
  "assetsRecord.tradeAndOtherCreditors": "Trade and other creditors",
  "assetsRecord.otherLiabilities": "Other liabilities",
  intendsToContest: "Intends to field candidates",
  headquartersIsHome: "Whether the headquarters is someone's home",
  "additionalOfficer.userId": "The additional officer",
  hasAccountingUnits: "Whether the party has accounting units",
  "accountingUnits.address.line1": "Accounting unit address",
  "accountingUnits.address.town": "Accounting unit town or city",
  "accountingUnits.address.postcode": "Accounting unit postcode",
  "financialYearEnd.month": "The financial year's last month",
  assetsWithinThreshold: "Whether assets and liabilities are each £500 or less",
  notThirdParty: "Not a recognised third party",
  notContestingGeneralElections: "Will not contest UK general elections",
};

/** The two answers of a yes-or-no question (components/yes-no-choice.tsx). */
export const yesNoLabels = { yes: commonWords.yes, no: commonWords.no } as const;

/** Saved answers in words, where the form stores a code (a choice or a ticked box). */
const answerWords: Record<string, Record<string, string>> = {
  register: { ...registerNames, both: "Both" },
  nations: nationNames,
  partyType: { full: "A full party", minor: "A minor party" },
  minorElections: { "english-parish": "English parish council elections", "welsh-community": "Welsh community council elections" },
  nameTranslationLanguage: { welsh: "Welsh", irish: "Irish" },
  headquartersIsHome: yesNoLabels,
  hasAccountingUnits: yesNoLabels,
  assetsWithinThreshold: yesNoLabels,
  intendsToContest: { yes: "Ticked" },
  notThirdParty: { yes: "Ticked" },
  notContestingGeneralElections: { yes: "Ticked" },
};

/** A saved answer as a person reads it (for "someone else changed this"): choices in words, people by name. */
export function answerInWords(path: string, value: string | readonly string[], people: ReadonlyMap<string, string> = new Map()): string | readonly string[] {
  if (path === "additionalOfficer.userId" && typeof value === "string") return people.get(value) ?? value;
  const words = answerWords[path];
  if (!words) return value;
  return typeof value === "string" ? (words[value] ?? value) : value.map((v) => words[v] ?? v);
}

/** A draft field's label, for messages about it. */
export const labelOf = (path: string): string => fieldLabels[path.replace(/\.\d+(?=\.|$)/g, "")] ?? fieldLabels[path] ?? "This answer";

const formProblems: Record<FormProblem, (label: string) => string> = {
  not_a_number: (label) => `${label} must be a whole number of pounds, like 250`,
  not_an_email: () => commonWords.emailFormat,
  invalid_date: () => "The financial year's last day must be a real day, like 31 and 12 for 31 December",
  unit_name_missing: () => "Enter the accounting unit's name",
};

export function draftIssueMessage(issue: DraftIssue): string {
  const label = labelOf(issue.path);
  if (issue.code === "too_long" || issue.code === "bad_character" || issue.code === "word_too_long")
    return textProblemMessages(label.charAt(0).toLowerCase() + label.slice(1), issue.max ?? 0)[issue.code];
  if (issue.code === "too_many") return `${label}: no more than ${issue.max ?? ""}`;
  if (issue.code === "invalid") return `${label}: choose one of the answers given`;
  if (issue.code === "not_an_office_holder") return "Choose someone declared elected to an office of the party, or nobody";
  return formProblems[issue.code](label);
}

export const emblemProblemMessages: Record<EmblemProblem, string> = {
  slot_invalid: "Choose emblem 1, 2 or 3",
  file_missing: "Choose an image file to upload",
  file_too_big: "The image must be smaller than 5 MB",
  not_image: "The selected file must be an image: PNG, JPEG, WebP or SVG",
  not_found: "There is no emblem in that place",
  text_size_invalid: "Enter the height of the smallest lettering as a whole number of pixels, like 24, or say the emblem has no text",
};

/**
 * The plain 404 of an emblem's image (routes/registration.emblems_.$slot.ts): not_found above as
 * a sentence, whole with its full stop, so a translator sees the sentence the answer gives.
 */
export const emblemImageMissing = "There is no emblem in that place.";

/** An upload refused before its body is read (the error page's message). */
export const uploadRefusedMessages = {
  malformed: commonWords.uploadBroken,
} as const;

/** The emblem answers form: a question left unanswered. */
export const emblemAnswerMessages = {
  picture_missing: "Select yes if the emblem has a picture or symbol",
  text_missing: "Select yes if the emblem has any lettering",
} as const;

export const namesProblemMessages: Record<
  Extract<NamesCsvResult, { ok: false }>["code"] | "file_missing" | "file_too_big" | "not_csv" | "upload_unreadable",
  string
> = {
  unreadable: "The file could not be read as CSV. Save it from your spreadsheet as CSV (comma separated) and try again",
  empty: "The file has no names in it",
  too_many_rows: `The file must have no more than ${formatNumber(MAX_NAME_ROWS)} rows. The Commission's registers hold a few hundred parties: check it is the list of registered parties`,
  too_many_columns: `The file has more than ${formatNumber(MAX_CSV_COLUMNS)} columns. Check it is the list of registered parties`,
  record_too_long: `A row of the file is longer than ${formatNumber(MAX_CSV_RECORD_CHARS)} characters. Check it is the list of registered parties, and that every opening quote mark has a closing one`,
  not_text: "This file is not a CSV text file: it holds characters a CSV file cannot. Save it from your spreadsheet as CSV (comma separated) and try again",
  file_missing: "Choose a CSV file to upload",
  file_too_big: `The file must be smaller than ${Math.round(MAX_NAMES_FILE_BYTES / (1024 * 1024))} MB`,
  not_csv: "The file must be a CSV file",
  upload_unreadable: commonWords.uploadBroken,
};

export const roleTitles: Record<RegisteredRole, string> = {
  leader: "Leader",
  "nominating-officer": "Nominating officer",
  treasurer: "Treasurer",
  "campaigns-officer": "Campaigns officer",
};

/**
 * What each officer confirms for their role. The Commission's exact statutory wording is
 * UNCONFIRMED (registration-uk.md section 2): these say what the law asks, and the officer sheet
 * is signed as well.
 */
export const roleDeclarations: Record<RegisteredRole, string> = {
  leader:
    "I am the party's leader (or, where it has no overall leader, its leader for the purpose stated in the application). I consent to being registered as the party's leader and confirm that the details I have given are true.",
  "nominating-officer":
    "I consent to being registered as the party's nominating officer, responsible for authorising candidates to stand in the party's name and to use its descriptions and emblems, and confirm that the details I have given are true.",
  treasurer:
    "I consent to being registered as the party's treasurer, responsible for its finances and for its compliance with the Political Parties, Elections and Referendums Act 2000. I declare that I am eligible to be treasurer: in the last five years I have not been convicted of an offence under that Act or of an election offence. I confirm that the details I have given are true.",
  "campaigns-officer":
    "I consent to being registered as the party's campaigns officer, responsible for its campaign spending, and confirm that the details I have given are true. I am not also the party's treasurer.",
};

export const officerProblemMessages: Record<OfficerProblem, string> = {
  not_an_officer: "Only the party's declared registered officers can give these details.",
  role_not_held: "You can only confirm the declaration for a role you hold",
};

/** The financial scheme organisers edit (registration.financial-scheme). */
export const schemeTextMessages = textProblemMessages("the financial scheme", MAX_FINANCIAL_SCHEME_LENGTH);

export const officerFieldMessages: Record<"fullName" | "homeAddress" | "email", Record<OfficerFieldProblem, string>> = {
  fullName: { missing: "Enter your full name", not_an_email: "Enter your full name", ...textProblemMessages("your full name", MAX_FULL_NAME_LENGTH) },
  homeAddress: {
    missing: "Enter your home address",
    not_an_email: "Enter your home address",
    ...textProblemMessages("your home address", MAX_HOME_ADDRESS_LENGTH),
  },
  email: {
    missing: commonWords.emailMissing,
    not_an_email: commonWords.emailFormat,
    ...textProblemMessages("your email address", MAX_EMAIL_LENGTH),
  },
};

export const registrationText = {
  hubLead:
    "Everything the Electoral Commission asks for to register the party: the application's details, the emblems, the officers' own details and declarations, and checks of each rule before you file.",
  visitorLead:
    "To put up candidates under its own name, the party must be registered with the Electoral Commission. Registration lets the party's name, descriptions and emblem appear on ballot papers next to its candidates.",
  visitorWhen:
    "Registration starts once the founding members have adopted the constitution and elected the party's officers. Then organisers prepare the application to register the party here, each officer confirms their own details, and organisers file it with the Commission. The Commission usually decides within 7 weeks of a complete application.",
  stageAdopted: "The constitution has been adopted.",
  stageNotAdopted: "The constitution has not been adopted yet.",
  stageDeclared: "The results of the election of the party's officers have been declared.",
  stageNotDeclared: "The party's officers have not been elected yet.",
  draftSaved: "Your answers have been saved as a draft.",
  readinessLead:
    "Each rule the app can check for the Commission's application. A fail must be put right before you file. A warning is for you to weigh: the Electoral Commission decides.",
  officerLead:
    "The Electoral Commission needs each registered officer's full name, home address and own email address, and each officer's confirmation for each role they hold. Your home address is never published: only you and the organisers can see it, and it is printed only on your own officer sheet.",
  notAnOfficer:
    "This page is for the party's declared registered officers (leader, nominating officer, treasurer and campaigns officer). You are not one of them.",
  noOfficersYet:
    "The officers have not been declared yet. Once the election results for the registered offices are declared, each officer gives their details here.",
} as const;

/** Where a check is put right: the page (and the field on it). */
export function fixLink(fix: FixPlace): { href: string; label: string } {
  switch (fix.page) {
    case "details":
      return { href: `/registration/details#${fix.field}`, label: "Change the application details" };
    case "emblems":
      return { href: `/registration/emblems${fix.slot ? `#emblem-${fix.slot}` : ""}`, label: fix.slot ? `Change emblem ${fix.slot}` : "Change the emblems" };
    case "names":
      return { href: "/registration/names", label: "Load the list of registered names" };
    case "officers":
      return { href: "/registration/officer", label: "See the officers" };
    case "constitution":
      return { href: "/constitution", label: "Go to the constitution" };
    case "financial-scheme":
      return { href: "/registration/financial-scheme", label: "Go to the financial scheme" };
  }
}

/** The founding members' ballot on the financial scheme (financial-scheme-vote.server.ts). */
export const schemeVoteMessages = {
  heading: "The founding members' ballot",
  adopted: "Adopted: the founding members adopted this text by ballot.",
  notAdopted:
    "Not adopted yet. The scheme says the founding members adopted it only once a ballot of the founding members has carried this exact text, and the registration pack waits for that.",
  editedSinceAdoption: "Not adopted: the text has changed since the founding members adopted it. Put the new text to a ballot.",
  openHint:
    "The ballot asks the founding members a yes or no question on the text as it stands now (standing orders 12). While it is open the text cannot be changed.",
  open: "Open the ballot on the financial scheme",
  closesAtLabel: commonWords.ballotClosesAt,
  closesAtInvalid: "Enter a real date and time for the ballot to close",
  openNow: (closesAt: string, ballots: number, roll: number) => `The ballot is open until ${closesAt}. ${ballots} of ${roll} founding members have voted.`,
  countedNow: "The ballot has closed. Record the result to finish it.",
  record: "Record the result",
  notCarried: "The last ballot did not carry the scheme. You can change the text if you need to and open a new ballot.",
  seeBallot: "See the ballot",
  frozen: "The text cannot be changed while the founding members' ballot on it is open. Record the result first.",
  opened: "The ballot on the financial scheme is open.",
  recordedAdopted: "The financial scheme is adopted.",
  recordedNotAdopted: "The ballot is counted: the financial scheme was not adopted.",
  problems: {
    closes_in_past: commonWords.closesInPast,
    standing_orders_not_adopted: "No ballot can open until the founding members have adopted the standing orders.",
    no_founding_members: foundingRollWords.empty,
    already_open: "A ballot on the financial scheme is already open.",
    already_adopted: "This text is already adopted.",
    no_vote: "No ballot on the financial scheme is waiting to be recorded.",
    period_too_short: "Under the standing orders a ballot stays open for at least 7 days: choose a later closing time",
    verification_failed: `Checking this result against its ballots failed, so it is not recorded. ${verificationFailedAdvice}`,
    trustee_keys_missing: "The ballot cannot open until every trustee named for the financial scheme has made their key. The Trustees page says how many have.",
    decrypting:
      "Voting has closed. The result is recorded once enough trustees have decrypted the ballots; the poll closer does it by itself within a minute or so of that.",
  },
};

/** What the emblems page says once something is done (routes/registration.emblems.tsx). */
export const emblemDoneMessages: Record<string, string> = {
  uploaded: "The emblem is uploaded and inspected. Now answer the questions about it.",
  replaced: "The emblem is replaced and inspected. Now answer the questions about it.",
  removed: "The emblem is removed.",
  described: "Your answers about the emblem are saved.",
};
