/** Wording of the clause-by-clause sitting (sitting.ts): progress, the buttons, the receipts' note. */
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
