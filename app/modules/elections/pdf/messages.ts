/**
 * The words this domain's printed documents say, kept apart from their layout (pdf/*.tsx) so they
 * can be reviewed, and one day translated, in one place. Plain UK English.
 */
import { count, ukDate, ukDateTime, upperFirst } from "~/modules/documents/format";
import { noun } from "~/utils/plural";
import { NOBODY_ELECTED, VOTES_NEEDED_TO_WIN } from "~/modules/ballots/messages";
import { countSheetMessages } from "~/modules/polls/pdf/messages";

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
  valid: countSheetMessages.valid,
  quota: "Quota (votes needed to be elected)",
  majority: VOTES_NEEDED_TO_WIN,
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
  neededToWin: VOTES_NEEDED_TO_WIN,
  total: "Total",
  noStages: "There were no valid papers, so there was nothing to count.",
  electedHeading: "The following were elected",
  electedIntro: "In order of election:",
  winner: (candidate: string, stage: number, reason: string) => `${candidate} (stage ${stage}: ${reason})`,
  ronSeat: "Seat left vacant: re-open nominations won",
  unfilledSeats: (n: number) => `${count(n)} ${n === 1 ? "seat" : "seats"} left vacant: not enough candidates`,
  nobodyElected: NOBODY_ELECTED,
  tiesHeading: countSheetMessages.tiesHeading,
  tie: (stage: number, description: string) => `Stage ${stage}: ${upperFirst(description)}`,
  verificationHeading: "Checking this result",
  chainHead: (hash: string) => `Head of the ballot chain, which seals the published ballots of this poll: ${hash}`,
  pollUrl: (url: string) => `The published ballots, and a BLT file to recount them with any STV program, are at ${url}`,
  countSheet: (url: string) =>
    `The count sheet, which gives every stage with what was transferred, at what value, the change and the new total for every candidate, is published with this declaration at ${url}`,
  closing: "Signed,",
  signatoryLines: (declaredAt: Date) => ["Returning officer", `Dated ${ukDate(declaredAt)}`],
};
