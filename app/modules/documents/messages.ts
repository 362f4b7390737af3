/**
 * Every word Breakaway prints in its documents, kept apart from layout so it can be reviewed
 * (and one day translated) in one place. Plain UK English: the readers are not technical, and
 * the letters go to a party that will read them closely.
 */
import { count, pounds, ukCalendarDate, ukDate, ukDateTime, upperFirst } from "./format";
import { noun } from "../../utils/plural";

export const kitMessages = {
  generatedOn: (at: Date) => `Generated on ${ukDate(at)}`,
  creator: "Breakaway",
  signatureLine: "Signature",
  blankLine: "________________________",
};

export interface RelationCounts {
  member: number;
  former_member: number;
  supporter: number;
}

export const ultimatumMessages = {
  documentTitle: (partyName: string) => `Our demands of ${partyName}`,
  subject: (movementName: string) => `The ultimatum of ${movementName}: demands, deadline and figures`,
  keywords: ["ultimatum", "demands", "deadline", "pledges"],
  recipient: (partyName: string) => ["The General Secretary", upperFirst(partyName)],
  salutation: "Dear General Secretary,",
  introduction: (movementName: string, partyName: string, pledged: number, deadline: Date) =>
    pledged > 0
      ? `We write on behalf of the ${count(pledged)} ${pledged === 1 ? "person" : "people"} who have pledged, through ${movementName}, ` +
        `to leave ${partyName} together unless it meets the demands in this letter by ${ukDateTime(deadline)}.`
      : `We write on behalf of ${movementName}, whose supporters are pledging to leave ${partyName} together unless it meets ` +
        `the demands in this letter by ${ukDateTime(deadline)}.`,
  statementHeading: "Who we are",
  demandsHeading: "Our demands",
  deadlineHeading: "The deadline",
  deadline: (partyName: string, deadline: Date) =>
    `We ask ${partyName} to meet these demands by ${ukDateTime(deadline)} (UK time), and to tell us in writing, demand by demand, what it has decided.`,
  figuresHeading: "Who has pledged",
  figuresAsOf: (at: Date) =>
    `These figures count pledges confirmed by email and not withdrawn, on ${ukDate(at)}. They are totals only: this letter names nobody.`,
  relationCaption: "Pledges by relation to the party",
  relationColumn: "Who",
  regionCaption: "Pledges by region",
  regionColumn: "Region",
  pledgesColumn: "Pledges",
  relationLabels: (partyName: string): Record<keyof RelationCounts, string> => ({
    member: `Members of ${partyName}`,
    former_member: `Former members of ${partyName}`,
    supporter: "Supporters who are not members",
  }),
  total: "Total",
  noPledgesYet: "No pledges have been confirmed yet.",
  subscriptionsHeading: "Subscriptions at stake",
  subscriptions: (partyName: string, monthlyPence: number) =>
    monthlyPence > 0
      ? `The members who have pledged pay ${partyName} ${pounds(monthlyPence)} a month in subscriptions between them ` +
        `(${pounds(monthlyPence * 12)} a year), as they told us when pledging. These payments stop when they leave.`
      : `The members who have pledged have not yet told us what they pay in subscriptions.`,
  consequencesHeading: "If our demands are not met",
  consequences: (partyName: string, deadline: Date) => [
    `If ${partyName} has not met these demands by ${ukDateTime(deadline)}, the people who have pledged will decide together, by ballot, what happens next.`,
    `Those who are members have pledged to resign from ${partyName} together, on one agreed day, and to cancel their subscriptions. ` +
      `We are ready to found a new party from the grass roots up, in which members decide everything.`,
    `We would much rather you met our demands. We will share your reply with everyone who has pledged.`,
  ],
  closing: "Yours faithfully,",
  signatory: (movementName: string) => movementName,
  signatoryLines: (pledged: number) => (pledged > 0 ? [`On behalf of the ${count(pledged)} ${pledged === 1 ? "person" : "people"} who have pledged`] : []),
};

