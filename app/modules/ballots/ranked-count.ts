import { assertSafeUnits, unitsToVotes, UNITS_PER_VOTE } from "./fixed-point";
import { prepareStrictBallots, type PreparedBallots } from "./group";
import { findRon } from "./ron";
import { breakTie, orderByTotal, type TieContext } from "./ties";
import type {
  CandidateIndex,
  CandidateStanding,
  CandidateStatus,
  CountOptions,
  Election,
  ElectionReason,
  RankedCountReport,
  RankedMethod,
  StageAction,
  StageElection,
  StageReport,
  TieBreak,
  TieQuestion,
  Transfer,
  Winner,
} from "./types";

/**
 * The bookkeeping shared by Scottish STV and IRV: who holds which parcels of papers, at what
 * value, and the stage-by-stage record. The methods themselves (scottish-stv.ts, irv.ts) only
 * decide what happens at each stage.
 *
 * A "parcel" is one group of identical rankings (see group.ts). Identical papers always move
 * together and so always share one value, which is what makes grouping exact.
 * All vote amounts are integer units of 0.00001 vote (fixed-point.ts).
 */

const CONTINUING = 0;
const ELECTED = 1;
const EXCLUDED = 2;
const WITHDRAWN = 3;

/** Paper values never exceed one vote, so this separates destinations in a numeric key. */
const TRANSFER_KEY_BASE = UNITS_PER_VOTE + 1;

const STATUS_NAMES: readonly CandidateStatus[] = ["continuing", "elected", "excluded", "withdrawn"];

export class RankedCount {
  readonly names: readonly string[];
  readonly seats: number;
  readonly seed: string;
  readonly ron: CandidateIndex | null;
  readonly prepared: PreparedBallots;
  private readonly election: Election;
  private readonly tieOrder: readonly CandidateIndex[] | undefined;

  private readonly status: Uint8Array;
  /** Current total of each candidate, in units. */
  readonly totals: number[];
  /** Parcels each candidate currently holds. */
  private readonly holdings: number[][];

  private readonly parcelRanking: (readonly CandidateIndex[])[];
  private readonly parcelWeight: number[];
  /** Position in the ranking of the candidate now holding the parcel. */
  private readonly parcelPosition: Int32Array;
  /** Value of each paper in the parcel, in units (100000 = one vote). */
  private readonly parcelValue: number[];

  nonTransferable = 0;
  lossOfFractions = 0;

  /** Totals (units) at the end of each completed stage, for tie-breaks. */
  readonly history: number[][] = [];
  readonly stages: StageReport[] = [];
  readonly tieBreaks: TieBreak[] = [];
  readonly winners: Winner[] = [];

  // The stage being built.
  private stageAction: StageAction | null = null;
  /** Keyed by (to + 1) * TRANSFER_KEY_BASE + value: one row per destination and paper value. */
  private stageTransfers = new Map<number, { to: CandidateIndex | -1; value: number; papers: number }>();
  private stageFrom: CandidateIndex = -1;
  private stageElected: StageElection[] = [];
  private stageExcluded: CandidateIndex[] = [];
  private stageTies: TieBreak[] = [];
  private stageThreshold: number | undefined;
  private stageContinuingUnits = 0;

  constructor(election: Election, options: CountOptions, seats: number) {
    if (!Number.isSafeInteger(seats) || seats < 1) {
      throw new RangeError(`seats must be a positive whole number, got ${seats}`);
    }
    this.election = election;
    this.names = election.candidates;
    this.seats = seats;
    this.seed = options.seed ?? "";
    this.tieOrder = options.tieOrder ?? election.tieOrder;
    this.ron = findRon(election, options);
    const n = election.candidates.length;
    const withdrawn = new Set(election.withdrawn);
    for (const c of withdrawn) {
      if (!(Number.isInteger(c) && c >= 0 && c < n)) throw new RangeError(`withdrawn candidate ${c} does not exist`);
    }
    this.prepared = prepareStrictBallots(election.ballots, withdrawn, n);
    assertSafeUnits(this.prepared.valid * UNITS_PER_VOTE);

    this.status = new Uint8Array(n);
    for (const c of withdrawn) this.status[c] = WITHDRAWN;
    this.totals = new Array<number>(n).fill(0);
    this.holdings = Array.from({ length: n }, () => []);
    const groups = this.prepared.groups;
    this.parcelRanking = groups.map((g) => g.ranking);
    this.parcelWeight = groups.map((g) => g.weight);
    this.parcelPosition = new Int32Array(groups.length);
    this.parcelValue = new Array<number>(groups.length).fill(UNITS_PER_VOTE);
  }

