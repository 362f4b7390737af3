import { describe, expect, it } from "vitest";
import { groupBallots, normaliseRanking, prepareStrictBallots } from "./group";

describe("normaliseRanking", () => {
  it("drops repeats and skipped candidates, sorts equal ranks, unwraps groups of one", () => {
    expect(normaliseRanking([3, [2, 1], 3, [4], [], 1, 0], new Set([0]))).toEqual([3, [1, 2], 4]);
    expect(normaliseRanking([[2, 5], 1], new Set([5]))).toEqual([2, 1]);
  });
});

describe("groupBallots", () => {
  it("groups identical rankings and sums weights, in order of first appearance", () => {
    const grouped = groupBallots([
      [1, 2],
      { ranking: [0], weight: 3 },
      [1, 2],
      { ranking: [1, [2]], weight: 2 },
      [1, 2, 0],
      [],
      { ranking: [], weight: 1 },
      { ranking: [0], weight: 0 },
    ]);
    expect(grouped).toEqual([
      { ranking: [1, 2], weight: 4 },
      { ranking: [0], weight: 3 },
      { ranking: [1, 2, 0], weight: 1 },
      { ranking: [], weight: 2 },
    ]);
  });

  it("keeps equal-rank groups distinct from orders", () => {
    const grouped = groupBallots([[[1, 2]], [[2, 1]], [1, 2], [2, 1]]);
    expect(grouped).toEqual([
      { ranking: [[1, 2]], weight: 2 },
      { ranking: [1, 2], weight: 1 },
      { ranking: [2, 1], weight: 1 },
    ]);
  });

  it("never merges rankings that differ, however large or invalid the numbers", () => {
    const rankings = [[1], [1.5], [-1], [0xffff], [0xfff0], [70000], [70000, 3], [[1, 2]], [1, 2]];
    expect(groupBallots(rankings).map((b) => b.ranking)).toEqual(rankings);
  });

  it("rejects negative or fractional weights", () => {
    expect(() => groupBallots([{ ranking: [0], weight: -1 }])).toThrow(RangeError);
    expect(() => groupBallots([{ ranking: [0], weight: 1.5 }])).toThrow(RangeError);
  });

  it("does not share arrays with its input", () => {
    const input = [0, 1];
    const [group] = groupBallots([input]);
    input.push(2);
    expect(group!.ranking).toEqual([0, 1]);
  });
});

describe("prepareStrictBallots", () => {
  it("removes withdrawn candidates, stops at equal ranks, and counts empty papers", () => {
    const prepared = prepareStrictBallots(
      [
        { ranking: [1, 0, 2], weight: 2 },
        { ranking: [0, 2], weight: 1 }, // same as above once 1 is withdrawn
        { ranking: [2, [0, 3], 1], weight: 4 }, // stops at the tie
        { ranking: [[0, 1], 2], weight: 1 }, // tie {0, withdrawn 1} is just 0
        { ranking: [[0, 2]], weight: 5 }, // tie at rank 1: empty
        { ranking: [1], weight: 3 }, // only a withdrawn candidate: empty
      ],
      new Set([1]),
      4,
    );
    expect(prepared.groups).toEqual([
      { ranking: [0, 2], weight: 4 },
      { ranking: [2], weight: 4 },
    ]);
    expect(prepared).toMatchObject({ cast: 16, valid: 8, empty: 8 });
  });

  it("rejects candidate numbers out of range, in orders and in equal ranks", () => {
    expect(() => prepareStrictBallots([{ ranking: [0, 4], weight: 1 }], new Set(), 4)).toThrow(RangeError);
    expect(() => prepareStrictBallots([{ ranking: [[0, -1]], weight: 1 }], new Set(), 4)).toThrow(RangeError);
  });
});
