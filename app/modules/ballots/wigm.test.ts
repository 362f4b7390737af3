/**
 * Issue 18: the weighted inclusive Gregory method as the PR Foundation's reference rule, against
 * Droop's reference outputs (`*-wigm-prf-fixed-p4-d4.txt`): every action in the same order
 * (each election with surplus pending, each surplus transferred and its size, each defeat and
 * transfer, each tie broken), and at each, every candidate's state and votes and the totals of
 * elected, pending, hopeful and defeated candidates, the non-transferable votes and the residual
 * truncation left, to the last of the 4 decimal places.
 *
 * Where Droop breaks a tie it uses the ballot-file order (or the file's `[tie]` line), so these
 * tests pass that order, as the poll's published lot would be passed in the app.
 */
import { describe, expect, it } from "vitest";
import { countWigmPrf, formatWigmUnits, type WigmAction, type WigmReport } from "./wigm";
import { droopCases, droopMessage, expectSameStandings } from "./test-support/droop-meek-report";
import type { Election } from "./types";

const cases = droopCases("-wigm-prf-fixed-p4-d4.txt");

/** Our action as Droop words it. */
const message = (election: Election, action: WigmAction): string =>
  droopMessage(election, action, {
    elect: (name) => `Elect, transfer pending: ${name}`,
    tie: (name, a, tied) => `Break tie (${a.tieFor}): [${tied}] -> ${name}`,
    surplus: (name) => `Transfer high surplus: ${name}`,
    "surplus-transferred": (name, a) => `Surplus transferred: ${name} (${formatWigmUnits(a.surplus ?? 0n)})`,
    defeat: (name) => `Defeat: ${name}`,
    "defeat-transferred": (name) => `Transfer defeated: ${name}`,
  });

/** The totals Droop prints after each action (those it prints only when not zero, as it does). */
function figures(report: WigmReport, action: WigmAction): Map<string, string> {
  const sum = (state: string) => action.standings.filter((s) => s.state === state).reduce((total, s) => total + s.votes, 0n);
  const [e, p, h, d] = [sum("elected"), sum("pending"), sum("hopeful"), sum("defeated")];
  const total = e + p + h + d + action.nonTransferable;
  const residual = BigInt(report.ballots) * 10_000n - total;
  const shown = new Map<string, string>([["Elected votes", formatWigmUnits(e)]]);
  if (p !== 0n) shown.set("Pending votes", formatWigmUnits(p));
  shown.set("Hopeful votes", formatWigmUnits(h));
  if (d !== 0n) shown.set("Defeated votes", formatWigmUnits(d));
  shown.set("Nontransferable votes", formatWigmUnits(action.nonTransferable));
  shown.set("Residual", formatWigmUnits(residual));
  shown.set("Total", formatWigmUnits(total + residual));
  shown.set("Surplus", formatWigmUnits(0n));
  return shown;
}

describe("Droop test suite, PR Foundation WIGM reference rule", () => {
  it("has the expected cases", () => {
    expect(cases.map((c) => c.blt)).toEqual(["42.blt", "42t.blt", "513.blt", "M135.blt", "SC-Vm-12.blt", "SC.blt"]);
  });

  for (const { blt, election, droop, text, tieOrder } of cases) {
    describe(blt, () => {
      const report = countWigmPrf(election, { tieOrder });

      it("has the same quota", () => {
        const quotaLine = /\tQuota: ([\d.]+)/.exec(text)![1];
        expect(formatWigmUnits(report.quota)).toBe(quotaLine);
      });

      it("takes the same actions in the same order and rounds", () => {
        expect(report.actions.map((a) => `${a.round} ${message(election, a)}`)).toEqual(droop.map((a) => `${a.round} ${a.message}`));
      });

      it("has every candidate's votes and every total the same at every action", () => {
        let compared = 0;
        droop.forEach((expected, i) => {
          const ours = report.actions[i]!;
          const where = `${blt}, action ${i + 1} (${expected.message})`;
          compared += expectSameStandings(expected, ours.standings, election, formatWigmUnits, where);
          expect(Object.fromEntries(figures(report, ours)), where).toEqual(Object.fromEntries(expected.figures));
        });
        expect(compared).toBeGreaterThan(droop.length);
      });

      it("elects the same candidates, in the same order", () => {
        const electedByDroop = droop.flatMap((a) => (/^Elect(?:, transfer pending| remaining)?: (.*)$/.exec(a.message)?.slice(1, 2) ?? []));
        expect(report.elected.map((c) => election.candidates[c])).toEqual(electedByDroop);
      });
    });
  }
});
