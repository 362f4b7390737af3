import { mulDivFloor, unitsToVotes, UNITS_PER_VOTE } from "./fixed-point";
import { RankedCount } from "./ranked-count";
import type { CandidateIndex, CountOptions, Election, RankedCountReport, TieBreak } from "./types";

/**
 * Scottish STV: the Scottish Local Government Elections Order 2007 (SSI 2007/42),
 * Schedule 1, rules 45-52. Rule numbers are cited where each step is done.
 *
 * Summary:
 * - Quota (46): floor(valid papers / (seats + 1)) + 1, fixed for the whole count.
 * - A candidate with at least the quota is elected (47).
 * - While seats remain, the largest surplus is transferred, one per stage (48, 49(1)). Every
 *   paper the candidate holds moves on, each at value
 *       floor_5dp( surplus x value of the paper when received / candidate's total )   (48(3))
 *   so values multiply along a paper's history. What truncation drops is "loss of fractions".
 * - With no surplus to transfer, the candidate with the lowest total is excluded and all of
 *   their papers move at the value they arrived with, in one stage (50).
 * - Equal surpluses / equal lowest totals: the most recent earlier stage at which the totals
 *   differed decides, then lot (49(2)-(3), 51) - see ties.ts and lot.ts.
 * - When the continuing candidates are no more than the vacancies, they are elected and no
 *   further transfer is made (52).
 *
 * A surplus is only transferred while a seat is unfilled (48(1)); a candidate exactly on the
 * quota has no surplus and so no transfer stage.
 */
export function countScottishStv(election: Election, options: CountOptions = {}): RankedCountReport {
  const seats = options.seats ?? election.seats;
  return runScottishCount(election, options, seats, "scottish-stv");
}

/**
 * A single seat counted under the same Scottish rules, as at the Leith Walk by-election:
 * quota floor(valid / 2) + 1 stays fixed on the valid poll, and candidates are excluded one per
 * stage until someone reaches it or only one candidate is left (rules 46, 47, 50, 52).
 * Unlike common IRV practice it does not stop early on a majority of *continuing* papers.
 */
export function countScottishIrv(election: Election, options: CountOptions = {}): RankedCountReport {
  if (options.seats !== undefined && options.seats !== 1) {
    throw new RangeError(`irv-scottish fills exactly one seat, not ${options.seats}`);
  }
  return runScottishCount(election, options, 1, "irv-scottish");
}

function runScottishCount(election: Election, options: CountOptions, seats: number, method: "scottish-stv" | "irv-scottish"): RankedCountReport {
  const count = new RankedCount(election, options, seats);
  const quota = (Math.floor(count.prepared.valid / (seats + 1)) + 1) * UNITS_PER_VOTE; // rule 46

  /** Elected with a surplus not yet transferred, in order of election. */
  const pending: CandidateIndex[] = [];

  const endStage = (): void => {
    count.closeTotals();
    // Rule 47: anyone at or above the quota is elected.
    const reached = count.continuing().filter((c) => count.totals[c]! >= quota);
    for (const c of count.elect(reached, "quota")) {
      if (count.totals[c]! > quota) pending.push(c);
    }
    // Rule 52: no more continuing candidates than vacancies - they are all elected.
    const vacancies = seats - count.seatsFilled;
    const continuing = count.continuing();
    if (vacancies > 0 && continuing.length <= vacancies) {
      count.elect(continuing, "last-standing");
    }
    count.finishStage();
  };

  count.firstPreferences(); // rule 45
  endStage();

  while (count.seatsFilled < seats && count.continuing().length > 0) {
    if (pending.length > 0) {
      // Rule 49(1): highest surplus first. Surplus = total - quota, so highest total.
      const highest = Math.max(...pending.map((c) => count.totals[c]!));
      const tied = pending.filter((c) => count.totals[c] === highest);
      const { chosen, record } = count.choose(tied, "highest", "surplus-order");
      pending.splice(pending.indexOf(chosen), 1);
      transferSurplus(chosen, record);
    } else {
      // Rule 50(1): exclude the continuing candidate with the lowest total; 50(4): each paper
      // keeps the value it had when the excluded candidate received it.
      count.excludeLowestContinuing();
    }
    endStage();
  }

  return count.report(method, quota);

  function transferSurplus(candidate: CandidateIndex, record: TieBreak | null): void {
    const total = count.totals[candidate]!;
    const surplus = total - quota;
    count.beginStage({ kind: "surplus", candidate: count.names[candidate]!, surplus: unitsToVotes(surplus) }, candidate);
    count.recordTie(record);
    // Rule 48(3): transfer value = (surplus x value of the paper when received) / total,
    // to five decimal places, remainder ignored. In units: floor(surplus * value / total).
    // Papers with the same incoming value get the same transfer value, so cache by value.
    const transferValues = new Map<number, number>();
    const moved = count.transferAll(candidate, (value) => {
      let transferValue = transferValues.get(value);
      if (transferValue === undefined) {
        transferValue = mulDivFloor(surplus, value, total);
        transferValues.set(value, transferValue);
      }
      return transferValue;
    });
    // The candidate keeps exactly the quota; what truncation dropped is loss of fractions.
    count.setTotal(candidate, quota);
    count.addLossOfFractions(surplus - moved);
  }
}
