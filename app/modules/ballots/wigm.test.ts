/**
 * Issue 18: the weighted inclusive Gregory method, as the PR Foundation's reference rule and in
 * exact rational arithmetic, against Droop's reference outputs (`*-wigm-prf-fixed-p4-d4.txt`,
 * `*-wigm-rational-d12.txt`): every action in the same order
 * (each election with surplus pending, each surplus transferred and its size, each defeat and
 * transfer, each tie broken), and at each, every candidate's state and votes and the totals of
 * elected, pending, hopeful and defeated candidates, the non-transferable votes and the residual
 * truncation left, to the last decimal place printed.
 *
 * Where Droop breaks a tie it uses the ballot-file order (or the file's `[tie]` line), so these
 * tests pass that order, as the poll's published lot would be passed in the app.
 */
import { describe, expect, it } from "vitest";
import { countWigmPrf, countWigmRational, formatRational, formatWigmUnits, type Rational, type WigmAction, type WigmReport } from "./wigm";
import { droopCases, droopMessage, expectSameStandings } from "./test-support/droop-meek-report";
import type { Election } from "./types";

/** Our action as Droop words it. */
const message = <T>(election: Election, action: WigmAction<T>, format: (value: T) => string): string =>
  droopMessage(election, action, {
    elect: (name) => `Elect, transfer pending: ${name}`,
    tie: (name, a, tied) => `Break tie (${a.tieFor}): [${tied}] -> ${name}`,
    surplus: (name) => `Transfer high surplus: ${name}`,
    "surplus-transferred": (name, a) => `Surplus transferred: ${name} (${a.surplus === undefined ? "?" : format(a.surplus)})`,
    defeat: (name) => `Defeat: ${name}`,
    "defeat-transferred": (name) => `Transfer defeated: ${name}`,
  });

interface Variant<T> {
  readonly name: string;
  readonly suffix: string;
  readonly cases: readonly string[];
  count(election: Election, tieOrder: readonly number[]): WigmReport<T>;
  format(value: T): string;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  whole(n: number): T;
  isZero(value: T): boolean;
}

const fixedVariant: Variant<bigint> = {
  name: "PR Foundation WIGM reference rule (4-place fixed point)",
  suffix: "-wigm-prf-fixed-p4-d4.txt",
  cases: ["42.blt", "42t.blt", "513.blt", "M135.blt", "SC-Vm-12.blt", "SC.blt"],
  count: (election, tieOrder) => countWigmPrf(election, { tieOrder }),
  format: formatWigmUnits,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  whole: (n) => BigInt(n) * 10_000n,
  isZero: (v) => v === 0n,
};

const ratio = (n: bigint, d: bigint): Rational => ({ n, d });
const rationalVariant: Variant<Rational> = {
  name: "WIGM in exact rational arithmetic",
  suffix: "-wigm-rational-d12.txt",
  cases: ["42.blt", "42t.blt", "513.blt", "SC-Vm-12.blt", "SC.blt"],
  count: (election, tieOrder) => countWigmRational(election, { tieOrder }),
  format: (v) => formatRational(v),
  add: (a, b) => ratio(a.n * b.d + b.n * a.d, a.d * b.d),
  sub: (a, b) => ratio(a.n * b.d - b.n * a.d, a.d * b.d),
  whole: (n) => ratio(BigInt(n), 1n),
  isZero: (v) => v.n === 0n,
};

/** The totals Droop prints after each action (those it prints only when not zero, as it does). */
function figures<T>(v: Variant<T>, report: WigmReport<T>, action: WigmAction<T>): Map<string, string> {
  const sum = (state: string) => action.standings.filter((s) => s.state === state).reduce((total, s) => v.add(total, s.votes), v.whole(0));
  const [e, p, h, d] = [sum("elected"), sum("pending"), sum("hopeful"), sum("defeated")];
  const total = [p, h, d, action.nonTransferable].reduce((t, x) => v.add(t, x), e);
  const residual = v.sub(v.whole(report.ballots), total);
  const shown = new Map<string, string>([["Elected votes", v.format(e)]]);
  if (!v.isZero(p)) shown.set("Pending votes", v.format(p));
  shown.set("Hopeful votes", v.format(h));
  if (!v.isZero(d)) shown.set("Defeated votes", v.format(d));
  shown.set("Nontransferable votes", v.format(action.nonTransferable));
  shown.set("Residual", v.format(residual));
  shown.set("Total", v.format(v.add(total, residual)));
  shown.set("Surplus", v.format(v.whole(0)));
  return shown;
}

function droopSuite<T>(v: Variant<T>) {
  const cases = droopCases(v.suffix);
  describe(`Droop test suite, ${v.name}`, () => {
    it("has the expected cases", () => {
      expect(cases.map((c) => c.blt)).toEqual(v.cases);
    });

    for (const { blt, election, droop, text, tieOrder } of cases) {
      describe(blt, () => {
        const report = v.count(election, tieOrder);

        it("has the same quota", () => {
          expect(v.format(report.quota)).toBe(/\tQuota: ([\d.]+)/.exec(text)![1]);
        });

        it("takes the same actions in the same order and rounds", () => {
          expect(report.actions.map((a) => `${a.round} ${message(election, a, v.format)}`)).toEqual(droop.map((a) => `${a.round} ${a.message}`));
        });

        it("has every candidate's votes and every total the same at every action", () => {
          let compared = 0;
          droop.forEach((expected, i) => {
            const ours = report.actions[i]!;
            const where = `${blt}, action ${i + 1} (${expected.message})`;
            compared += expectSameStandings(expected, ours.standings, election, v.format, where);
            expect(Object.fromEntries(figures(v, report, ours)), where).toEqual(Object.fromEntries(expected.figures));
          });
          expect(compared).toBeGreaterThan(droop.length);
        });

        it("elects the same candidates, in the same order", () => {
          const electedByDroop = droop.flatMap((a) => /^Elect(?:, transfer pending| remaining)?: (.*)$/.exec(a.message)?.slice(1, 2) ?? []);
          expect(report.elected.map((c) => election.candidates[c])).toEqual(electedByDroop);
        });
      });
    }
  });
}

droopSuite(fixedVariant);
droopSuite(rationalVariant);
