/**
 * Meek STV, as the Proportional Representation Foundation's "Meek Reference" rule states it
 * (prfound.org, reference-meek-rule; issue 18): every ballot is counted in full each iteration,
 * each elected candidate keeping only the share of a vote (the keep factor) that brings them
 * down to the quota, the rest passing on to the next preference; defeated candidates keep
 * nothing. Arithmetic is fixed-point to 9 decimal places, rounded up where the rule says, and an
 * iteration ends when the total surplus falls below omega (0.000001).
 *
 * Figures are kept as integer units of 10^-9 in BigInt: exact, so the count is reproducible to
 * the last digit on any machine (Droop's reference outputs are reproduced stage for stage:
 * meek.test.ts). The rule's own step numbers are given beside each step.
 */
import { candidateTable, formatDecimalUnits, tieBreaker, type ActionReport, type TieOrderOption } from "./decimal-units";
import { prepareStrictBallots } from "./group";
import type { CandidateIndex, Election } from "./types";

/** 10^-9: one unit of the rule's arithmetic. */
export const MEEK_PLACES = 9;
const ONE = 10n ** BigInt(MEEK_PLACES);
const OMEGA = ONE / 1_000_000n;

type State = "hopeful" | "elected" | "defeated";

export interface MeekStanding {
  readonly candidate: CandidateIndex;
  readonly state: State;
  /** In units of 10^-9 of a vote. */
  readonly votes: bigint;
}

export type MeekActionKind = "begin" | "elect" | "tie" | "defeat" | "elect-remaining" | "defeat-remaining" | "complete";

/** One step of the count, with everything as it stood just after it. */
export interface MeekAction {
  readonly kind: MeekActionKind;
  readonly round: number;
  /** The candidate elected or defeated; for a tie, the one the tie-break chose. */
  readonly candidate?: CandidateIndex;
  /** For a tie: the candidates tied (in ballot order). */
  readonly tied?: readonly CandidateIndex[];
  /** For a defeat: the total surplus when it was made (below omega: no more iteration would help). */
  readonly surplus: bigint;
  readonly standings: readonly MeekStanding[];
  readonly quota: bigint;
  /** The votes of every candidate still counted, and what no candidate kept (exhausted ballots, rounding). */
  readonly votes: bigint;
  readonly residual: bigint;
}

export type MeekReport = ActionReport<"meek-prf", MeekAction>;

export type MeekOptions = TieOrderOption;

/** a x b, both in units, to 9 places rounded up (the rule's "rounded up"). */
const mulUp = (a: bigint, b: bigint): bigint => (a * b + ONE - 1n) / ONE;
/** a / b, both in units, to 9 places rounded up. */
const divUp = (a: bigint, b: bigint): bigint => (a * ONE + b - 1n) / b;

