import { describe, expect, it } from "vitest";
import { countSchulze } from "./schulze";
import type { Election, RankEntry } from "./types";

function election(candidates: string[], ballots: [number, RankEntry[]][], seats = 1, withdrawn: number[] = []): Election {
  return { title: "", candidates, seats, ballots: ballots.map(([weight, ranking]) => ({ weight, ranking })), withdrawn };
}

describe("countSchulze", () => {
  it("elects the Condorcet winner and counts unranked candidates as ranked last", () => {
    const report = countSchulze(
      election(
        ["A", "B", "C"],
        [
          [3, [0]],
          [2, [1, 0]],
          [2, [2, 0]],
        ],
      ),
    );
    expect(report.pairwise).toEqual([
      [0, 5, 5],
      [2, 0, 2],
      [2, 2, 0],
    ]);
    expect(report.ranking).toEqual([["A"], ["B", "C"]]);
    expect(report.elected).toEqual(["A"]);
    expect(report.tieBreaks).toEqual([]);
  });

  it("reports equal places and handles equal rankings on ballots natively", () => {
    const report = countSchulze(
      election(
        ["A", "B", "C"],
        [
          [2, [[0, 1], 2]],
          [1, [2]],
        ],
      ),
    );
    expect(report.pairwise).toEqual([
      [0, 0, 2],
      [0, 0, 2],
      [1, 1, 0],
    ]);
    expect(report.ranking).toEqual([["A", "B"], ["C"]]);
    // One seat, two candidates sharing first place: a lot decides, and says so.
    expect(report.elected).toHaveLength(1);
    expect(report.tieBreaks).toMatchObject([{ question: "ranking-place", tied: ["A", "B"], decidedBy: "lot" }]);
    // Two seats: both take their shared place, no lot needed.
    const twoSeats = countSchulze(
      election(
        ["A", "B", "C"],
        [
          [2, [[0, 1], 2]],
          [1, [2]],
        ],
      ),
      { seats: 2 },
    );
    expect(twoSeats.elected).toEqual(["A", "B"]);
    expect(twoSeats.tieBreaks).toEqual([]);
  });

  it("skips withdrawn candidates and leaves a seat won by RON vacant", () => {
    const report = countSchulze(
      election(
        ["A", "W", "RON"],
        [
          [3, [1, 2, 0]],
          [2, [0, 2]],
        ],
        1,
        [1],
      ),
    );
    expect(report.ranking).toEqual([["RON"], ["A"]]);
    expect(report.elected).toEqual(["RON"]);
    expect(report.vacantSeats).toBe(1);
  });
});