  get tieContext(): TieContext {
    return { names: this.names, seed: this.seed, tieOrder: this.tieOrder, history: this.history };
  }

  continuing(): CandidateIndex[] {
    const result: CandidateIndex[] = [];
    for (let c = 0; c < this.status.length; c++) if (this.status[c] === CONTINUING) result.push(c);
    return result;
  }

  continuingUnits(): number {
    let sum = 0;
    for (let c = 0; c < this.status.length; c++) {
      if (this.status[c] === CONTINUING) sum += this.totals[c]!;
    }
    return sum;
  }

  get seatsFilled(): number {
    return this.winners.length;
  }

  /** Stage 1: every parcel goes to its first preference, one vote per paper. */
  firstPreferences(): void {
    this.beginStage({ kind: "first-preferences" }, -1);
    for (let g = 0; g < this.parcelRanking.length; g++) {
      const first = this.parcelRanking[g]![0]!;
      this.holdings[first]!.push(g);
      this.totals[first]! += this.parcelWeight[g]! * UNITS_PER_VOTE;
    }
  }

  beginStage(action: StageAction, from: CandidateIndex): void {
    this.stageAction = action;
    this.stageFrom = from;
    this.stageTransfers = new Map();
    this.stageElected = [];
    this.stageExcluded = [];
    this.stageTies = [];
    this.stageThreshold = undefined;
  }

  /** Records a tie-break against the stage being built (and the whole count). */
  recordTie(record: TieBreak | null): void {
    if (!record) return;
    this.stageTies.push(record);
    this.tieBreaks.push(record);
  }

  /** Chooses among tied candidates and records how (see ties.ts). */
  choose(tied: readonly CandidateIndex[], prefer: "highest" | "lowest", question: TieQuestion): { chosen: CandidateIndex; record: TieBreak | null } {
    return breakTie(tied, prefer, question, this.tieContext);
  }

  setMajorityThreshold(units: number): void {
    this.stageThreshold = units;
  }

  /**
   * Moves every parcel `from` holds to its next continuing preference, or to the
   * non-transferable pile. `newValue` maps a parcel's current per-paper value to the value it
   * carries on (identity for an exclusion, the rule 48(3) transfer value for a surplus).
   * Returns the total units moved (transferred plus non-transferable).
   */
  transferAll(from: CandidateIndex, newValue: (value: number) => number): number {
    const held = this.holdings[from]!;
    this.holdings[from] = [];
    const status = this.status;
    let moved = 0;
    for (const g of held) {
      const value = newValue(this.parcelValue[g]!);
      this.parcelValue[g] = value;
      const ranking = this.parcelRanking[g]!;
      let position = this.parcelPosition[g]! + 1;
      while (position < ranking.length && status[ranking[position]!] !== CONTINUING) position++;
      this.parcelPosition[g] = position;
      const weight = this.parcelWeight[g]!;
      const units = weight * value;
      moved += units;
      const to = position < ranking.length ? ranking[position]! : -1;
      if (to >= 0) {
        this.holdings[to]!.push(g);
        this.totals[to]! += units;
      } else {
        this.nonTransferable += units;
      }
      const key = (to + 1) * TRANSFER_KEY_BASE + value;
      const row = this.stageTransfers.get(key);
      if (row) row.papers += weight;
      else this.stageTransfers.set(key, { to, value, papers: weight });
    }
    assertSafeUnits(moved);
    return moved;
  }

  setTotal(c: CandidateIndex, units: number): void {
    this.totals[c] = units;
  }

  addLossOfFractions(units: number): void {
    this.lossOfFractions += units;
  }

  exclude(c: CandidateIndex): void {
    this.status[c] = EXCLUDED;
    this.stageExcluded.push(c);
  }

