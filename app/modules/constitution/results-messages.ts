import { choiceLabels, pollPageText } from "~/modules/polls/messages";
import { commonWords } from "~/components/messages";
import { plural } from "~/utils/plural";
import { manageConstitutionText } from "./manage-messages";
import { correctPollText } from "~/modules/polls/poll-page-messages";
import { pollResultsText } from "~/modules/polls/results-messages";

/** The wording of Constitution votes and results (routes/constitution.results.tsx). */
export const resultsText = {
  title: "Constitution votes and results",
  back: commonWords.backToConstitution,
  opened: { title: "The vote is open", body: "Founding members can now vote clause by clause." },
  adoptionOpened: { title: "The adoption vote is open", body: "Founding members vote on the constitution as a whole." },
  doneBody: "The results are below and in the audit log.",
  adopted: (version: number, adoptedAt: string) => `Version ${version} was adopted on ${adoptedAt}. `,
  downloadAdopted: "Download it with its adoption record (PDF)",
  noRound: "No voting round has been opened yet.",
  unknownAction: commonWords.unknownAction,
  noDraft: "No draft",
  close: {
    reason: "Reason for closing before the closing time (returning officer)",
    onlyReturningOfficer: "Only the returning officer can close a ballot before its closing time.",
    reasonMissing: "Give the reason for closing the ballot before its closing time",
    roundClosed: (n: number) => `Round ${n} is closed and counted.`,
    adoptedAs: (version: number | null) => `The constitution is adopted as version ${version}.`,
    notAdopted: "The adoption vote is counted: the constitution was not adopted.",
  },
  adoption: {
    heading: "The final vote: adopting the constitution as a whole",
    chart: "Adoption vote",
    tookPart: (turnout: number, rollSize: number, majority: string) => `${turnout} of ${rollSize} founding members took part. Majority needed: ${majority}. `,
    fullCount: "Full count, receipts and ballots",
    due: (closesAt: string, ballots: number, rollSize: number) =>
      `Voting closed on ${closesAt}. ${ballots} of ${rollSize} founding members voted. The vote is being counted, and its result recorded, within a minute or so.`,
    open: (closesAt: string, ballots: number, rollSize: number) => `Open until ${closesAt}. ${ballots} of ${rollSize} founding members have voted. `,
    vote: "Vote on the adoption",
    turnout: "Turnout in the adoption vote",
    record: "Record the result",
    closeAndCount: "Close and count the adoption vote",
  },
  failed: {
    heading: "Adoption votes that were not carried",
    manage: manageConstitutionText.title,
    summary: (f: { closedAt: string; yes: number; no: number; abstain: number; turnout: number; rollSize: number }, majority: string) =>
      `Closed on ${f.closedAt}. Yes ${f.yes}, no ${f.no}, abstain ${f.abstain}: ${f.turnout} of ${f.rollSize} founding members took part. Majority needed: ${majority}. `,
  },
  round: {
    heading: (n: number, closed: boolean, closesAt: string) => `Round ${n}: ${closed ? `closed on ${closesAt}` : `open until ${closesAt}`}`,
    roll: (rollSize: number, quorumPercent: number) =>
      `${plural(rollSize, "founding member")} on the roll. Quorum: ${quorumPercent}% of the roll must take part in each question.`,
    due: (closesAt: string) => `Voting closed on ${closesAt}. The round is being counted as a whole, within a minute or so. Turnout, clause by clause:`,
    hidden: "Results are hidden until the ballot closes. Turnout so far, clause by clause:",
    turnoutChart: (n: number) => `Round ${n} turnout by clause`,
    quorum: "quorum",
    closeAndCount: (n: number) => `Close and count round ${n}`,
    outcomesChart: (n: number) => `Round ${n}: clauses by outcome`,
    adopted: "Adopted",
    rejected: "Rejected (left out)",
    pending: "Not decided (quorum not met)",
    added: "Added by an amendment (own question in the next round)",
  },
  extend: {
    summary: (n: number) => `Extend round ${n}'s closing time`,
    intro:
      "Every question of the round moves to the new time together. It can be moved later, never earlier; everyone can see the change and its reason, and it goes in the founding record.",
    closesAt: correctPollText.extend.closesAt,
    reason: correctPollText.extend.reason,
    reasonHint: (max: number) => `Shown in the founding record. At most ${max} characters.`,
    submit: correctPollText.extend.submit,
    closesAtMissing: pollPageText.closingTimeMissing,
    extended: (n: number, closesAt: string) => `Round ${n} now closes on ${closesAt} (UK time).`,
  },
  clause: {
    heading: (title: string, decision: "adopted" | "rejected" | "pending" | null) =>
      `${title}: ${decision === "adopted" ? "adopted" : decision === "rejected" ? "rejected, left out" : "not decided"}`,
    questionsOn: (title: string) => `Questions on ${title}`,
    columns: {
      question: "Question",
      yes: choiceLabels.yes,
      no: choiceLabels.no,
      abstain: choiceLabels.abstain,
      majority: pollResultsText.yesNo.majorityNeeded,
      result: "Result",
    },
    chart: (title: string) => `${title}: the clause`,
    yes: choiceLabels.yes,
    no: choiceLabels.no,
    abstain: choiceLabels.abstain,
  },
  question: {
    clause: "The clause as amended",
    amendment: (n: string) => `Amendment A${n}`,
    competing: (ns: string) => `Competing: ${ns}`,
    carried: (n: string) => `A${n} is carried`,
    noChange: "No change: the text stays as it was",
    headToHead: (yes: number, no: number) => ` (head to head with No change: ${yes} to ${no})`,
    quorumNotMet: "The quorum was not met.",
  },
} as const;
