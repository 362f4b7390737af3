/**
 * Issue 18: Meek STV as the PR Foundation's reference rule, against Droop's reference outputs
 * (`*-meek-prf-o6-fixed-p9-d9.txt`): every action in the same order (each election, each tie
 * broken, each defeat with the surplus that allowed it, the remaining elected or defeated), and
 * at each, every candidate's state and votes, the quota, the votes, the residual and the surplus,
 * to the last of the 9 decimal places.
 *
 * Where Droop breaks a tie it uses the ballot-file order (or the file's `[tie]` line), so these
 * tests pass that order, as the poll's published lot would be passed in the app.
 */
import { describe, expect, it } from "vitest";
import { countMeekPrf, formatMeekUnits, type MeekAction } from "./meek";
import { droopCases, droopMessage, expectMeekFigures, expectSameStandings } from "./test-support/droop-meek-report";
import type { Election } from "./types";

const cases = droopCases("-meek-prf-o6-fixed-p9-d9.txt");

/** Our action as Droop words it. */
const message = (election: Election, action: MeekAction): string =>
  droopMessage(election, action, {
    elect: (name) => `Elect: ${name}`,
    tie: (name, _a, tied) => `Break tie (defeat low candidate): [${tied}] -> ${name}`,
    defeat: (name, a) => `Defeat (surplus ${formatMeekUnits(a.surplus)} < omega): ${name}`,
  });

describe("Droop test suite, PR Foundation Meek reference rule", () => {
  it("has the expected cases", () => {
    expect(cases.map((c) => c.blt)).toEqual(["42.blt", "42t.blt", "513.blt", "M135.blt", "SC-Vm-12.blt", "SC.blt"]);
  });

  for (const { blt, election, droop, tieOrder } of cases) {
    describe(blt, () => {
      const report = countMeekPrf(election, { tieOrder });

      it("takes the same actions in the same order and rounds", () => {
        expect(report.actions.map((a) => `${a.round} ${message(election, a)}`)).toEqual(droop.map((a) => `${a.round} ${a.message}`));
      });

      it("has every candidate's votes and every figure the same at every action", () => {
        let compared = 0;
        droop.forEach((expected, i) => {
          const ours = report.actions[i]!;
          const where = `${blt}, action ${i + 1} (${expected.message})`;
          if (ours.kind !== "tie") compared += expectSameStandings(expected, ours.standings, election, formatMeekUnits, where);
          expectMeekFigures(expected, ours, formatMeekUnits, where);
        });
        // Not vacuous: every action but the ties lists every candidate.
        expect(compared).toBeGreaterThanOrEqual(
          (droop.length - droop.filter((a) => a.message.startsWith("Break tie")).length) * election.candidates.length -
            election.withdrawn.length * droop.length,
        );
      });

      it("elects the same candidates", () => {
        const electedByDroop = droop.flatMap((a) => /^Elect(?: remaining)?: (.*)$/.exec(a.message)?.slice(1, 2) ?? []);
        expect(report.elected.map((c) => election.candidates[c])).toEqual(electedByDroop);
      });
    });
  }
});
