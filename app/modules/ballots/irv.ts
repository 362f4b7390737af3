import { UNITS_PER_VOTE } from "./fixed-point";
import { RankedCount } from "./ranked-count";
import type { CountOptions, Election, RankedCountReport } from "./types";

/**
 * Instant-runoff voting, one seat, as commonly practised (e.g. Burlington, Vermont):
 *
 * - Each round, every paper counts for its highest-ranked continuing candidate.
 * - A candidate with more than half of the votes for continuing candidates (exhausted papers
 *   are not counted) is elected.
 * - Otherwise the candidate with the fewest votes is excluded, one per round, and their papers
 *   move to the next continuing preference. Ties for fewest: the most recent earlier round at
 *   which the tied candidates differed decides, then lot (ties.ts).
 * - A candidate left alone is elected.
 *
 * Burlington in 2009 excluded several trailing candidates together ("batch elimination");
 * we exclude one per round. That gives the same winner whenever the batch was safe (its
 * combined votes fewer than the next candidate's, so none of them could have overtaken
 * anyone), as Burlington's was; the round numbers differ.
 *
 * For the Scottish single-seat count with a fixed quota, see `countScottishIrv`.
 */
export function countIrv(election: Election, options: CountOptions = {}): RankedCountReport {
  if (options.seats !== undefined && options.seats !== 1) {
    throw new RangeError(`IRV fills exactly one seat, not ${options.seats}`);
  }
  const count = new RankedCount(election, options, 1);

  const endStage = (): boolean => {
    count.closeTotals();
    const continuingUnits = count.continuingUnits();
    // Votes needed: more than half of the continuing votes = floor(half) + 1 whole vote.
    const threshold = (Math.floor(continuingUnits / UNITS_PER_VOTE / 2) + 1) * UNITS_PER_VOTE;
    count.setMajorityThreshold(threshold);
    const continuing = count.continuing();
    const majority = continuing.filter((c) => count.totals[c]! * 2 > continuingUnits);
    if (continuing.length === 1) {
      count.elect(continuing, "last-standing");
    } else if (majority.length > 0) {
      count.elect(majority, "majority");
    }
    count.finishStage();
    return count.seatsFilled > 0 || continuing.length === 0;
  };

  count.firstPreferences();
  let done = endStage();
  while (!done) {
    count.excludeLowestContinuing();
    done = endStage();
  }

  return count.report("irv", null);
}
