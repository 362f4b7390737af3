/** The wording of a closed poll's published ballots (routes/polls.$pollId.ballots._index.tsx). */
export const publishedBallotsText = {
  title: "Published ballots",
  notPublished: "The ballots are published when the poll closes.",
  membersWhoVoted: "Members who voted",
  ballotsCounted: "Ballots counted",
  chainHead: "Head of the ballot chain",
  bltLink: "Download the ballots as a BLT file",
  bltAfter: " and recount them with any program that counts single transferable vote elections, or with the counting tool that comes with Breakaway.",
  pairsCaption: "Each ballot beside its receipt code, sorted by receipt code",
  receipt: "Receipt",
  ballot: "Ballot",
  /** A published ranking, its options in order of preference. */
  ranking: (labels: readonly string[]) => labels.join(" > "),
  receiptsHeading: "Receipt codes of counted ballots",
  contentsHeading: "Ballots, in sorted order",
} as const;
