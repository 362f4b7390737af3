/**
 * Every word of the registration pack's documents (registration-uk.md section 7), apart from the
 * layout, in plain UK English. The readers are the party's officers and the Electoral Commission's
 * staff: say what each thing is, and never leave a field silently blank ("not given").
 */
import { commonWords } from "~/components/messages";
import { choiceLabels } from "~/modules/polls/messages";
import { count, pounds, ukDate, ukDateTime } from "~/modules/documents/format";
import type { RecordedStep } from "./types";
import { addressLabels } from "../address-messages";
import { officerDetailLabels } from "../officer-messages";
import { nationNames, registerNames } from "../place-messages";
import { statusLabel } from "../status-messages";
import { noun } from "~/utils/plural";
import { countSheetWords } from "~/modules/ballots/messages";
import { membersOnTheRoll } from "~/modules/constitution/pdf/messages";
import type { RegisteredRoleKey } from "./types";

export const roleLabels: Record<RegisteredRoleKey, string> = {
  leader: "Leader",
  "nominating-officer": "Nominating officer",
  treasurer: "Treasurer",
  "campaigns-officer": "Campaigns officer",
};

/** Words filled into the model financial scheme (financial-scheme.ts). */
export const schemeWords = {
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  notGiven: "not given",
  partyNotNamed: "the party",
  treasurerNotElected: "the treasurer named in the party's application for registration",
  /** Sentence (2) of the scheme: the adopted form only once the founding members' ballot carried this text. */
  adoptedByBallot: "The founding members adopted this scheme by ballot",
  toBeAdoptedByBallot: "The founding members are to adopt this scheme by ballot",
  accountingUnit: (u: { name: string; treasurer: string; secondOfficer: string; address: string }) =>
    `- **${u.name}**: treasurer ${u.treasurer}; second officer ${u.secondOfficer}; address ${u.address}.`,
};

export const packMessages = {
  notThisForm: "This was not sent from the registration documents page, so nothing was prepared. Go to the page and press “Prepare the pack now”.",
  author: (partyName: string) => partyName,
  notGiven: "not given",
  yes: commonWords.yes,
  no: commonWords.no,
  keywords: ["Electoral Commission", "registration", "political party"],
  packTitle: "Application to register a political party: the pack",
  packSubject: (partyName: string) => `Everything ${partyName} needs to apply to the Electoral Commission for registration`,
  packContentsHeading: "What this pack holds",
  /** A part's line in the cover's contents: its pages in the pack, then what it is. */
  packPages: (first: number, last: number) => (first === last ? `page ${first}` : `pages ${first} to ${last}`),
  packPartsNote: 'Each part is numbered on its own ("Page 1 of 4"), so it can be filed or printed apart; the pages above are those of this pack.',
  notAdopted: "No constitution has been adopted yet. The pack needs the adopted constitution: adopt it under Constitution first.",
  packIntro: (partyName: string, at: Date) =>
    `The documents ${partyName} needs to apply to the Electoral Commission to register as a political party, as they stood on ${ukDate(at)}. Each part starts on a new page.`,
  /** One line per document in the documents list, the pack's contents and the zip's file names. */
  documents: {
    "application-summary": {
      title: "Application summary",
      purpose: "Every answer of the application, in the order of the Commission's online form, to copy in.",
    },
    "officer-sheets": {
      title: "Officer sheets",
      purpose: "One page per registered officer: details, roles, declarations and a signature. Private: home addresses.",
    },
    constitution: { title: "Constitution", purpose: "The adopted constitution with its adoption record." },
    "financial-scheme": { title: "Financial scheme", purpose: "How the party handles its accounts, donations, loans and campaign spending." },
    "assets-and-liabilities": {
      title: "Assets and liabilities declaration",
      purpose: "The proposed treasurer's declaration, and the record where one is needed.",
    },
    "founding-record": { title: "Founding record", purpose: "The votes that founded the party, with their figures and verification hashes." },
    "readiness-checklist": { title: "Readiness checklist", purpose: "Every check Breakaway can make of the application: pass, warning or fail." },
  } as Record<string, { title: string; purpose: string }>,
};

