/**
 * A ranking as a ranked poll's election encrypts it: the rank each option gets. Apart from
 * poll-election.ts so that the browser, which encrypts the member's ranking itself, packs exactly
 * what the server would, without the server's Belenios core.
 */

/** A ranking (option positions, first choice first) as the rank each option gets, 0 for unranked. */
export function ranksOf(ranking: readonly number[], optionCount: number): number[] {
  const ranks = new Array<number>(optionCount).fill(0);
  ranking.forEach((position, i) => {
    if (!Number.isInteger(position) || position < 0 || position >= optionCount) throw new Error("a ranking names an option the poll does not have");
    ranks[position] = i + 1;
  });
  return ranks;
}

/**
 * Whether a ranking is one the server would take from the ballot form (ballot-rules.ts
 * checkBallot): at least one option, each once, each one of those on the ballot. The browser
 * encrypts only such a ranking; it sends anything else to the server, which says what is wrong.
 */
export function isRankingOf(ranking: readonly number[], positions: readonly number[]): boolean {
  return ranking.length > 0 && new Set(ranking).size === ranking.length && ranking.every((p) => positions.includes(p));
}
