/** Wording of the clause-by-clause sitting (sitting.ts): progress, the buttons, the receipts' note. */
import { choiceLabels } from "~/modules/polls/messages";
import { count, plural } from "~/modules/documents/format";

export const sittingMessages = {
  // A large round made ready in the background before voting opens (decision 049).
  preparingTitle: (round: number) => `Vote on the constitution: round ${round} opens soon`,
  preparingLead: (closesAt: string) =>
    `The ballot papers are being prepared: each question is its own secret ballot, with a voting key for every founding member. Voting opens as soon as they are ready, usually within minutes, and closes on ${closesAt} (UK time).`,
  preparingProgressTitle: "Ballot papers ready",
  preparingProgress: (ready: number, total: number) => `${count(ready)} of ${plural(total, "question", "questions")} ready.`,
  /** "Clause 5 of 40 · 12 left to vote on" (above the ballot's heading). */
  position: (p: { number: number; total: number; left: number }) => `Clause ${count(p.number)} of ${count(p.total)} · ${count(p.left)} left to vote on`,
  /** "You have voted on 28 of 40 clauses. 12 left." */
  done: (p: { total: number; left: number }) =>
    p.left === 0
      ? `You have voted on every clause (${plural(p.total, "clause", "clauses")}).`
      : `You have voted on ${count(p.total - p.left)} of ${plural(p.total, "clause", "clauses")}. ${count(p.left)} left.`,
  cast: "Cast my ballot on this clause",
  /** Under the button: what happens after it. */
  castThenNext: "Once it is cast, the next clause you have not voted on opens.",
  castThenDone: "This is the last clause you have not voted on.",
  castAndStop: "Cast it and stop for now",
  stopLink: "Stop here and come back later",
  stopHint: "(your ballots so far are saved; nothing on this page is cast until you press a button).",
  nextClause: "Vote on the next clause",
  backToProgress: "See your progress",
  justCastTitle: (title: string) => `Your ballot on ${title} is cast`,
  receiptsHint:
    "Keep these receipt codes, one per question. After the ballot closes you can check on each question's page that your vote was counted. Nobody can see how you voted.",
  receiptLabel: (n: number) => `Question ${n}:`,
  previousClause: "the last clause",
  allDone: "You have voted on every clause. Thank you. Results are published when the ballot closes.",
};

/** The sitting's overview: the round, the member's progress and every clause on the ballot (routes/constitution.vote._index.tsx). */
export const voteOverviewText = {
  metaTitle: "Vote on the constitution",
  notOpen: {
    heading: "Vote on the constitution",
    body: "No vote on the constitution is open at the moment.",
    read: "Read the constitution",
  },
  heading: (round: number) => `Vote on the constitution: round ${round}`,
  lead: (closesAt: string) =>
    `Each clause has its own secret ballot. Vote on them all now, or come back later: your progress is saved. The ballot closes on ${closesAt} (UK time).`,
  notOnRoll: "You are not a founding member on this round’s roll, so you cannot vote in it.",
  progress: "Your progress",
  start: "Start voting",
  clauses: {
    label: "Clauses on this ballot",
    clause: "Clause",
    questions: "Questions",
    ballot: "Your ballot",
    cast: "Cast",
    notYet: "Not yet",
  },
};

/** One clause's ballot (routes/constitution.vote.$clauseId.tsx). */
export const clauseBallotText = {
  metaTitle: "Your ballot on a clause - Constitution",
  thisClause: "This clause",
  heading: (title: string) => `Your ballot on ${title}`,
  lead: (round: number, questions: number) =>
    `Round ${round}. ${questions === 1 ? "One question." : `${questions} questions: the amendments first, then the clause as amended.`} Your ballot is secret, and you cannot change it once cast.`,
  // A clause without numbered lines reads as the page always did: the numbers left blank.
  clauseNow: (firstLine: number | null, lastLine: number | null) => `The clause as it now reads (lines ${firstLine ?? ""} to ${lastLine ?? ""})`,
  question: {
    /** Followed by the question itself. */
    number: (n: number) => `Question ${n}:`,
    amendment: (amendment: number | undefined) => `Do you support amendment A${amendment ?? ""}?`,
    competing: (amendments: readonly number[]) => `Rank the competing amendments ${amendments.map((n) => `A${n}`).join(", ")} and "No change"`,
    clause: (title: string) => `Do you adopt the clause ${title}?`,
    clauseAsAmended: (title: string) => `Do you adopt the clause ${title}, as amended by the amendments this ballot carries?`,
    majority: (majority: string) => `Majority needed: ${majority}.`,
    rankingHint:
      " Put 1 beside your first choice, 2 beside your second, and so on; leave every box blank to abstain. The top option is carried only if it also beats No change head to head.",
  },
  choices: choiceLabels,
  amendment: {
    heading: (n: number, kind: string) => `A${n}: ${kind}`,
    changesMadeBy: (n: number) => `Changes made by amendment A${n}`,
    reason: "Reason:",
    recommendation: "Drafting committee:",
  },
};