const yesNo = (v: boolean | undefined) => (v === undefined ? packMessages.notGiven : v ? packMessages.yes : packMessages.no);

export const summaryMessages = {
  title: "Application summary",
  subject: (partyName: string) => `The answers of ${partyName}'s application to register as a political party`,
  intro:
    "Every answer of the application, in the order the Electoral Commission's online system asks for them, ready to copy in. \"Not given\" marks an answer still to be filled in on Breakaway's registration pages.",
  registerHeading: "1. Register and nations",
  register: "Register applied to",
  registers: { ...registerNames, both: "Great Britain and Northern Ireland (two separate parties)" } as Record<string, string>,
  nations: "Nations of Great Britain",
  nationNames: nationNames as Record<string, string>,
  typeHeading: "2. Type of party",
  partyType: "Party type",
  partyTypes: { full: "Full party", minor: "Minor party" } as Record<string, string>,
  minorElections: "Elections a minor party contests",
  minorElectionNames: { "english-parish": "English parish council elections", "welsh-community": "Welsh community council elections" } as Record<
    string,
    string
  >,
  intendsToContest: "Intends to contest at least one election",
  notContestingGeneralElections: "Declares it will not contest UK Parliamentary general elections",
  nameHeading: "3. The party's name",
  name: "Registered name",
  nameTranslation: "Name in another language",
  nameTranslationLanguages: { welsh: "Welsh", irish: "Irish" } as Record<string, string>,
  language: "Language",
  headquartersHeading: "4. Headquarters and contact details",
  headquarters: "Headquarters address (published)",
  headquartersIsHome: "Headquarters is someone's home address",
  contactEmail: "Contact email",
  contactPhone: "Contact telephone",
  officersHeading: "5. Officers",
  officersIntro: "Each officer's own details (full name, home address, email) are on their officer sheet, not here: home addresses are not published.",
  officerRole: "Role",
  officerName: "Name",
  noOfficers: "No officers have been declared yet: they come from the officer elections' declared results.",
  leaderPurpose: "Purpose for which the leader leads (no overall leader)",
  additionalOfficer: "Additional officer's office",
  descriptionsHeading: "6. Descriptions",
  descriptionColumns: { number: "No.", text: "Description", translation: "Other language" },
  noDescriptions: "No descriptions.",
  emblemsHeading: "7. Emblems",
  emblemColumns: { slot: "No.", file: "File", size: "Size (pixels)" },
  noEmblems: "No emblems.",
  unitsHeading: "8. Accounting units",
  hasUnits: "The party has accounting units",
  unitColumns: { name: "Name", treasurer: "Treasurer", second: "Second officer", address: "Address" },
  financeHeading: "9. Financial scheme",
  financialYearEnd: "Financial year ends on",
  financialSchemeAttached: "The financial scheme is attached as a separate document.",
  assetsHeading: "10. Assets and liabilities",
  assetsWithinThreshold: "Assets and liabilities each do not exceed £500",
  assetsRecordAttached: "The record of assets and liabilities is attached.",
  declarationsHeading: "11. Declarations",
  notThirdParty: "The party is not a recognised third party (non-party campaigner)",
  feeHeading: "12. Fee",
  fee: "The application fee of £150 is paid once every officer has authorised the application. It is not refunded if the application is refused.",
  yesNo,
};

export const officerSheetMessages = {
  title: "Officer sheets",
  subject: (partyName: string) => `The registered officers of ${partyName}: details, roles and declarations`,
  privateNote:
    "Private: this sheet holds the officer's home address, which the Electoral Commission does not publish. Keep it only as long as the application needs it.",
  sheetHeading: (name: string) => `Officer: ${name}`,
  fullName: officerDetailLabels.fullName,
  homeAddress: addressLabels.home,
  email: officerDetailLabels.email,
  roles: "Registered roles",
  declarationsHeading: "Declarations",
  confirmed: (at: Date) => `Confirmed on Breakaway on ${ukDateTime(at)}.`,
  notConfirmed: "Not yet confirmed on Breakaway.",
  detailsMissing: "not yet given by the officer",
  signatureClosing: "Signed by the officer:",
  dateLine: "Date",
  noOfficers: "No officers have been declared yet.",
};

