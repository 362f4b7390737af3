/**
 * The Droop project's Scottish-rule test cases (`*-scotland-fixed-p5-d5.txt`): our count must
 * elect the same candidates in the same order, with the same totals, non-transferable and loss
 * of fractions at every stage.
 *
 * Two documented differences in presentation, neither affecting any figure:
 * - Droop runs a "transfer" stage even for a surplus of exactly 0; rule 48(1) transfers only
 *   a total that *exceeds* the quota, so we have no such stage. The reader skips them.
 * - Candidates elected together because no more remain than vacancies (rule 52) are listed by
 *   Droop in ballot-file order and by us highest total first; we compare them as a set. Equal
 *   totals reaching the quota at one stage are listed by Droop in no defined order (we list
 *   them in tie-break order), so we compare order only where the totals differ.
 *
 * Where Droop draws lots it uses the ballot-file order (or the file's `[tie]` line), so these
 * tests pass that order as a pre-drawn lot (`tieOrder`).
 */
import { describe, expect, it } from "vitest";
import { parseBlt } from "./blt";
import { countScottishStv } from "./scottish-stv";
import { parseDroopReport } from "./test-support/droop-report";
import { rankedInvariantProblems, toUnits } from "./test-support/invariants";
import { listShared, readShared } from "./test-support/shared-ballots";

const cases = listShared("droop-testsuite/expected", "-scotland-fixed-p5-d5.txt").map((file) => ({
  file,
  blt: file.replace("-scotland-fixed-p5-d5.txt", ".blt"),
}));

describe("Droop test suite, Scottish rule", () => {
  it("has the expected cases", () => {
    expect(cases.map((c) => c.blt)).toEqual(["42.blt", "42t.blt", "513.blt", "M135.blt", "SC-Vm-12.blt", "SC.blt", "weak-defeat.blt", "weak-surplus.blt"]);
  });

  for (const { file, blt } of cases) {
    describe(blt, () => {
      const election = parseBlt(readShared("droop-testsuite", "blt", blt));
      const droop = parseDroopReport(readShared("droop-testsuite", "expected", file));
      const tieOrder = election.tieOrder ?? election.candidates.map((_, i) => i);
      const report = countScottishStv(election, { tieOrder });

      it("has the same quota", () => {
        expect(toUnits(report.quota!)).toBe(droop.quota);
      });

      it("elects the same candidates in the same order", () => {
        expect(new Set(report.elected)).toEqual(new Set(droop.elected));
        let offset = 0;
        const stagesWithElections = [...new Set(report.winners.map((w) => w.stage))];
        for (const stage of stagesWithElections) {
          const ours = report.winners.filter((w) => w.stage === stage).map((w) => w.candidate);
          const theirs = droop.elected.slice(offset, offset + ours.length);
          expect(new Set(theirs)).toEqual(new Set(ours));
          // Within a stage: on the quota, highest total first on both sides (equal totals are
          // listed in arbitrary order by Droop); last-standing order is only a listing choice.
          const lastStanding = report.winners.some((w) => w.stage === stage && w.reason === "last-standing");
          if (!lastStanding) {
            const totals = new Map(report.stages[stage - 1]!.totals.map((t) => [t.candidate, t.votes]));
            const theirTotals = theirs.map((name) => totals.get(name)!);
            expect(theirTotals).toEqual([...theirTotals].sort((a, b) => b - a));
            expect(ours.map((name) => totals.get(name)!)).toEqual(theirTotals);
          }
          offset += ours.length;
        }
      });

      it("has the same totals, non-transferable and loss of fractions at every stage", () => {
        expect(report.stages).toHaveLength(droop.stages.length);
        droop.stages.forEach((expected, i) => {
          const stage = report.stages[i]!;
          const ours = new Map(stage.totals.map((t) => [t.candidate, toUnits(t.votes)]));
          for (const [name, value] of expected.totals) {
            expect(ours.get(name), `${name} at stage ${i + 1} (${expected.action})`).toBe(value);
          }
          expect(toUnits(stage.nonTransferable), `non-transferable at stage ${i + 1}`).toBe(expected.nonTransferable);
          expect(toUnits(stage.lossOfFractions), `loss at stage ${i + 1}`).toBe(expected.residual);
        });
      });

      it("keeps every invariant", () => {
        expect(rankedInvariantProblems(report)).toEqual([]);
      });
    });
  }

  it("breaks weak-defeat's tie by the earlier stage, as Droop does", () => {
    const report = countScottishStv(parseBlt(readShared("droop-testsuite", "blt", "weak-defeat.blt")));
    expect(report.tieBreaks).toEqual([{ question: "exclusion", tied: ["B", "C"], chosen: "B", decidedBy: "earlier-stage", stage: 1 }]);
  });

  it("decides SC-Vm-12's ties by the pre-drawn order, and by seeded lot without one", () => {
    const election = parseBlt(readShared("droop-testsuite", "blt", "SC-Vm-12.blt"));
    const ordered = countScottishStv(election, { tieOrder: [0, 1, 2, 3, 4] });
    expect(ordered.tieBreaks.map((t) => t.decidedBy)).toEqual(["tie-order", "tie-order", "tie-order"]);
    const seeded = countScottishStv(election, { seed: "published-2024-05-01" });
    expect(seeded.tieBreaks.every((t) => t.decidedBy === "lot")).toBe(true);
    expect(countScottishStv(election, { seed: "published-2024-05-01" })).toEqual(seeded);
    expect(rankedInvariantProblems(seeded)).toEqual([]);
  });
});
