/**
 * Meek STV with omega 10^-9 in guarded arithmetic (issue 18): the parametric Meek rule as Droop
 * counts it with its defaults ("meek-o9-guarded"), the variant where the arithmetic is close
 * enough to exact that the quota is the exact Droop quota and must be passed. Against the PR
 * Foundation reference rule (meek.ts) it differs in:
 * - arithmetic: 18 places kept with 9 more guard places (27 in all, each product and quotient
 *   truncated), and two figures that differ by less than half a unit in the 18th place count as
 *   equal; figures are shown to 18 places, the last rounded half up;
 * - the quota: the votes over seats + 1 exactly (no 10^-9 added), passed only by more;
 * - distribution: each candidate keeps weight x keep factor and passes on weight x (1 - keep
 *   factor), both truncated;
 * - iteration ends when the surplus is at most omega, at 10^-9;
 * - sure losers are defeated together (defeat_batch "safe"): the lowest candidates whose votes
 *   together, with the surplus, are fewer than the next candidate's, when enough remain to fill
 *   the seats.
 * Droop's reference outputs are reproduced action for action (meek-guarded.test.ts).
 */
import { candidateTable, formatDecimalUnits, roundHalfUp, tieBreaker, type ActionReport, type TieOrderOption } from "./decimal-units";
import { prepareStrictBallots } from "./group";
import type { CandidateIndex, Election } from "./types";

const PRECISION = 18;
const GUARD = 9;
/** 10^-27: one unit of the arithmetic. */
const ONE = 10n ** BigInt(PRECISION + GUARD);
/** Figures closer than half a unit of the 18th place are equal. */
const EPS = 10n ** BigInt(GUARD) / 2n;
const OMEGA = ONE / 10n ** 9n;

type State = "hopeful" | "elected" | "defeated";

export interface GuardedStanding {
  readonly candidate: CandidateIndex;
  readonly state: State;
  /** In units of 10^-27 of a vote. */
  readonly votes: bigint;
}

export type GuardedActionKind = "begin" | "elect" | "iterate" | "tie" | "defeat" | "defeat-batch" | "elect-remaining" | "defeat-remaining" | "complete";

export interface GuardedAction {
  readonly kind: GuardedActionKind;
  readonly round: number;
  readonly candidate?: CandidateIndex;
  readonly tied?: readonly CandidateIndex[];
  /** For an iteration's end: why it ended. For a defeat: whether the surplus was below omega or stable. */
  readonly status?: "elected" | "omega" | "stable" | "batch";
  readonly standings: readonly GuardedStanding[];
  readonly quota: bigint;
  readonly votes: bigint;
  readonly residual: bigint;
  readonly surplus: bigint;
}

export type GuardedMeekReport = ActionReport<"meek-guarded", GuardedAction>;

/** Compares two figures as guarded arithmetic does: within half a unit of the 18th place, equal. */
function cmp(a: bigint, b: bigint): number {
  const diff = a > b ? a - b : b - a;
  if (diff < EPS) return 0;
  return a > b ? 1 : -1;
}
const mul = (a: bigint, b: bigint): bigint => (a * b) / ONE;
const div = (a: bigint, b: bigint): bigint => (a * ONE) / b;