export const schemePdfMessages = {
  title: "Financial scheme",
  subject: (partyName: string) => `The financial scheme of ${partyName}`,
  edited: "Edited by the party's organisers from Breakaway's model scheme.",
  generated: "Generated from Breakaway's model scheme and the application's details.",
  signatureClosing: "Adopted by the party and signed by the treasurer:",
  treasurerLine: "Treasurer",
  dateLine: "Date",
};

export const assetsMessages = {
  title: "Assets and liabilities declaration",
  subject: (partyName: string) => `The proposed treasurer's declaration of the assets and liabilities of ${partyName}`,
  intro:
    "A declaration by the party's proposed treasurer, as the Electoral Commission requires of an applicant party. The Commission publishes it for 6 years.",
  minorParty: "The party applies as a minor party, which makes no declaration of assets and liabilities.",
  within: (partyName: string) => `I declare that the assets of ${partyName} do not exceed £500, and that its liabilities do not exceed £500.`,
  notWithin: (partyName: string) =>
    `I declare that the assets or the liabilities of ${partyName} exceed £500. The record of its assets and liabilities follows.`,
  undecided:
    "The treasurer has not yet said whether the party's assets and its liabilities each do not exceed £500: answer this on the registration details page.",
  recordHeading: "Record of assets and liabilities",
  assetsCaption: "Assets",
  liabilitiesCaption: "Liabilities",
  item: "Item",
  amount: "Amount",
  total: "Total",
  cashAtBank: "Money in the bank",
  equipment: "Equipment",
  otherAssets: (detail?: string) => (detail ? `Other assets: ${detail}` : "Other assets"),
  loansFromFinancialInstitutions: "Loans from financial institutions",
  otherLoans: "Other loans",
  tradeAndOtherCreditors: "Trade and other creditors",
  otherLiabilities: (detail?: string) => (detail ? `Other liabilities: ${detail}` : "Other liabilities"),
  money: (wholePounds: number | undefined) => (wholePounds === undefined ? packMessages.notGiven : pounds(wholePounds * 100)),
  signatureClosing: "Signed by the proposed treasurer:",
  treasurerLine: "Proposed treasurer",
  dateLine: "Date",
};