export const resignationMessages = {
  documentTitle: "Resignation of membership",
  subject: (partyName: string) => `Resignation of membership of ${partyName}`,
  keywords: ["resignation", "membership"],
  membershipNumber: "Membership number",
  postcode: "Postcode",
  dateLabel: "Date",
  membershipNumberHint: "add it if you know it: it is on your membership card",
  leavingDayHint: "write the date you send this, on the agreed leaving day",
  recipient: (partyName: string) => ["The Membership Department", upperFirst(partyName)],
  salutation: "Dear Sir or Madam,",
  heading: "Resignation of my membership",
  resign: (partyName: string, leavingDay: string | null) => {
    const day = leavingDay ? ukCalendarDate(leavingDay) : null;
    return day
      ? `I am writing to resign my membership of ${partyName} with immediate effect, from today, ${day}.`
      : `I am writing to resign my membership of ${partyName} with immediate effect, from the date of this letter.`;
  },
  reason: (partyName: string, movementName: string, deadline: Date) =>
    `I am leaving because ${partyName} did not meet the demands that its members set out through ${movementName} by ${ukDate(deadline)}.`,
  requests: [
    "Please confirm in writing that my membership has ended.",
    "Please cancel any Direct Debit or other regular payment I make to the party, and take no further payments from me.",
  ],
  closing: "Yours faithfully,",
  /** Advice for the member, shown next to the download links, never inside the letter. */
  adviceForMember: [
    "Send the letter on the agreed leaving day, by email or by post, to the party's membership department.",
    "To be sure your payments stop, you can also cancel the Direct Debit yourself with your bank.",
    "Keep a copy of the letter and of any reply.",
  ],
};

/** Why a person cannot have a resignation letter, in words they can act on. */
export const resignationRefusals = {
  not_invited: {
    status: 403,
    title: "There is no resignation letter for you",
    body: "Resignation letters are for founding members who are leaving the old party. You have not been invited to be a founding member. If you think you should have been, ask an organiser.",
  },
  not_accepted: {
    status: 403,
    title: "Accept your invitation first",
    body: "Your resignation letter is ready once you have accepted your invitation to be a founding member. Accept it on the founding page, then come back here.",
  },
  not_needed: {
    status: 404,
    title: "You do not need a resignation letter",
    body: "Our records show you are not a member of the old party, so there is nothing to resign from. If that is wrong, ask an organiser to correct it.",
  },
  no_movement: {
    status: 404,
    title: "There is no resignation letter yet",
    body: "The movement has not been set up yet, so there is no letter to make.",
  },
} as const;

const constitutionEntrenched = "(entrenched)";

export const constitutionPdfMessages = {
  subject: (partyName: string) => `The constitution of ${partyName}, with line numbers`,
  keywords: ["constitution", "clauses", "line numbers"],
  draftNote: "This is a draft. The members have not adopted it, so it has no force yet. Line numbers are the ones amendments refer to.",
  draftEnd: "This draft has not been adopted, so there is no adoption record yet.",
  adoptedNote: (version: number, adoptedAt: Date) =>
    `The members adopted this constitution as version ${version} on ${ukDate(adoptedAt)}. The adoption record is at the end.`,
  contentsHeading: "Contents",
  contentsClause: "Clause",
  contentsTitle: "Title",
  contentsLine: "From line",
  /** A clause with no text has no lines to point to. */
  noLines: "no text",
  entrenched: constitutionEntrenched,
  clauseHeading: (number: number, title: string, entrenched: boolean) => `${number}. ${title}${entrenched ? ` ${constitutionEntrenched}` : ""}`,
  entrenchedKey: "Clauses marked (entrenched) need a two-thirds majority to change.",
  emptyClause: "This clause has no text yet.",
  noClauses: "There are no clauses yet.",
  adoptionHeading: "Adoption record",
  adoptionSummary: (version: number, adoptedAt: Date) => `The members adopted this constitution as version ${version} on ${ukDateTime(adoptedAt)} (UK time).`,
  resultsCaption: "How each clause was decided",
  resultClause: "Clause",
  resultDecision: "Result",
  resultYes: "Yes",
  resultNo: "No",
  resultAbstain: "Abstain",
  resultMajority: "Majority needed",
  decisions: { adopted: "Adopted", rejected: "Rejected", pending: "Not decided" } satisfies Record<"adopted" | "rejected" | "pending", string>,
  roundsCaption: "Voting rounds",
  roundNumber: "Round",
  roundOpened: "Opened",
  roundClosed: "Closed",
  roundRoll: "Members on the roll",
  noRounds: "No voting rounds are recorded.",
  finalVoteCaption: "The vote to adopt the constitution",
  finalRoll: "Members on the roll",
  finalTurnout: "Members who voted",
  turnout: (turnout: number, rollSize: number) =>
    rollSize > 0 ? `${count(turnout)} (${((turnout / rollSize) * 100).toFixed(1)}% of the roll)` : count(turnout),
  finalYes: "Yes",
  finalNo: "No",
  finalAbstain: "Abstain",
  finalMajority: "Majority needed",
  chainHead: (hash: string) => `Head of the ballot chain, which seals the published ballots of this vote: ${hash}`,
  adoptedOn: (adoptedAt: Date) => `Adopted on ${ukDate(adoptedAt)}.`,
};

