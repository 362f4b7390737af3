import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { countScottishIrv, countScottishStv } from "./scottish-stv";
import { rankedInvariantProblems } from "./test-support/invariants";
import type { Ballot, Election } from "./types";

function election(candidates: string[], seats: number, ballots: [number, number[]][], withdrawn: number[] = []): Election {
  const list: Ballot[] = ballots.map(([weight, ranking]) => ({ weight, ranking }));
  return { title: "test", candidates, seats, ballots: list, withdrawn };
}

describe("countScottishStv", () => {
  it("transfers a surplus at floor_5dp(surplus / total) per paper and records the loss of fractions", () => {
    // Quota floor(12 / 3) + 1 = 5. A has 7: surplus 2, value 2/7 = 0.28571 (0.285714... truncated).
    const report = countScottishStv(
      election(["A", "B", "C"], 2, [
        [7, [0, 1, 2]],
        [2, [1, 2]],
        [3, [2]],
      ]),
    );
    expect(report.quota).toBe(5);
    const stage2 = report.stages[1]!;
    expect(stage2.action).toEqual({ kind: "surplus", candidate: "A", surplus: 2 });
    expect(stage2.transfers).toEqual([{ from: "A", to: "B", papers: 7, value: 0.28571, votes: 1.99997 }]);
    expect(stage2.totals.map((t) => t.votes)).toEqual([5, 3.99997, 3]);
    expect(stage2.lossOfFractions).toBe(0.00003);
    // Stage 3: C (3) excluded; B is the only continuing candidate for the last seat (rule 52).
    expect(report.stages[2]!.action).toMatchObject({ kind: "exclusion", candidate: "C", total: 3 });
    expect(report.winners).toEqual([
      { candidate: "A", stage: 1, reason: "quota", ron: false },
      { candidate: "B", stage: 3, reason: "last-standing", ron: false },
    ]);
    expect(rankedInvariantProblems(report)).toEqual([]);
  });

  it("makes no transfer once every seat is filled, or when the rest can simply be elected (rule 52)", () => {
    const filled = countScottishStv(
      election(["A", "B", "C"], 2, [
        [6, [0, 2]],
        [5, [1, 2]],
        [1, [2]],
      ]),
    );
    expect(filled.stages).toHaveLength(1);
    expect(filled.elected).toEqual(["A", "B"]);
    const lastStanding = countScottishStv(
      election(["A", "B"], 2, [
        [10, [0, 1]],
        [1, [1]],
      ]),
    );
    expect(lastStanding.stages).toHaveLength(1);
    expect(lastStanding.winners.map((w) => [w.candidate, w.reason])).toEqual([
      ["A", "quota"],
      ["B", "last-standing"],
    ]);
  });

  it("leaves seats vacant when there are fewer candidates than seats", () => {
    const report = countScottishStv(
      election(["A", "B"], 3, [
        [3, [0]],
        [2, [1]],
      ]),
    );
    expect(report.elected).toEqual(["A", "B"]);
    expect(report.vacantSeats).toBe(1);
  });

  it("skips withdrawn candidates as if they were absent from every ballot", () => {
    const withdrawn = countScottishStv(
      election(
        ["A", "B", "C"],
        1,
        [
          [3, [1, 0]],
          [2, [2]],
          [1, [1]],
        ],
        [1],
      ),
    );
    const absent = countScottishStv(
      election(["A", "B", "C"], 1, [
        [3, [0]],
        [2, [2]],
      ]),
    );
    expect(withdrawn.ballots).toEqual({ cast: 6, valid: 5, empty: 1 });
    expect(withdrawn.quota).toBe(3);
    expect(withdrawn.elected).toEqual(["A"]);
    expect(withdrawn.stages.map((s) => s.totals.map((t) => t.votes))).toEqual(absent.stages.map((s) => s.totals.map((t) => t.votes)));
    expect(withdrawn.stages[0]!.totals[1]).toEqual({ candidate: "B", votes: 0, change: 0, status: "withdrawn" });
    expect(withdrawn.withdrawn).toEqual(["B"]);
  });

  it("draws lots with the published seed when candidates were equal at every stage", () => {
    const e = election(["Ann", "Bob", "Cy", "Dee"], 1, [
      [1, [0]],
      [1, [1]],
      [1, [2]],
      [1, [3]],
    ]);
    const report = countScottishStv(e, { seed: "2024-poll" });
    const first = report.stages[1]!.tieBreaks[0]!;
    expect(first.decidedBy).toBe("lot");
    const ticket = (n: string): string => createHash("sha256").update(`2024-poll\n1\n${n}`).digest("hex");
    const expected = ["Ann", "Bob", "Cy", "Dee"].sort((a, b) => (ticket(a) < ticket(b) ? -1 : 1))[0];
    expect(first.chosen).toBe(expected);
    expect(report.stages[1]!.action).toMatchObject({ kind: "exclusion", candidate: expected });
    expect(countScottishStv(e, { seed: "2024-poll" })).toEqual(report);
    expect(report.elected).toHaveLength(1);
    expect(rankedInvariantProblems(report)).toEqual([]);
  });

  it("counts RON like a candidate and leaves its seat vacant", () => {
    const report = countScottishStv(
      election(["Ann", "Bob", "RON"], 2, [
        [5, [0]],
        [4, [2]],
        [1, [1]],
      ]),
    );
    expect(report.quota).toBe(4);
    expect(report.elected).toEqual(["Ann", "RON"]);
    expect(report.winners[1]).toEqual({ candidate: "RON", stage: 1, reason: "quota", ron: true });
    expect(report.vacantSeats).toBe(1);
    const named = countScottishStv(
      election(["Ann", "Bob", "Re-open nominations"], 2, [
        [5, [0]],
        [4, [2]],
        [1, [1]],
      ]),
    );
    expect(named.vacantSeats).toBe(1);
    const notRon = countScottishStv(
      election(["Ann", "Bob", "RON"], 2, [
        [5, [0]],
        [4, [2]],
        [1, [1]],
      ]),
      { ron: null },
    );
    expect(notRon.vacantSeats).toBe(0);
  });

  it("counts nothing sensibly: no ballots, all seats to the last standing by lot order", () => {
    const report = countScottishStv(election(["A", "B", "C"], 1, []), { seed: "x" });
    expect(report.ballots.valid).toBe(0);
    expect(report.elected).toHaveLength(1);
    expect(rankedInvariantProblems(report)).toEqual([]);
  });

  it("rejects impossible seat numbers and candidates", () => {
    expect(() => countScottishStv(election(["A"], 1, []), { seats: 0 })).toThrow(RangeError);
    expect(() => countScottishStv(election(["A"], 1, [[1, [3]]]))).toThrow(RangeError);
  });
});

describe("countScottishIrv", () => {
  it("keeps the quota on the valid poll and excludes until someone reaches it", () => {
    // Valid 10, quota 6. After C is excluded A has 5 of 9 continuing - a majority, not a quota.
    const report = countScottishIrv(
      election(["A", "B", "C"], 3, [
        [4, [0]],
        [4, [1]],
        [1, [2, 0]],
        [1, [2]],
      ]),
    );
    expect(report.seats).toBe(1);
    expect(report.quota).toBe(6);
    expect(report.winners).toEqual([{ candidate: "A", stage: 3, reason: "last-standing", ron: false }]);
  });
});
