/**
 * The words this domain's printed documents say, kept apart from their layout (pdf/*.tsx) so they
 * can be reviewed, and one day translated, in one place. Plain UK English.
 */
import { choiceLabels } from "~/modules/polls/messages";
import { pollResultsText } from "~/modules/polls/results-messages";
import { count, ukDate, ukDateTime } from "~/modules/documents/format";

const constitutionEntrenched = "(entrenched)";

/** A vote's roll, where a record gives its size: each round's, the adoption vote's, and every ballot of the founding record. */
export const membersOnTheRoll = "Members on the roll";

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
  resultYes: choiceLabels.yes,
  resultNo: choiceLabels.no,
  resultAbstain: choiceLabels.abstain,
  resultMajority: pollResultsText.yesNo.majorityNeeded,
  decisions: { adopted: "Adopted", rejected: "Rejected", pending: "Not decided" } satisfies Record<"adopted" | "rejected" | "pending", string>,
  roundsCaption: "Voting rounds",
  roundNumber: "Round",
  roundOpened: "Opened",
  roundClosed: "Closed",
  roundRoll: membersOnTheRoll,
  noRounds: "No voting rounds are recorded.",
  finalVoteCaption: "The vote to adopt the constitution",
  finalRoll: membersOnTheRoll,
  finalTurnout: "Members who voted",
  turnout: (turnout: number, rollSize: number) =>
    rollSize > 0 ? `${count(turnout)} (${((turnout / rollSize) * 100).toFixed(1)}% of the roll)` : count(turnout),
  finalYes: choiceLabels.yes,
  finalNo: choiceLabels.no,
  finalAbstain: choiceLabels.abstain,
  finalMajority: pollResultsText.yesNo.majorityNeeded,
  chainHead: (hash: string) => `Head of the ballot chain, which seals the published ballots of this vote: ${hash}`,
  adoptedOn: (adoptedAt: Date) => `Adopted on ${ukDate(adoptedAt)}.`,
};

export const amendmentsPdfMessages = {
  documentTitle: "Amendments to the constitution",
  /** Which text the amendments are to: `baseVersion` is the adopted version being amended, or null for the first draft. */
  draftLabel: (baseVersion: number | null) => (baseVersion ? `Amendments to version ${baseVersion}` : "Amendments to the draft constitution"),
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
