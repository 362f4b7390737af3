/**
 * The weighted inclusive Gregory method (WIGM), the ERS model rules' family (issue 18). A
 * candidate reaching the quota is elected with their surplus pending; the largest surplus is
 * transferred first, every ballot the candidate holds passing on at the weight it came with times
 * surplus / vote; when no surplus is pending the candidate with the fewest votes is defeated and
 * their ballots pass on at their weight. Two arithmetics, as Droop's reference outputs have them
 * (both reproduced action for action: wigm.test.ts):
 * - the Proportional Representation Foundation's reference rule (prfound.org): fixed-point to 4
 *   decimal places, each multiplication and division truncated (what truncation loses is the
 *   residual), the quota the Droop quota truncated plus 0.0001, reached at or above it;
 * - exact rational arithmetic: the quota exactly the Droop quota, reached only above it.
 * The PR Foundation rule's step numbers are given beside each step.
 */
import { candidateTable, formatDecimalUnits, roundHalfUp, tieBreaker, type ActionReport, type TieOrderOption } from "./decimal-units";
import { prepareStrictBallots } from "./group";
import type { CandidateIndex, Election } from "./types";

export const WIGM_PLACES = 4;
const ONE = 10n ** BigInt(WIGM_PLACES);

/** An exact fraction, always in lowest terms with a positive denominator. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** What a WIGM variant computes with: its numbers, its quota and when the quota is reached. */
interface WigmArithmetic<T> {
  readonly zero: T;
  readonly one: T;
  whole(count: bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** A ballot's new weight: weight x surplus / vote, rounded as the variant says. */
  reweigh(weight: T, surplus: T, vote: T): T;
  times(a: T, count: bigint): T;
  compare(a: T, b: T): number;
  quota(valid: bigint, seats: number): T;
  hasQuota(vote: T, quota: T): boolean;
}

const fixed4: WigmArithmetic<bigint> = {
  zero: 0n,
  one: ONE,
  whole: (count) => count * ONE,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  // D.4. Each multiplication and division truncated to 4 places.
  reweigh: (weight, surplus, vote) => (((weight * surplus) / ONE) * ONE) / vote,
  times: (a, count) => a * count,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  // A.1. Valid ballots over seats + 1 (truncated), plus 0.0001; reached at or above it.
  quota: (valid, seats) => (valid * ONE) / BigInt(seats + 1) + 1n,
  hasQuota: (vote, quota) => vote >= quota,
};

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const fraction = (n: bigint, d: bigint): Rational => {
  if (n === 0n) return { n: 0n, d: 1n };
  const g = gcd(n, d) * (d < 0n ? -1n : 1n);
  return { n: n / g, d: d / g };
};

const exact: WigmArithmetic<Rational> = {
  zero: { n: 0n, d: 1n },
  one: { n: 1n, d: 1n },
  whole: (count) => ({ n: count, d: 1n }),
  add: (a, b) => fraction(a.n * b.d + b.n * a.d, a.d * b.d),
  sub: (a, b) => fraction(a.n * b.d - b.n * a.d, a.d * b.d),
  reweigh: (weight, surplus, vote) => fraction(weight.n * surplus.n * vote.d, weight.d * surplus.d * vote.n),
  times: (a, count) => fraction(a.n * count, a.d),
  compare: (a, b) => {
    const left = a.n * b.d;
    const right = b.n * a.d;
    return left < right ? -1 : left > right ? 1 : 0;
  },
  // Exactly the Droop quota, so a candidate must pass it.
  quota: (valid, seats) => fraction(valid, BigInt(seats + 1)),
  hasQuota: (vote, quota) => exact.compare(vote, quota) > 0,
};

type State = "hopeful" | "pending" | "elected" | "defeated";

export interface WigmStanding<T = bigint> {
  readonly candidate: CandidateIndex;
  readonly state: State;
  /** Fixed-point: in units of 10^-4 of a vote; rational: an exact fraction. */
  readonly votes: T;
}

export type WigmActionKind =
  | "begin"
  | "elect"
  | "tie"
  | "surplus"
  | "surplus-transferred"
  | "defeat"
  | "defeat-transferred"
  | "elect-remaining"
  | "defeat-remaining"
  | "complete";

/** One step of the count, with everything as it stood just after it. */
export interface WigmAction<T = bigint> {
  readonly kind: WigmActionKind;
  readonly round: number;
  readonly candidate?: CandidateIndex;
  /** For a tie: the candidates tied (in ballot order), and what the tie was about. */
  readonly tied?: readonly CandidateIndex[];
  readonly tieFor?: "surplus" | "defeat";
  /** For a surplus transferred: how much, at the values it was transferred at. */
  readonly surplus?: T;
  readonly standings: readonly WigmStanding<T>[];
  /** Votes of ballots that reached the end of their preferences. */
  readonly nonTransferable: T;
  /** For a transfer (surplus or defeat): the papers moved, by destination and value. */
  readonly moves?: readonly WigmMove<T>[];
}

/** Papers moved together at a transfer: how many, where to (null: non-transferable), and each one's value after it. */
export interface WigmMove<T = bigint> {
  readonly to: CandidateIndex | null;
  readonly papers: bigint;
  readonly value: T;
}

export type WigmReport<T = bigint> = ActionReport<"wigm-prf" | "wigm-rational", WigmAction<T>> & { readonly quota: T };

export type WigmOptions = TieOrderOption;

/** WIGM as the PR Foundation's reference rule: 4-place fixed point, truncated. */
export function countWigmPrf(election: Election, options: WigmOptions = {}): WigmReport {
  return countWigm(election, fixed4, "wigm-prf", options);
}

/** WIGM in exact rational arithmetic. */
export function countWigmRational(election: Election, options: WigmOptions = {}): WigmReport<Rational> {
  return countWigm(election, exact, "wigm-rational", options);
}

function countWigm<T>(election: Election, a: WigmArithmetic<T>, method: "wigm-prf" | "wigm-rational", options: WigmOptions): WigmReport<T> {
  const n = election.candidates.length;
  const seats = election.seats;
  const withdrawn = new Set(election.withdrawn);
  const prepared = prepareStrictBallots(election.ballots, withdrawn, n);
  // Each group of identical papers moves together: its weight (per paper) and its place.
  const papers = prepared.groups.map((g) => ({ ranking: g.ranking as readonly number[], count: BigInt(g.weight), weight: a.one, at: 0 }));
  const byTie = tieBreaker(election, options);

  const { state, votes, inState, standings } = candidateTable<State, T>(election, "hopeful", a.zero);
  const elected: CandidateIndex[] = [];
  const actions: WigmAction<T>[] = [];
  // A.1. The quota.
  const quota = a.quota(BigInt(prepared.valid), seats);
  let nonTransferable = a.zero;
  let round = 0;

  // The transfer being made, by destination and value (for the count sheet's parcels).
  let moving: Map<string, WigmMove<T>> | null = null;
  const moved = () => {
    const list = [...(moving?.values() ?? [])];
    moving = null;
    return list;
  };
  const record = (kind: WigmActionKind, extra: Partial<Pick<WigmAction<T>, "candidate" | "tied" | "tieFor" | "surplus" | "moves">> = {}) => {
    actions.push({ kind, round, ...extra, standings: standings(), nonTransferable });
  };
  const chooseAmong = (tied: readonly CandidateIndex[], tieFor: "surplus" | "defeat"): CandidateIndex => {
    if (tied.length === 1) return tied[0]!;
    const chosen = byTie(tied);
    record("tie", { candidate: chosen, tied, tieFor });
    return chosen;
  };
  /** D.2. A paper goes to its highest-ranked hopeful candidate, or is exhausted. */
  const transfer = (p: (typeof papers)[number]) => {
    while (p.at < p.ranking.length && state.get(p.ranking[p.at]!) !== "hopeful") p.at += 1;
    const value = a.times(p.weight, p.count);
    if (p.at >= p.ranking.length) nonTransferable = a.add(nonTransferable, value);
    else votes.set(p.ranking[p.at]!, a.add(votes.get(p.ranking[p.at]!)!, value));
    if (moving) {
      const to = p.at < p.ranking.length ? p.ranking[p.at]! : null;
      const key = `${to}:${typeof p.weight === "bigint" ? p.weight : `${(p.weight as Rational).n}/${(p.weight as Rational).d}`}`;
      const parcel = moving.get(key);
      moving.set(key, { to, value: p.weight, papers: (parcel?.papers ?? 0n) + p.count });
    }
  };
  const papersOf = (c: CandidateIndex) => papers.filter((p) => p.at < p.ranking.length && p.ranking[p.at] === c);
  const seatsLeft = () => seats - inState("elected").length - inState("pending").length;

  // A.4, A.5. Each paper to its first preference.
  for (const p of papers) votes.set(p.ranking[0]!, a.add(votes.get(p.ranking[0]!)!, a.whole(p.count)));
  record("begin");

  // D.3. Until every seat is filled, or no more hopeful candidates remain than seats to fill.
  while (inState("hopeful").length > seatsLeft() && seatsLeft() > 0) {
    round += 1;
    // B.1. Elect, surplus pending, each hopeful candidate with the quota: highest vote first
    // (between equal votes, the later on the ballot paper first, as the reference does).
    const reaching = inState("hopeful")
      .filter((c) => a.hasQuota(votes.get(c)!, quota))
      .sort((x, y) => a.compare(votes.get(y)!, votes.get(x)!) || y - x);
    for (const c of reaching) {
      state.set(c, "pending");
      elected.push(c);
      record("elect", { candidate: c });
    }
    const pending = inState("pending");
    if (pending.length > 0) {
      // B.3. Transfer the largest surplus: each of the candidate's papers at weight x surplus / vote.
      const high = pending.reduce((max, c) => (a.compare(votes.get(c)!, max) > 0 ? votes.get(c)! : max), a.zero);
      const chosen = chooseAmong(
        pending.filter((c) => a.compare(votes.get(c)!, high) === 0),
        "surplus",
      );
      state.set(chosen, "elected");
      record("surplus", { candidate: chosen });
      const vote = votes.get(chosen)!;
      const surplus = a.sub(vote, quota);
      moving = new Map();
      for (const p of papersOf(chosen)) {
        p.weight = a.reweigh(p.weight, surplus, vote);
        transfer(p);
      }
      votes.set(chosen, quota);
      record("surplus-transferred", { candidate: chosen, surplus, moves: moved() });
    } else if (inState("hopeful").length > 0) {
      // B.4. Defeat the hopeful candidate with the fewest votes, and pass their papers on.
      const hopeful = inState("hopeful");
      const low = hopeful.reduce((min, c) => (a.compare(votes.get(c)!, min) < 0 ? votes.get(c)! : min), votes.get(hopeful[0]!)!);
      const loser = chooseAmong(
        hopeful.filter((c) => a.compare(votes.get(c)!, low) === 0),
        "defeat",
      );
      state.set(loser, "defeated");
      record("defeat", { candidate: loser });
      moving = new Map();
      for (const p of papersOf(loser)) transfer(p);
      votes.set(loser, a.zero);
      record("defeat-transferred", { candidate: loser, moves: moved() });
    }
  }
  // C. Pending candidates are elected; the rest elected if seats remain, otherwise defeated.
  for (const c of inState("pending")) state.set(c, "elected");
  for (const c of inState("hopeful")) {
    if (inState("elected").length < seats) {
      state.set(c, "elected");
      elected.push(c);
      record("elect-remaining", { candidate: c });
    } else {
      state.set(c, "defeated");
      record("defeat-remaining", { candidate: c });
    }
  }
  record("complete");
  return { method, seats, ballots: prepared.valid, quota, elected, actions };
}

/** A figure in units as the rule prints it: 4 decimal places. */
export const formatWigmUnits = (units: bigint): string => formatDecimalUnits(units, WIGM_PLACES);

/** An exact figure as Droop prints rational arithmetic: to 12 places, the last rounded half up. */
export function formatRational(value: Rational, places = 12): string {
  const units = roundHalfUp((value.n < 0n ? -value.n : value.n) * 10n ** BigInt(places), value.d);
  return formatDecimalUnits(value.n < 0n ? -units : units, places);
}
