/**
 * Random elections for the property tests (fast-check): some candidates, some seats, distinct
 * rankings with weights, and at most one candidate withdrawn. Each property file says how large.
 */
import fc from "fast-check";
import type { Election } from "../types";

export function randomElections(size: {
  maxCandidates: number;
  maxSeats: number;
  minRankings: number;
  maxRankings: number;
  maxWeight: number;
}): fc.Arbitrary<Election> {
  return fc
    .integer({ min: 2, max: size.maxCandidates })
    .chain((candidateCount) =>
      fc.record({
        candidateCount: fc.constant(candidateCount),
        seats: fc.integer({ min: 1, max: Math.min(size.maxSeats, candidateCount) }),
        ballots: fc.array(
          fc.record({
            ranking: fc.shuffledSubarray(
              Array.from({ length: candidateCount }, (_, i) => i),
              { minLength: 1 },
            ),
            weight: fc.integer({ min: 1, max: size.maxWeight }),
          }),
          { minLength: size.minRankings, maxLength: size.maxRankings },
        ),
        withdrawn: fc.subarray(
          Array.from({ length: candidateCount }, (_, i) => i),
          { maxLength: 1 },
        ),
      }),
    )
    .map(({ candidateCount, seats, ballots, withdrawn }) => ({
      title: "random",
      candidates: Array.from({ length: candidateCount }, (_, i) => `C${i + 1}`),
      seats,
      ballots,
      withdrawn,
    }));
}
