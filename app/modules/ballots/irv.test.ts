import { describe, expect, it } from "vitest";
import { countIrv } from "./irv";
import { rankedInvariantProblems } from "./test-support/invariants";
import type { Election } from "./types";

function election(candidates: string[], ballots: [number, number[]][]): Election {
  return { title: "", candidates, seats: 1, ballots: ballots.map(([weight, ranking]) => ({ weight, ranking })), withdrawn: [] };
}

describe("countIrv", () => {
  it("elects a first-round majority at once", () => {
    const report = countIrv(
      election(
        ["A", "B"],
        [
          [3, [0]],
          [2, [1]],
        ],
      ),
    );
    expect(report.winners).toEqual([{ candidate: "A", stage: 1, reason: "majority", ron: false }]);
    expect(report.stages[0]!.majorityThreshold).toBe(3);
    expect(report.quota).toBeNull();
  });

  it("breaks a tie for last place by the most recent round where they differed", () => {
    const report = countIrv(
      election(
        ["A", "B", "C", "D"],
        [
          [6, [0]],
          [4, [1]],
          [3, [2, 0]],
          [1, [3, 2, 0]],
        ],
      ),
    );
    expect(report.stages[1]!.totals.map((t) => t.votes)).toEqual([6, 4, 4, 0]);
    expect(report.stages[2]!.tieBreaks).toEqual([{ question: "exclusion", tied: ["B", "C"], chosen: "C", decidedBy: "earlier-stage", stage: 1 }]);
    expect(report.winners).toEqual([{ candidate: "A", stage: 3, reason: "majority", ron: false }]);
    expect(rankedInvariantProblems(report)).toEqual([]);
  });

  it("counts only continuing votes for the majority: exhausted papers drop out", () => {
    // Round 2: C's 3 papers exhaust; A has 4 of 7 continuing votes.
    const report = countIrv(
      election(
        ["A", "B", "C"],
        [
          [4, [0]],
          [3, [1]],
          [3, [2]],
        ],
      ),
    );
    expect(report.winners[0]).toMatchObject({ candidate: "A", stage: 2, reason: "majority" });
    expect(report.stages[1]!.nonTransferable).toBe(3);
    expect(report.stages[1]!.continuingVotes).toBe(7);
  });

  it("settles an exact two-way tie by lot and elects the other as last standing", () => {
    const report = countIrv(
      election(
        ["A", "B"],
        [
          [2, [0]],
          [2, [1]],
        ],
      ),
      { seed: "s" },
    );
    expect(report.tieBreaks[0]!.decidedBy).toBe("lot");
    expect(report.winners[0]!.reason).toBe("last-standing");
    expect(report.elected).toEqual([report.tieBreaks[0]!.chosen === "A" ? "B" : "A"]);
  });

  it("fills exactly one seat", () => {
    expect(() => countIrv(election(["A", "B"], [[1, [0]]]), { seats: 2 })).toThrow(RangeError);
    expect(countIrv({ ...election(["A", "B"], [[1, [0]]]), seats: 3 }).seats).toBe(1);
  });

  it("leaves the seat vacant when RON wins", () => {
    const report = countIrv(
      election(
        ["Ann", "RON"],
        [
          [1, [0]],
          [2, [1]],
        ],
      ),
    );
    expect(report.elected).toEqual(["RON"]);
    expect(report.vacantSeats).toBe(1);
  });
});
