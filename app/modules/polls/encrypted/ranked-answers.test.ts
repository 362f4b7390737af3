import { describe, expect, it } from "vitest";
import { isRankingOf, ranksOf } from "./ranked-answers";

describe("a ranking as a ranked poll's election encrypts it", () => {
  it("gives each option its rank, 0 when unranked, and refuses an option the poll does not have", () => {
    expect(ranksOf([2, 0], 4)).toEqual([2, 0, 1, 0]);
    expect(() => ranksOf([4], 4)).toThrow();
  });

  it("is encrypted in the browser only when the server would take it from the form", () => {
    expect(isRankingOf([2, 0], [0, 1, 2])).toBe(true);
    expect(isRankingOf([], [0, 1, 2])).toBe(false);
    expect(isRankingOf([1, 1], [0, 1, 2])).toBe(false);
    // Position 3 is not on the ballot: withdrawn, say.
    expect(isRankingOf([3, 0], [0, 1, 2])).toBe(false);
  });
});
