/**
 * Property tests: random elections, checked for what must hold whatever the ballots.
 * Kept small (a few hundred cases each) so the whole file runs in a few seconds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countIrv } from "./irv";
import { countSchulze } from "./schulze";
import { countScottishIrv, countScottishStv } from "./scottish-stv";
import { rankedInvariantProblems, toUnits } from "./test-support/invariants";
import { randomElections } from "./test-support/random-elections";
import type { Ballot } from "./types";

/** A random election: 2-8 candidates, 1-4 seats, up to 40 distinct rankings of weight 1-30. */
const electionArbitrary = randomElections({ maxCandidates: 8, maxSeats: 4, minRankings: 0, maxRankings: 40, maxWeight: 30 });

const runs = { numRuns: 500 };

describe("Scottish STV properties", () => {
  it("conserves every vote at every stage, exactly (held + non-transferable + loss = valid)", () => {
    fc.assert(
      fc.property(electionArbitrary, (election) => {
        expect(rankedInvariantProblems(countScottishStv(election))).toEqual([]);
      }),
      runs,
    );
  });

  it("always elects a candidate with a quota of first preferences, at stage 1", () => {
    fc.assert(
      fc.property(electionArbitrary, (election) => {
        const report = countScottishStv(election);
        const quota = toUnits(report.quota!);
        for (const standing of report.stages[0]!.totals) {
          if (toUnits(standing.votes) >= quota) {
            expect(report.winners).toContainEqual(expect.objectContaining({ candidate: standing.candidate, stage: 1, reason: "quota" }));
          }
        }
      }),
      runs,
    );
  });

  it("does not depend on the order of the ballots, or on how identical papers are grouped", () => {
    fc.assert(
      fc.property(electionArbitrary, fc.integer(), (election, shuffleSeed) => {
        const report = countScottishStv(election, { seed: "p" });
        const shuffled = shuffle(election.ballots, shuffleSeed);
        expect(countScottishStv({ ...election, ballots: shuffled }, { seed: "p" })).toEqual(report);
        const papers: Ballot[] = election.ballots.flatMap((b) => Array.from({ length: b.weight }, () => ({ ranking: b.ranking, weight: 1 })));
        expect(countScottishStv({ ...election, ballots: shuffle(papers, shuffleSeed + 1) }, { seed: "p" })).toEqual(report);
      }),
      { numRuns: 250 },
    );
  });
});

describe("IRV properties", () => {
  it("conserves votes and elects exactly one candidate", () => {
    fc.assert(
      fc.property(electionArbitrary, (election) => {
        for (const report of [countIrv(election), countScottishIrv(election)]) {
          expect(rankedInvariantProblems(report)).toEqual([]);
        }
      }),
      runs,
    );
  });

  it("elects a candidate with a majority of first preferences in round 1", () => {
    fc.assert(
      fc.property(electionArbitrary, (election) => {
        const report = countIrv(election);
        const round1 = report.stages[0]!;
        const leader = round1.totals.find((t) => t.votes * 2 > round1.continuingVotes);
        if (leader) expect(report.winners[0]).toMatchObject({ candidate: leader.candidate, stage: 1 });
      }),
      runs,
    );
  });

  it("does not depend on the order of the ballots", () => {
    fc.assert(
      fc.property(electionArbitrary, fc.integer(), (election, shuffleSeed) => {
        const shuffled = { ...election, ballots: shuffle(election.ballots, shuffleSeed) };
        expect(countIrv(shuffled, { seed: "q" })).toEqual(countIrv(election, { seed: "q" }));
      }),
      { numRuns: 250 },
    );
  });
});

describe("Schulze properties", () => {
  it("elects the Condorcet winner whenever there is one, and ranks every candidate once", () => {
    fc.assert(
      fc.property(electionArbitrary, (election) => {
        const report = countSchulze({ ...election, seats: 1 });
        const active = election.candidates.map((_, i) => i).filter((i) => !election.withdrawn.includes(i));
        const d = report.pairwise;
        const condorcet = active.find((a) => active.every((b) => a === b || d[a]![b]! > d[b]![a]!));
        if (condorcet !== undefined) expect(report.elected).toEqual([election.candidates[condorcet]]);
        expect(report.ranking.flat().sort()).toEqual(active.map((i) => election.candidates[i]!).sort());
      }),
      runs,
    );
  });
});

/** Deterministic Fisher-Yates shuffle (fast-check supplies the seed). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