export const amendmentsPdfMessages = {
  documentTitle: "Amendments to the constitution",
  subject: (partyName: string, draftLabel: string) => `Amendments proposed to ${draftLabel} of ${partyName}`,
  keywords: ["constitution", "amendments", "conference"],
  proposedTo: (draftLabel: string) => `Amendments proposed to: ${draftLabel}.`,
  supportersRule: (needed: number) =>
    needed > 0
      ? `An amendment needs ${count(needed)} ${needed === 1 ? "supporter" : "supporters"} to go forward to the vote.`
      : "An amendment needs no supporters to go forward to the vote.",
  howChangesShow: "How changes are shown: words taken out are struck through and marked [deleted: …]; words put in are underlined and marked [added: …].",
  none: "No amendments have been proposed.",
  heading: (number: number, clauseNumber: number | null, clauseTitle: string) =>
    clauseNumber !== null ? `A${number}: Clause ${clauseNumber}, ${clauseTitle}` : `A${number}: ${clauseTitle}`,
  kind: "Kind",
  proposer: "Proposed by",
  committee: "Drafting committee",
  status: "Status",
  supporters: "Supporters",
  supporterCount: (supporters: number, needed: number) => `${count(supporters)} (${count(needed)} needed)`,
  supporterNames: (names: readonly string[]) => `Supported by: ${names.join(", ")}.`,
  reasonHeading: "Reason",
  noReason: "No reason given.",
  changeHeading: "The change",
  noChange: "This amendment does not change the clause's words.",
  deletedLabel: "deleted: ",
  addedLabel: "added: ",
  recommends: (kind: "accept" | "reject" | "compromise") => `Drafting committee recommends: ${kind}`,
  compromiseText: "Compromise text:",
  // Which one is printed follows the amendment's status (decision 039).
  noRecommendationYet: "The drafting committee has not made a recommendation yet.",
  noRecommendationMade: "The drafting committee made no recommendation.",
};

