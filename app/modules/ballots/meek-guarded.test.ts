/**
 * Issue 18: Meek STV with omega 10^-9 in guarded arithmetic (Droop's "meek" rule with its
 * defaults), against Droop's reference outputs (`*-meek-o9-guarded-p18-g9-d18.txt`): every action
 * in the same order (each election, each iteration's end and why, each batch of sure losers, each
 * tie, each defeat, the remaining elected or defeated), and at each, every candidate's state and
 * votes, the quota, the votes, the residual and the surplus, to the last of the 18 places shown.
 */
import { describe, expect, it } from "vitest";
import { countMeekGuarded, formatGuarded, type GuardedAction } from "./meek-guarded";
import { droopCases, droopMessage, expectMeekFigures, expectSameStandings } from "./test-support/droop-meek-report";
import type { Election } from "./types";

const cases = droopCases("-meek-o9-guarded-p18-g9-d18.txt");

/** Our action as Droop words it. */
const message = (election: Election, action: GuardedAction): string =>
  droopMessage(election, action, {
    elect: (name) => `Elect: ${name}`,
    iterate: (_name, a) => `Iterate (${a.status})`,
    tie: (name, _a, tied) => `Break tie (defeat): [${tied}] -> ${name}`,
    "defeat-batch": (name) => `Defeat certain loser: ${name}`,
    defeat: (name, a) =>
      a.status === "stable" ? `Defeat (stable surplus ${formatGuarded(a.surplus)}): ${name}` : `Defeat (surplus ${formatGuarded(a.surplus)} < omega): ${name}`,
  });

describe("Droop test suite, Meek with omega 10^-9 in guarded arithmetic", () => {
  it("has the expected cases", () => {
    expect(cases.map((c) => c.blt)).toEqual(["42.blt", "42t.blt", "513.blt", "M135.blt", "SC-Vm-12.blt", "SC.blt", "eq1.blt", "eq2.blt"]);
  });

  for (const { blt, election, droop, tieOrder } of cases) {
    describe(blt, () => {
      const report = countMeekGuarded(election, { tieOrder });

      it("takes the same actions in the same order and rounds", () => {
        expect(report.actions.map((a) => `${a.round} ${message(election, a)}`)).toEqual(droop.map((a) => `${a.round} ${a.message}`));
      });

      it("has every candidate's votes and every figure the same at every action", () => {
        let compared = 0;
        droop.forEach((expected, i) => {
          const ours = report.actions[i]!;
          const where = `${blt}, action ${i + 1} (${expected.message})`;
          if (ours.kind !== "tie" && ours.kind !== "iterate") compared += expectSameStandings(expected, ours.standings, election, formatGuarded, where);
          expectMeekFigures(expected, ours, formatGuarded, where);
        });
        expect(compared).toBeGreaterThan(droop.length);
      });

      it("elects the same candidates", () => {
        const electedByDroop = droop.flatMap((a) => /^Elect(?: remaining)?: (.*)$/.exec(a.message)?.slice(1, 2) ?? []);
        expect(report.elected.map((c) => election.candidates[c])).toEqual(electedByDroop);
      });
    });
  }
});
