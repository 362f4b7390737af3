/**
 * Where a poll closed only with the others of its owner is closed and counted: an election's
 * ballots (offices before the committee) and a constitution round's questions.
 */
export function countedTogether(owner: string | null): CountedTogether | null {
  if (owner === "election") return { page: "/elections", what: "the other ballots of the election, on the Elections page" };
  if (owner === "clause") return { page: "/constitution/results", what: "the other questions of its voting round, on the constitution's results page" };
  return null;
}

export interface CountedTogether {
  page: string;
  what: string;
}