  /**
   * A stage that excludes the continuing candidate with the lowest total (ties: earlier stages,
   * then lot) and passes all their papers on at the value each had when received (Scottish
   * rules 50(1) and 50(4); IRV the same). Used by every ranked method.
   */
  excludeLowestContinuing(): void {
    const continuing = this.continuing();
    const lowest = Math.min(...continuing.map((c) => this.totals[c]!));
    const tied = continuing.filter((c) => this.totals[c] === lowest);
    const { chosen, record } = this.choose(tied, "lowest", "exclusion");
    this.beginStage({ kind: "exclusion", candidate: this.names[chosen]!, reason: "lowest-total", total: unitsToVotes(this.totals[chosen]!) }, chosen);
    this.recordTie(record);
    this.exclude(chosen);
    this.transferAll(chosen, (value) => value);
    this.setTotal(chosen, 0);
  }

  /** Marks the stage's totals final (before this stage's elections are decided). */
  closeTotals(): void {
    this.history.push(this.totals.slice());
    this.stageContinuingUnits = this.continuingUnits();
  }

  /**
   * Elects `candidates` at the current stage, listing equal totals in tie-break order.
   * Stops when every seat is filled.
   */
  elect(candidates: readonly CandidateIndex[], reason: ElectionReason): CandidateIndex[] {
    if (candidates.length === 0) return [];
    const { order, tieBreaks } = orderByTotal(candidates, this.totals, "election-order", this.tieContext);
    for (const record of tieBreaks) this.recordTie(record);
    const electedNow: CandidateIndex[] = [];
    for (const c of order) {
      if (this.seatsFilled >= this.seats) break;
      this.status[c] = ELECTED;
      const ron = c === this.ron;
      const candidate = this.names[c]!;
      this.stageElected.push({ candidate, reason, ron });
      this.winners.push({ candidate, stage: this.history.length, reason, ron });
      electedNow.push(c);
    }
    return electedNow;
  }

  /** Finishes the stage report. Call after `closeTotals` and this stage's elections. */
  finishStage(): void {
    const stageNumber = this.history.length;
    const totals = this.history[stageNumber - 1]!;
    const previous = stageNumber >= 2 ? this.history[stageNumber - 2]! : null;
    const standings: CandidateStanding[] = this.names.map((candidate, c) => ({
      candidate,
      votes: unitsToVotes(totals[c]!),
      change: unitsToVotes(totals[c]! - (previous ? previous[c]! : 0)),
      status: STATUS_NAMES[this.status[c]!]!,
    }));
    const from = this.stageFrom >= 0 ? this.names[this.stageFrom]! : "";
    const transfers: Transfer[] = [...this.stageTransfers.values()]
      .sort((a, b) => sortKey(a.to) - sortKey(b.to) || b.value - a.value)
      .map((row) => ({
        from,
        to: row.to >= 0 ? this.names[row.to]! : null,
        papers: row.papers,
        value: unitsToVotes(row.value),
        votes: unitsToVotes(row.papers * row.value),
      }));
    const report: StageReport = {
      stage: stageNumber,
      action: this.stageAction ?? { kind: "first-preferences" },
      totals: standings,
      transfers,
      nonTransferable: unitsToVotes(this.nonTransferable),
      lossOfFractions: unitsToVotes(this.lossOfFractions),
      continuingVotes: unitsToVotes(this.stageContinuingUnits),
      ...(this.stageThreshold !== undefined ? { majorityThreshold: unitsToVotes(this.stageThreshold) } : {}),
      elected: this.stageElected,
      excluded: this.stageExcluded.map((c) => this.names[c]!),
      tieBreaks: this.stageTies,
    };
    this.stages.push(report);
  }

  report(method: RankedMethod, quotaUnits: number | null): RankedCountReport {
    const nonRonWinners = this.winners.filter((w) => !w.ron).length;
    return {
      method,
      title: this.election.title,
      seats: this.seats,
      quota: quotaUnits === null ? null : unitsToVotes(quotaUnits),
      seed: this.seed,
      candidates: [...this.names],
      withdrawn: this.election.withdrawn.map((c) => this.names[c]!),
      ballots: { cast: this.prepared.cast, valid: this.prepared.valid, empty: this.prepared.empty },
      elected: this.winners.map((w) => w.candidate),
      winners: this.winners,
      vacantSeats: this.seats - nonRonWinners,
      tieBreaks: this.tieBreaks,
      stages: this.stages,
    };
  }
}

/** Non-transferable rows last, otherwise ballot-file order. */
function sortKey(to: number): number {
  return to < 0 ? Number.MAX_SAFE_INTEGER : to;
}
