import { newPollText } from "./new-poll-messages";
import { notYetOpen } from "./poll-page-messages";

/** The wording of the list of polls (routes/polls._index.tsx). */
export const pollListText = {
  title: "Polls",
  lead: "Secret ballots of the movement. Results are published when each poll closes, with everything needed to check the count.",
  clausesBefore: "Votes on the constitution’s clauses are under ",
  clausesLink: "Constitution",
  clausesBetween: ", with their ",
  resultsLink: "results",
  clausesAfter: ".",
  trusteesLink: "Trustees: who holds the key of each vote",
  create: newPollText.title,
  none: "There are no polls yet.",
  youCanVote: " (you can vote)",
  /** The headings of the polls by status, in the order they are listed. */
  groups: {
    open: "Open now",
    draft: notYetOpen,
    decrypting: "Closed, waiting for the trustees to decrypt the result",
    closed: "Closed, with results",
  },
} as const;