export const declarationMessages = {
  documentTitle: "Declaration of result of poll",
  pdfTitle: (positionTitle: string) => `Declaration of result of poll: ${positionTitle}`,
  subject: (positionTitle: string, partyName: string) => `The result of the election of ${positionTitle}, ${partyName}, as declared by the returning officer`,
  keywords: ["declaration", "result", "election", "count", "returning officer"],
  electionHeading: (positionTitle: string) => `Election of ${positionTitle}`,
  opening: (returningOfficer: string, positionTitle: string, partyName: string) =>
    `I, ${returningOfficer}, the returning officer for the election of ${positionTitle} of ${partyName}, give notice that the votes given at the poll were counted as set out below.`,
  position: "Position",
  seats: "Seats to fill",
  method: "Voting method",
  returningOfficer: "Returning officer",
  declaredAt: "Result declared",
  declaredAtValue: (at: Date) => `${ukDateTime(at)} (UK time)`,
  correctedByRecount: "Corrected by recount",
  correctedByRecountValue: (at: Date, reason: string) => `Corrected by recount on ${ukDateTime(at)} (UK time). Reason: ${reason}`,
  superseded: "Superseded declaration",
  supersededValue: (elected: readonly string[]) =>
    `The earlier declaration (elected: ${elected.length > 0 ? elected.join(", ") : "nobody"}) is replaced by this one and kept on record.`,
  electorate: "Electorate (members on the roll)",
  ballotsCast: "Ballot papers cast",
  ballotsCastValue: (cast: string, turnout: string | null) => (turnout === null ? cast : `${cast} (turnout ${turnout})`),
  rejected: "Rejected papers (no usable preference)",
  valid: "Valid papers",
  quota: "Quota (votes needed to be elected)",
  majority: "Votes needed to win",
  majorityValue: "more than half of the votes for continuing candidates at each stage",
  withdrawn: "Withdrawn before the count",
  firstPreferencesHeading: "First preferences",
  candidate: "Candidate",
  votes: "Votes",
  percentOfValid: "% of valid votes",
  totalValid: "Total valid votes",
  stagesHeading: "Stages of the count",
  stagesIntro:
    "Each column gives the totals at the end of that stage. “Elected” and “Excluded” mark the stage at which a candidate was elected or excluded; a dash means the candidate had already been excluded.",
  stageLabel: (stage: number) => `Stage ${stage}`,
  stageRange: (first: number, last: number) => (first === last ? `Stage ${first}` : `Stages ${first} to ${last}`),
  firstPreferencesCounted: "first preferences counted.",
  surplusTransferred: (candidate: string, surplus: string) => `the surplus of ${candidate} (${surplus} ${noun(surplus, "vote")}) transferred.`,
  candidateExcluded: (candidate: string, total: string) =>
    `${candidate} excluded with ${total} ${noun(total, "vote")}, the lowest total, and the papers transferred.`,
  electedAtStage: (candidate: string, reason: string) => `${candidate} elected: ${reason}.`,
  ronWonAtStage: (candidate: string) => `${candidate} won a seat, which is left vacant for nominations to re-open.`,
  stageDescription: (stage: number, what: string) => `Stage ${stage}: ${what}`,
  electedMark: "Elected",
  excludedMark: "Excluded",
  alreadyExcluded: "–",
  nonTransferable: "Non-transferable",
  lossOfFractions: "Loss of fractions",
  neededToWin: "Votes needed to win",
  total: "Total",
  noStages: "There were no valid papers, so there was nothing to count.",
  electedHeading: "The following were elected",
  electedIntro: "In order of election:",
  winner: (candidate: string, stage: number, reason: string) => `${candidate} (stage ${stage}: ${reason})`,
  ronSeat: "Seat left vacant: re-open nominations won",
  unfilledSeats: (n: number) => `${count(n)} ${n === 1 ? "seat" : "seats"} left vacant: not enough candidates`,
  nobodyElected: "Nobody was elected.",
  tiesHeading: "How ties were decided",
  tie: (stage: number, description: string) => `Stage ${stage}: ${upperFirst(description)}`,
  verificationHeading: "Checking this result",
  chainHead: (hash: string) => `Head of the ballot chain, which seals the published ballots of this poll: ${hash}`,
  pollUrl: (url: string) => `The published ballots, and a BLT file to recount them with any STV program, are at ${url}`,
  countSheet: (url: string) =>
    `The count sheet, which gives every stage with what was transferred, at what value, the change and the new total for every candidate, is published with this declaration at ${url}`,
  closing: "Signed,",
  signatoryLines: (declaredAt: Date) => ["Returning officer", `Dated ${ukDate(declaredAt)}`],
};

/** The count sheet a returning officer signs (count-sheet.tsx). */
export const countSheetMessages = {
  pdfTitle: (title: string) => `Count sheet: ${title}`,
  subject: (title: string) => `The count of ${title}, stage by stage, as the returning officer certifies it`,
  keywords: ["count sheet", "stages", "transfers", "single transferable vote", "returning officer"],
  method: "Counted by",
  seats: "Seats",
  valid: "Valid papers",
  closed: "Voting closed",
  date: (at: Date) => ukDateTime(at),
  howToRead: (places: number) =>
    `Each stage shows, for every candidate, the change during the stage (+/-) and the total at its end${places > 0 ? `, to ${places} decimal places` : ""}. The totals row adds every column back to the valid papers.`,
  electedHeading: "Elected, in order of election",
  nobodyElected: "Nobody was elected.",
  tiesHeading: "How ties were decided",
  checkHeading: "Checking this count",
  check: (pollUrl: string, methodName: string, seed: string) =>
    `The published ballots and the ballot file (BLT) are at ${pollUrl}. Anyone can count them again by the same rules (${methodName}) and should reach this sheet figure for figure; any tie the rules leave to chance is settled by the lot drawn from the seed fixed before voting: ${seed}.`,
  certify: "I certify that this is a true record of the count.",
  role: "Returning officer",
  dated: "Date",
};