export const foundingRecordMessages = {
  title: "Founding record",
  subject: (partyName: string) => `How ${partyName} was founded: the votes and their figures`,
  intro:
    "How the party was founded, from the pledge campaign to the election of its officers, with the figures of every vote. Each closed ballot is sealed by a chain of hashes: the last hash (the chain head) printed here lets anyone check that the ballots published on the party's website are exactly the ones that were counted, with the free checking tool that comes with the voting software.",
  campaignHeading: "1. The pledge campaign",
  pledgesMade: "Pledges made",
  pledgesConfirmed: "Pledges confirmed by email and still standing",
  pledgesWithdrawn: "Pledges withdrawn",
  moneyAtStake: "Monthly subscriptions at stake (confirmed pledges)",
  decisionHeading: "2. The members' decision at the deadline",
  foundingHeading: "3. The founding members",
  invited: "Pledgers invited to be founding members",
  accepted: "Founding members (on the roll)",
  left: "Founding members who left the roll (by their choice, or by having their account removed)",
  standingOrdersHeading: "4. The interim standing orders",
  constitutionHeading: "5. The constitution",
  constitutionSummary: (version: number, at: Date) => `Version ${version} of the constitution was adopted on ${ukDateTime(at)}.`,
  clauseVotesCaption: "Each clause's vote",
  decisions: { adopted: "Adopted", rejected: "Rejected", pending: "Not decided" } as Record<string, string>,
  clauseVote: (title: string, decision: string, yes: string, no: string, abstain: string) => `${title}: ${decision} (yes ${yes}, no ${no}, abstain ${abstain})`,
  clauseHashesCaption: "Chain heads of the clause questions",
  question: (title: string, ballots: string) => `${title}: ${ballots} ${noun(ballots, "ballot")}; chain head`,
  adoptionVoteHeading: "The adoption vote",
  failedAdoptionVoteHeading: (n: number) => `An earlier adoption vote that was not carried (${n})`,
  electionsHeading: "6. The officer elections",
  reopenedPosition: (title: string) => `${title} (re-opened nominations)`,
  recount: (at: Date, reason: string) => `Recounted on ${ukDateTime(at)} (UK time). Reason: ${reason}`,
  recountConfirmed: "The recount confirmed the declared result.",
  recountCorrected: (previous: string, declaredAt: Date | null, elected: string) =>
    declaredAt
      ? `The recount differed: the declaration of ${ukDateTime(declaredAt)} (elected: ${previous}) is superseded, and the corrected declaration elects ${elected}.`
      : `The stored count failed its check before any declaration (it elected ${previous}); the recount elects ${elected}, and that was declared.`,
  financialSchemeHeading: "7. The financial scheme",
  financialSchemeNotAdopted: "The founding members have not adopted the financial scheme, as it stands, by ballot.",
  electionColumns: { position: "Position", elected: "Elected", ballots: "Ballots", roll: "Roll" },
  notHeld: "Not held yet.",
  recordedStepsHeading: "7. Corrections and other recorded steps",
  recordedStepsIntro: "Every correction made on the record, in order, with the reason given at the time. Each is also in the audit log.",
  noRecordedSteps: "None.",
  recordedStep: (step: RecordedStep) => {
    const when = ukDateTime(step.at);
    const span = step.from && step.to ? ` from ${ukDateTime(step.from)} to ${ukDateTime(step.to)}` : "";
    const what = {
      deadline_extended: `The campaign's deadline was extended${span}.`,
      poll_cancelled: `The ballot "${step.subject}" was cancelled before it closed, and not counted.`,
      poll_extended: `The closing time of the ballot "${step.subject}" was extended${span}.`,
      round_extended: `The closing time of every question of ${step.subject.toLowerCase()} on the constitution was extended${span}.`,
      invitation_withdrawn: "A founding membership invitation sent in error was withdrawn before it was accepted.",
    }[step.kind];
    return `${when}: ${what} Reason: ${step.reason}`;
  },
  poll: {
    title: "Ballot",
    method: "Counting method",
    methods: { ...countSheetWords.methodNames, schulze: "Schulze", "yes-no": "Yes or no" } as Record<string, string>,
    status: "Status",
    statuses: { draft: "Not opened", open: "Open", closed: "Closed" } as Record<string, string>,
    opened: "Opened",
    closed: "Closed",
    roll: membersOnTheRoll,
    ballots: "Ballots cast",
    turnout: (ballots: number, roll: number) => (roll > 0 ? `${count(ballots)} of ${count(roll)} (${((ballots / roll) * 100).toFixed(1)}%)` : count(ballots)),
    yes: choiceLabels.yes,
    no: choiceLabels.no,
    abstain: choiceLabels.abstain,
    result: "Result",
    passed: "Carried",
    failed: "Not carried",
    elected: "Elected",
    declared: "Declared",
    chainHead: "Chain head (verification hash)",
    notCounted: "Not counted yet",
  },
  dateTime: ukDateTime,
};

export const checklistMessages = {
  title: "Readiness checklist",
  subject: (partyName: string) => `Breakaway's checks of ${partyName}'s application`,
  intro:
    "Every rule of the Electoral Commission's guidance that Breakaway can check. A fail must be put right before applying; a warning is a matter the Commission decides, so read its reason. Some things (whether a name is likely to confuse voters, or is offensive) only the Commission can judge.",
  summary: (pass: number, warning: number, fail: number) =>
    `${count(pass)} passed, ${count(warning)} ${warning === 1 ? "warning" : "warnings"}, ${count(fail)} failed.`,
  statuses: statusLabel as Record<string, string>,
  unavailable: "The checks could not be run.",
};
