/**
 * Property tests for Meek and WIGM (issue 18): random elections, checked for what each rule
 * promises whatever the ballots. Each figure is exact (BigInt units or fractions), so these are
 * equalities, not tolerances:
 * - every vote is accounted for: held by candidates, non-transferable, or the residual the rule's
 *   rounding leaves (never negative; exactly none in rational arithmetic);
 * - as many are elected as there are seats (or as stand), each once, never a withdrawn candidate;
 * - a candidate whose first preferences pass the quota is elected;
 * - the result does not depend on the order of the papers or on how identical papers are grouped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countMeekGuarded } from "./meek-guarded";
import { countMeekPrf } from "./meek";
import { randomElections } from "./test-support/random-elections";
import type { Ballot, CandidateIndex, Election } from "./types";
import { countWigmPrf, countWigmRational, type Rational } from "./wigm";

/** A random election: 2-7 candidates, 1-3 seats, up to 30 distinct rankings of weight 1-20. */
const electionArbitrary = randomElections({ maxCandidates: 7, maxSeats: 3, minRankings: 1, maxRankings: 30, maxWeight: 20 });

const runs = { numRuns: 150 };

interface Counted {
  elected: readonly CandidateIndex[];
  /** valid - (held + non-transferable) at each action where the rule's figures are settled: the residual. */
  residuals: readonly bigint[];
  /** The quota the first count is measured against, and each candidate's first preferences, in the same units. */
  firstQuota: bigint;
  firstVotes: ReadonlyMap<CandidateIndex, bigint>;
}

const ratioUnits = (r: Rational, scale: bigint) => (r.n * scale) / r.d;

/** Each rule, its figures brought to a common shape for the checks. */
const rules: Record<string, (e: Election) => Counted> = {
  "Meek (PR Foundation reference)": (e) => {
    const r = countMeekPrf(e);
    const settled = r.actions.filter((a) => a.kind === "begin" || a.kind === "elect" || a.kind === "complete");
    const valid = BigInt(r.ballots) * 10n ** 9n;
    const begin = r.actions[0]!;
    return {
      elected: r.elected,
      residuals: settled.map((a) => valid - a.votes),
      firstQuota: begin.quota,
      firstVotes: new Map(begin.standings.map((s) => [s.candidate, s.votes])),
    };
  },
  "Meek (omega 10^-9, guarded)": (e) => {
    const r = countMeekGuarded(e);
    const settled = r.actions.filter((a) => a.kind === "begin" || a.kind === "elect" || a.kind === "iterate" || a.kind === "complete");
    const valid = BigInt(r.ballots) * 10n ** 27n;
    const begin = r.actions[0]!;
    return {
      elected: r.elected,
      residuals: settled.map((a) => valid - a.votes),
      firstQuota: begin.quota,
      firstVotes: new Map(begin.standings.map((s) => [s.candidate, s.votes])),
    };
  },
  "WIGM (PR Foundation reference)": (e) => {
    const r = countWigmPrf(e);
    const valid = BigInt(r.ballots) * 10n ** 4n;
    const held = (a: (typeof r.actions)[number]) => a.standings.reduce((sum, s) => sum + s.votes, 0n) + a.nonTransferable;
    return {
      elected: r.elected,
      residuals: r.actions.map((a) => valid - held(a)),
      firstQuota: r.quota,
      firstVotes: new Map(r.actions[0]!.standings.map((s) => [s.candidate, s.votes])),
    };
  },
  "WIGM (exact rational)": (e) => {
    const r = countWigmRational(e);
    const add = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
    const held = (a: (typeof r.actions)[number]) => a.standings.reduce((sum, s) => add(sum, s.votes), a.nonTransferable);
    // Exact: the residual is valid - held as a fraction, its numerator over the common denominator.
    const residual = (h: Rational) => BigInt(r.ballots) * h.d - h.n;
    const scale = 10n ** 30n;
    return {
      elected: r.elected,
      residuals: r.actions.map((a) => residual(held(a))),
      firstQuota: ratioUnits(r.quota, scale),
      firstVotes: new Map(r.actions[0]!.standings.map((s) => [s.candidate, ratioUnits(s.votes, scale)])),
    };
  },
};

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same papers, each group of identical ones split in two where it can be. */
function regrouped(ballots: readonly Ballot[]): Ballot[] {
  return ballots.flatMap((b) =>
    b.weight > 1
      ? [
          { ranking: b.ranking, weight: 1 },
          { ranking: b.ranking, weight: b.weight - 1 },
        ]
      : [b],
  );
}

for (const [name, count] of Object.entries(rules)) {
  describe(`${name} properties`, () => {
    it("accounts for every vote at every settled action: the residual is never negative (and none in exact arithmetic)", () => {
      fc.assert(
        fc.property(electionArbitrary, (election) => {
          const { residuals } = count(election);
          for (const residual of residuals) {
            expect(residual >= 0n).toBe(true);
            if (name.includes("rational")) expect(residual).toBe(0n);
          }
        }),
        runs,
      );
    });

    it("elects as many as there are seats (or candidates standing), each once, none withdrawn", () => {
      fc.assert(
        fc.property(electionArbitrary, (election) => {
          const { elected } = count(election);
          const standing = election.candidates.length - election.withdrawn.length;
          expect(elected).toHaveLength(Math.min(election.seats, standing));
          expect(new Set(elected).size).toBe(elected.length);
          for (const c of elected) expect(election.withdrawn).not.toContain(c);
        }),
        runs,
      );
    });

    it("elects every candidate whose first preferences pass the quota", () => {
      fc.assert(
        fc.property(electionArbitrary, (election) => {
          const { elected, firstQuota, firstVotes } = count(election);
          for (const [candidate, votes] of firstVotes) if (votes > firstQuota) expect(elected).toContain(candidate);
        }),
        runs,
      );
    });

    it("does not depend on the order of the papers, or on how identical papers are grouped", () => {
      fc.assert(
        fc.property(electionArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (election, seed) => {
          const once = count(election).elected;
          expect(count({ ...election, ballots: shuffled(election.ballots, seed) }).elected).toEqual(once);
          expect(count({ ...election, ballots: regrouped(election.ballots) }).elected).toEqual(once);
        }),
        runs,
      );
    });
  });
}
