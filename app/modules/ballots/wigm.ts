/**
 * The weighted inclusive Gregory method (WIGM), as the Proportional Representation Foundation's
 * reference rule states it (prfound.org, reference WIGM rule; issue 18): the ERS model rules'
 * family. A candidate reaching the quota is elected with their surplus pending; the largest
 * surplus is transferred first, every ballot the candidate holds passing on at the weight it came
 * with times surplus / vote; when no surplus is pending the candidate with the fewest votes is
 * defeated and their ballots pass on at their weight. Arithmetic is fixed-point to 4 decimal
 * places, each multiplication and division truncated; what truncation loses is the residual.
 *
 * Figures are integer units of 10^-4 in BigInt, exact: Droop's reference outputs are reproduced
 * action for action (wigm.test.ts). The rule's own step numbers are given beside each step.
 */
import { formatDecimalUnits, tieBreaker, type ActionReport, type TieOrderOption } from "./decimal-units";
import { prepareStrictBallots } from "./group";
import type { CandidateIndex, Election } from "./types";

export const WIGM_PLACES = 4;
const ONE = 10n ** BigInt(WIGM_PLACES);

type State = "hopeful" | "pending" | "elected" | "defeated";

export interface WigmStanding {
  readonly candidate: CandidateIndex;
  readonly state: State;
  /** In units of 10^-4 of a vote. */
  readonly votes: bigint;
}

export type WigmActionKind = "begin" | "elect" | "tie" | "surplus" | "surplus-transferred" | "defeat" | "defeat-transferred" | "elect-remaining" | "defeat-remaining" | "complete";

/** One step of the count, with everything as it stood just after it. */
export interface WigmAction {
  readonly kind: WigmActionKind;
  readonly round: number;
  readonly candidate?: CandidateIndex;
  /** For a tie: the candidates tied (in ballot order), and what the tie was about. */
  readonly tied?: readonly CandidateIndex[];
  readonly tieFor?: "surplus" | "defeat";
  /** For a surplus transferred: how much, at the values it was transferred at. */
  readonly surplus?: bigint;
  readonly standings: readonly WigmStanding[];
  /** Votes of ballots that reached the end of their preferences. */
  readonly nonTransferable: bigint;
}

export type WigmReport = ActionReport<"wigm-prf", WigmAction> & { readonly quota: bigint };

export type WigmOptions = TieOrderOption;

export function countWigmPrf(election: Election, options: WigmOptions = {}): WigmReport {
  const n = election.candidates.length;
  const seats = election.seats;
  const withdrawn = new Set(election.withdrawn);
  const prepared = prepareStrictBallots(election.ballots, withdrawn, n);
  // Each group of identical papers moves together: its weight (per paper) and its place.
  const papers = prepared.groups.map((g) => ({ ranking: g.ranking as readonly number[], count: BigInt(g.weight), weight: ONE, at: 0 }));
  const byTie = tieBreaker(election, options);

  const eligible = election.candidates.map((_, i) => i).filter((c) => !withdrawn.has(c));
  const state = new Map<CandidateIndex, State>(eligible.map((c) => [c, "hopeful"]));
  const votes = new Map<CandidateIndex, bigint>(eligible.map((c) => [c, 0n]));
  const elected: CandidateIndex[] = [];
  const actions: WigmAction[] = [];
  const inState = (s: State) => eligible.filter((c) => state.get(c) === s);
  // A.1. The quota: valid ballots over seats + 1 (truncated), plus 0.0001.
  const quota = (BigInt(prepared.valid) * ONE) / BigInt(seats + 1) + 1n;
  let nonTransferable = 0n;
  let round = 0;

  const record = (kind: WigmActionKind, extra: Partial<Pick<WigmAction, "candidate" | "tied" | "tieFor" | "surplus">> = {}) => {
    actions.push({ kind, round, ...extra, standings: eligible.map((c) => ({ candidate: c, state: state.get(c)!, votes: votes.get(c)! })), nonTransferable });
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
    const value = p.weight * p.count;
    if (p.at >= p.ranking.length) nonTransferable += value;
    else votes.set(p.ranking[p.at]!, votes.get(p.ranking[p.at]!)! + value);
  };
  const papersOf = (c: CandidateIndex) => papers.filter((p) => p.at < p.ranking.length && p.ranking[p.at] === c);
  const seatsLeft = () => seats - inState("elected").length - inState("pending").length;

  // A.4, A.5. Each paper to its first preference.
  for (const p of papers) votes.set(p.ranking[0]!, votes.get(p.ranking[0]!)! + p.count * ONE);
  record("begin");

  // D.3. Until every seat is filled, or no more hopeful candidates remain than seats to fill.
  while (inState("hopeful").length > seatsLeft() && seatsLeft() > 0) {
    round += 1;
    // B.1. Elect, surplus pending, each hopeful candidate with the quota: highest vote first
    // (between equal votes, the later on the ballot paper first, as the reference does).
    const reaching = inState("hopeful")
      .filter((c) => votes.get(c)! >= quota)
      .sort((a, b) => (votes.get(a)! === votes.get(b)! ? b - a : votes.get(b)! > votes.get(a)! ? 1 : -1));
    for (const c of reaching) {
      state.set(c, "pending");
      elected.push(c);
      record("elect", { candidate: c });
    }
    const pending = inState("pending");
    if (pending.length > 0) {
      // B.3. Transfer the largest surplus: each of the candidate's papers at weight x surplus / vote.
      const high = pending.reduce((max, c) => (votes.get(c)! > max ? votes.get(c)! : max), 0n);
      const chosen = chooseAmong(pending.filter((c) => votes.get(c) === high), "surplus");
      state.set(chosen, "elected");
      record("surplus", { candidate: chosen });
      const vote = votes.get(chosen)!;
      const surplus = vote - quota;
      for (const p of papersOf(chosen)) {
        // D.4. Each multiplication and division truncated to 4 places.
        p.weight = (((p.weight * surplus) / ONE) * ONE) / vote;
        transfer(p);
      }
      votes.set(chosen, quota);
      record("surplus-transferred", { candidate: chosen, surplus });
    } else if (inState("hopeful").length > 0) {
      // B.4. Defeat the hopeful candidate with the fewest votes, and pass their papers on.
      const hopeful = inState("hopeful");
      const low = hopeful.reduce((min, c) => (votes.get(c)! < min ? votes.get(c)! : min), votes.get(hopeful[0]!)!);
      const loser = chooseAmong(hopeful.filter((c) => votes.get(c) === low), "defeat");
      state.set(loser, "defeated");
      record("defeat", { candidate: loser });
      for (const p of papersOf(loser)) transfer(p);
      votes.set(loser, 0n);
      record("defeat-transferred", { candidate: loser });
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
  return { method: "wigm-prf", seats, ballots: prepared.valid, quota, elected, actions };
}

/** A figure in units as the rule prints it: 4 decimal places. */
export const formatWigmUnits = (units: bigint): string => formatDecimalUnits(units, WIGM_PLACES);
