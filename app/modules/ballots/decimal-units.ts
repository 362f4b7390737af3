/**
 * What the counting rules that fix their arithmetic to a number of decimal places share (issue 18:
 * Meek to 9 places, WIGM to 4): figures kept as whole units of 10^-places in BigInt, printed as
 * the rules print them, and the published order that breaks their ties.
 */
import type { CandidateIndex, Election } from "./types";

/** A figure in units of 10^-places, with exactly that many decimal places. */
export function formatDecimalUnits(units: bigint, places: number): string {
  const one = 10n ** BigInt(places);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  return `${negative ? "-" : ""}${abs / one}.${(abs % one).toString().padStart(places, "0")}`;
}

export interface TieOrderOption {
  /** The order that breaks ties (the poll's published lot): the earliest candidate tied is chosen. */
  readonly tieOrder?: readonly CandidateIndex[];
}

/** The candidate a tie-break chooses among those tied: the earliest in the order given, or the file's, or ballot order. */
export function tieBreaker(election: Election, options: TieOrderOption): (tied: readonly CandidateIndex[]) => CandidateIndex {
  const rank = new Map((options.tieOrder ?? election.tieOrder ?? election.candidates.map((_, i) => i)).map((c, i) => [c, i]));
  return (tied) => [...tied].sort((a, b) => (rank.get(a) ?? a) - (rank.get(b) ?? b))[0]!;
}

/** A count told as its actions, each with everything as it stood just after it. */
export interface ActionReport<M extends string, A> {
  readonly method: M;
  readonly seats: number;
  /** Valid ballots: papers that rank at least one candidate still standing. */
  readonly ballots: number;
  readonly elected: readonly CandidateIndex[];
  readonly actions: readonly A[];
}

/** n / d to a whole number, a half rounded up (for figures shown to fewer places than kept). */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/**
 * The candidates a count can elect (not withdrawn), each one's state and votes, as the rules that
 * record every action keep them; `standings()` is everyone as they stand now.
 */
export function candidateTable<S extends string, V>(election: Election, initial: S, zero: V) {
  const withdrawn = new Set(election.withdrawn);
  const eligible = election.candidates.map((_, i) => i).filter((c) => !withdrawn.has(c));
  const state = new Map<CandidateIndex, S>(eligible.map((c) => [c, initial]));
  const votes = new Map<CandidateIndex, V>(eligible.map((c) => [c, zero]));
  return {
    eligible,
    state,
    votes,
    inState: (s: S) => eligible.filter((c) => state.get(c) === s),
    standings: () => eligible.map((c) => ({ candidate: c, state: state.get(c)!, votes: votes.get(c)! })),
  };
}