export function countMeekGuarded(election: Election, options: TieOrderOption = {}): GuardedMeekReport {
  const n = election.candidates.length;
  const seats = election.seats;
  const withdrawn = new Set(election.withdrawn);
  // Papers that rank some candidates equal are read rank by rank, sharing each rank's weight
  // among the candidates on it still counted (as Droop does); the others in the usual way.
  const isStrict = (ranking: Election["ballots"][number]["ranking"]) => ranking.every((r) => typeof r === "number" || r.length === 1);
  const prepared = prepareStrictBallots(
    election.ballots.filter((b) => isStrict(b.ranking)),
    withdrawn,
    n,
  );
  const groups = prepared.groups.map((g) => ({ ranking: g.ranking as readonly number[], count: BigInt(g.weight) }));
  const equal = election.ballots
    .filter((b) => !isStrict(b.ranking))
    .map((b) => ({
      ranks: b.ranking.map((r) => (typeof r === "number" ? [r] : [...r]).filter((c) => !withdrawn.has(c))).filter((r) => r.length > 0),
      count: BigInt(b.weight),
    }))
    .filter((b) => b.ranks.length > 0);
  const valid = prepared.valid + equal.reduce((sum, b) => sum + Number(b.count), 0);
  const nBallots = BigInt(valid) * ONE;
  const breakTie = tieBreaker(election, options);

  const { eligible, state, votes, inState, standings: standingsNow } = candidateTable<State, bigint>(election, "hopeful", 0n);
  const kf = new Map<CandidateIndex, bigint>(eligible.map((c) => [c, ONE]));
  const elected: CandidateIndex[] = [];
  const actions: GuardedAction[] = [];
  const seatsLeft = () => seats - inState("elected").length;
  let round = 0;
  let quota = nBallots / BigInt(seats + 1);
  let residual = 0n;
  let surplus = 0n;

  const record = (kind: GuardedActionKind, extra: Partial<Pick<GuardedAction, "candidate" | "tied" | "status">> = {}) => {
    const standings = standingsNow();
    actions.push({ kind, round, ...extra, standings, quota, votes: standings.reduce((sum, s) => sum + s.votes, 0n), residual, surplus });
  };

  /** Every ballot in full: each candidate keeps weight x kf and passes on weight x (1 - kf). */
  const distribute = () => {
    for (const c of [...inState("hopeful"), ...inState("elected")]) votes.set(c, 0n);
    residual = 0n;
    for (const g of groups) {
      let weight = ONE;
      let left = g.count * ONE;
      for (const c of g.ranking) {
        const keepFactor = kf.get(c) ?? 0n;
        if (keepFactor === 0n) continue;
        const keep = mul(weight, keepFactor);
        weight = mul(weight, ONE - keepFactor);
        votes.set(c, votes.get(c)! + keep * g.count);
        left -= keep * g.count;
        // As the guarded comparison has it: a weight within the guard of 0 is spent.
        if (cmp(weight, 0n) <= 0) break;
      }
      residual += left;
    }
    for (const b of equal) {
      const counted = new Set([...inState("hopeful"), ...inState("elected")]);
      let left = b.count * ONE;
      const share = (i: number, weight: bigint) => {
        if (weight === 0n || i >= b.ranks.length) return;
        const here = b.ranks[i]!.filter((c) => counted.has(c));
        if (here.length === 0) return;
        const each = weight / BigInt(here.length);
        for (const c of here) {
          const keepFactor = kf.get(c)!;
          const keep = mul(each, keepFactor);
          votes.set(c, votes.get(c)! + keep * b.count);
          left -= keep * b.count;
          share(i + 1, mul(each, ONE - keepFactor));
        }
      };
      share(0, ONE);
      residual += left;
    }
  };

  /** The lowest hopeful candidates that certainly lose: defeated together. */
  const sureLosers = (): CandidateIndex[] => {
    const sorted = [...inState("hopeful")].sort((a, b) => cmp(votes.get(a)!, votes.get(b)!) || a - b);
    const grouped: CandidateIndex[][] = [];
    let group: CandidateIndex[] = [];
    let vote = 0n;
    for (const c of sorted) {
      if (cmp(vote + surplus, votes.get(c)!) >= 0) group.push(c);
      else {
        if (group.length > 0) grouped.push(group);
        group = [c];
        vote = votes.get(c)!;
      }
    }
    if (group.length > 0) grouped.push(group);
    const maxDefeat = inState("hopeful").length - seatsLeft();
    let total = 0n;
    let count = 0;
    let last = -1;
    for (let g = 0; g < grouped.length - 1; g += 1) {
      count += grouped[g]!.length;
      if (count > maxDefeat) break;
      total += grouped[g]!.reduce((sum, c) => sum + votes.get(c)!, 0n);
      if (cmp(total + surplus, votes.get(grouped[g + 1]![0]!)!) < 0) last = g;
    }
    return grouped.slice(0, last + 1).flat();
  };

  for (const g of groups) votes.set(g.ranking[0]!, votes.get(g.ranking[0]!)! + g.count * ONE);
  for (const b of equal) for (const c of b.ranks[0]!) votes.set(c, votes.get(c)! + (ONE / BigInt(b.ranks[0]!.length)) * b.count);
  record("begin");

  while (!(inState("hopeful").length <= seatsLeft() || seatsLeft() <= 0)) {
    round += 1;
    let status: "elected" | "omega" | "stable" | "batch" | null = null;
    let batch: CandidateIndex[] = [];
    let lastSurplus = nBallots;
    while (status === null) {
      distribute();
      const counted = [...inState("hopeful"), ...inState("elected")].reduce((sum, c) => sum + votes.get(c)!, 0n);
      quota = counted / BigInt(seats + 1);
      for (const c of inState("hopeful")) {
        if (cmp(votes.get(c)!, quota) > 0) {
          state.set(c, "elected");
          elected.push(c);
          record("elect", { candidate: c });
          status = "elected";
        }
      }
      surplus = inState("elected").reduce((sum, c) => sum + votes.get(c)! - quota, 0n);
      if (status === "elected") break;
      if (cmp(surplus, OMEGA) <= 0) status = "omega";
      else if (cmp(surplus, lastSurplus) >= 0) status = "stable";
      else {
        batch = sureLosers();
        if (batch.length > 0) status = "batch";
        else {
          lastSurplus = surplus;
          for (const c of inState("elected")) kf.set(c, div(mul(kf.get(c)!, quota), votes.get(c)!));
        }
      }
    }
    record("iterate", { status });
    if (status === "elected") continue;
    if (status === "batch") {
      for (const c of [...batch].sort((a, b) => a - b)) {
        state.set(c, "defeated");
        record("defeat-batch", { candidate: c });
        kf.set(c, 0n);
        votes.set(c, 0n);
        distribute();
      }
      continue;
    }
    const hopeful = inState("hopeful");
    if (hopeful.length > 0) {
      const low = hopeful.reduce((min, c) => (votes.get(c)! < min ? votes.get(c)! : min), votes.get(hopeful[0]!)!);
      const tied = hopeful.filter((c) => cmp(low + surplus, votes.get(c)!) >= 0);
      const loser = tied.length === 1 ? tied[0]! : breakTie(tied);
      if (tied.length > 1) record("tie", { candidate: loser, tied });
      state.set(loser, "defeated");
      record("defeat", { candidate: loser, status });
      kf.set(loser, 0n);
      votes.set(loser, 0n);
      distribute();
    }
  }
  for (const c of inState("hopeful")) {
    if (inState("elected").length < seats) {
      state.set(c, "elected");
      elected.push(c);
      record("elect-remaining", { candidate: c });
    } else {
      state.set(c, "defeated");
      record("defeat-remaining", { candidate: c });
      kf.set(c, 0n);
      votes.set(c, 0n);
    }
    distribute();
  }
  const final = inState("elected").reduce((sum, c) => sum + votes.get(c)!, 0n);
  residual = nBallots - final;
  record("complete");
  return { method: "meek-guarded", seats, ballots: valid, elected, actions };
}

/** A figure as the rule shows it: to 18 places, the last rounded half up. */
export function formatGuarded(units: bigint): string {
  const shown = roundHalfUp(units < 0n ? -units : units, 10n ** BigInt(GUARD));
  return formatDecimalUnits(units < 0n ? -shown : shown, PRECISION);
}