export function countMeekPrf(election: Election, options: MeekOptions = {}): MeekReport {
  const n = election.candidates.length;
  const seats = election.seats;
  const withdrawn = new Set(election.withdrawn);
  const prepared = prepareStrictBallots(election.ballots, withdrawn, n);
  const groups = prepared.groups.map((g) => ({ ranking: g.ranking as readonly number[], weight: BigInt(g.weight) }));
  // Papers that rank nobody still standing (empty, or only withdrawn candidates) are not counted.
  const nBallots = BigInt(prepared.valid) * ONE;
  const breakTie = tieBreaker(election, options);

  const { eligible, state, votes, inState, standings: standingsNow } = candidateTable<State, bigint>(election, "hopeful", 0n);
  // A. Every hopeful candidate's keep factor is 1.
  const kf = new Map<CandidateIndex, bigint>(eligible.map((c) => [c, ONE]));
  const elected: CandidateIndex[] = [];
  const actions: MeekAction[] = [];
  let round = 0;
  let quota = nBallots / BigInt(seats + 1) + 1n;
  let residual = 0n;
  let surplus = 0n;

  const record = (kind: MeekActionKind, extra: Partial<Pick<MeekAction, "candidate" | "tied">> = {}) => {
    const standings = standingsNow();
    const total = standings.reduce((sum, s) => sum + s.votes, 0n);
    actions.push({ kind, round, ...extra, surplus, standings, quota, votes: total, residual });
  };

  // The first count, for the record: each ballot to its first preference.
  for (const g of groups) votes.set(g.ranking[0]!, votes.get(g.ranking[0]!)! + g.weight * ONE);
  record("begin");

  const elect = (c: CandidateIndex, kind: "elect" | "elect-remaining") => {
    state.set(c, "elected");
    elected.push(c);
    record(kind, { candidate: c });
  };

  // B.1. Until every seat is filled, or no more remain than the seats still to fill.
  while (inState("hopeful").length > seats - elected.length && seats - elected.length > 0) {
    round += 1;
    let status: "iterate" | "elected" | "omega" | "stable" = "iterate";
    let lastSurplus = nBallots;
    while (status === "iterate") {
      // B.2.a. Distribute votes: each ballot's weight, from 1, to each candidate in turn, who
      // keeps the weight times their keep factor (rounded up) until nothing is left.
      for (const c of [...inState("hopeful"), ...inState("elected")]) votes.set(c, 0n);
      residual = 0n;
      for (const g of groups) {
        let weight = ONE;
        let left = g.weight * ONE;
        for (const c of g.ranking) {
          const keep = kf.get(c) ?? 0n;
          if (keep === 0n) continue;
          const kept = mulUp(weight, keep);
          votes.set(c, votes.get(c)! + kept * g.weight);
          weight -= kept;
          left -= kept * g.weight;
          if (weight <= 0n) break;
        }
        residual += left;
      }
      // B.2.b. Quota: the votes of hopeful and elected candidates over seats + 1, truncated, plus 10^-9.
      const counted = [...inState("hopeful"), ...inState("elected")].reduce((sum, c) => sum + votes.get(c)!, 0n);
      quota = counted / BigInt(seats + 1) + 1n;
      // B.2.c. Elect every hopeful candidate with at least the quota, in ballot order.
      for (const c of inState("hopeful")) {
        if (votes.get(c)! >= quota) {
          elect(c, "elect");
          status = "elected";
        }
      }
      // B.2.d. The total surplus of the elected, never below 0.
      surplus = inState("elected").reduce((sum, c) => sum + votes.get(c)! - quota, 0n);
      if (surplus < 0n) surplus = 0n;
      // B.2.e. Done when someone was elected, or the surplus is below omega or no longer falls.
      if (status !== "elected") {
        if (surplus < OMEGA) status = "omega";
        else if (surplus >= lastSurplus) status = "stable";
      }
      if (status === "iterate") {
        lastSurplus = surplus;
        // B.2.f. Each elected candidate keeps quota / vote of what they kept (each step rounded up).
        for (const c of inState("elected")) kf.set(c, divUp(mulUp(kf.get(c)!, quota), votes.get(c)!));
      }
    }
    if (status === "elected") continue;
    // B.3. Defeat the hopeful candidate with the fewest votes; anyone within the total surplus of
    // them is tied with them, and the tie is broken by the published order.
    const hopeful = inState("hopeful");
    if (hopeful.length > 0) {
      const low = hopeful.reduce((min, c) => (votes.get(c)! < min ? votes.get(c)! : min), votes.get(hopeful[0]!)!);
      const tied = hopeful.filter((c) => votes.get(c)! <= low + surplus);
      const loser = tied.length === 1 ? tied[0]! : breakTie(tied);
      if (tied.length > 1) record("tie", { candidate: loser, tied });
      state.set(loser, "defeated");
      record("defeat", { candidate: loser });
      votes.set(loser, 0n);
      kf.set(loser, 0n);
    }
  }
  // C. Elect the remaining hopeful candidates if seats are left; otherwise defeat them.
  for (const c of inState("hopeful")) {
    if (elected.length < seats) elect(c, "elect-remaining");
    else {
      state.set(c, "defeated");
      record("defeat-remaining", { candidate: c });
      kf.set(c, 0n);
      votes.set(c, 0n);
    }
  }
  const final = inState("elected").reduce((sum, c) => sum + votes.get(c)!, 0n);
  residual = nBallots - final;
  record("complete");
  return { method: "meek-prf", seats, ballots: prepared.valid, elected, actions };
}

/** A figure in units as the rule prints it: 9 decimal places. */
export const formatMeekUnits = (units: bigint): string => formatDecimalUnits(units, MEEK_PLACES);
