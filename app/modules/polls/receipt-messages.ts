/** The wording of a poll's receipt check (routes/polls.$pollId.receipt.tsx). */
export const receiptCheckText = {
  metaTitle: "Check your ballot",
  title: "Check that your ballot was counted",
  notClosed: "This poll has not closed yet. Come back with your receipt code once it has.",
  countedTitle: "Your ballot was counted",
  counted: "The receipt code is in the published list of counted ballots.",
  publishedWith: (ballot: string) => `The ballot published with it: ${ballot}.`,
  /** A published ranking, its options in order of preference. */
  ranking: (labels: readonly string[]) => labels.join(", then "),
  notFoundTitle: "No ballot has this receipt code",
  notFound: "Check that you typed it exactly as it was shown. If it is right, tell the returning officer at once.",
  codeLabel: "Receipt code",
  codeHint: "The 32 letters and digits shown when you voted.",
  check: "Check",
} as const;
