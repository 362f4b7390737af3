/**
 * Meek and WIGM as a poll counts them (issue 18): one run of the rule's exact counter gives both
 * the count sheet (exact decimal text, count-sheet.ts) and the report every ranked result page,
 * chart and declaration already reads (`RankedCountReport`, its figures as numbers: close enough
 * to draw, never used to decide anything).
 *
 * A column of the sheet shows votes that moved, labelled by what moved them, as a council's
 * sheet does:
 * - WIGM moves papers a transfer at a time: a column per surplus or exclusion transferred, with
 *   its parcels and the values they moved at; an election is marked in the column whose totals
 *   reached the quota.
 * - Meek moves no papers: every paper is counted again after each election or exclusion. A column
 *   is each time the totals settled after that (at the rule's next election or exclusion),
 *   labelled by what was redistributed (the elected's surpluses, or an excluded candidate's
 *   votes); an excluded candidate is marked in the column where their votes leave them, and one
 *   excluded at the very end, in the last column.
 */
import { buildSheet, distinctValues, formatFigure, type CountSheet, type RawStage, type SheetState, type SheetTransfer } from "./count-sheet";
import { roundHalfUp } from "./decimal-units";
import { countMeekGuarded } from "./meek-guarded";
import { countMeekPrf } from "./meek";
import { findRon } from "./ron";
import { tieOrderOf } from "./reference-rules";
import type {
  CandidateIndex,
  CountOptions,
  Election,
  ElectionReason,
  RankedCountReport,
  ReferenceRule,
  StageEvent,
  StageReport,
  TieBreak,
  Winner,
} from "./types";
import { countWigmPrf, countWigmRational, type Rational, type WigmMove, type WigmReport } from "./wigm";

/** Places the sheet shows each rule's figures to: the rule's own, but no more than 9 (decision 051). */
export const SHEET_PLACES: Readonly<Record<ReferenceRule, number>> = { meek: 9, "meek-prf": 9, "wigm-prf": 4, "wigm-rational": 9 };

type State = "hopeful" | "pending" | "elected" | "defeated";
const SHEET_STATE: Record<State, SheetState> = { hopeful: "continuing", pending: "elected", elected: "elected", defeated: "excluded" };

/** An action of any of the four rules, its figures already in the sheet's units. */
interface Step {
  readonly kind: string;
  readonly candidate?: CandidateIndex;
  readonly tied?: readonly CandidateIndex[];
  readonly tieFor?: "surplus" | "defeat";
  readonly standings: readonly { readonly candidate: CandidateIndex; readonly state: State; readonly votes: bigint }[];
  /** WIGM only (Meek's is everything no candidate keeps). */
  readonly nonTransferable: bigint | null;
  readonly quota: bigint;
  readonly moves: readonly { readonly to: CandidateIndex | null; readonly papers: bigint; readonly value: bigint; readonly votes: bigint }[];
}

export interface ReferenceCount {
  readonly report: RankedCountReport;
  readonly sheet: CountSheet;
}

/**
 * Shown to the sheet's places by truncation, so that what the shown figures leave out is never
 * negative: it goes to Meek's excess row, or to the exact fractions' rounding row.
 */
const truncate = (units: bigint, by: bigint) => (units < 0n ? -(-units / by) : units / by);

export function countReferenceRule(election: Election, rule: ReferenceRule, options: CountOptions = {}): ReferenceCount {
  const seats = options.seats ?? election.seats;
  const e: Election = { ...election, seats, ...(options.tieOrder ? { tieOrder: options.tieOrder } : {}) };
  const { order } = tieOrderOf(e, options.seed ?? "");
  const places = SHEET_PLACES[rule];
  const one = 10n ** BigInt(places);
  let steps: Step[];
  let ballots: number;
  let elected: readonly CandidateIndex[];
  if (rule === "meek" || rule === "meek-prf") {
    const report = rule === "meek" ? countMeekGuarded(e, { tieOrder: order }) : countMeekPrf(e, { tieOrder: order });
    // Guarded arithmetic keeps 27 places (the PR Foundation rule's are 9 already).
    const shown = rule === "meek" ? (units: bigint) => truncate(units, 10n ** 18n) : (units: bigint) => units;
    steps = report.actions.map((a) => ({
      kind: a.kind,
      ...(a.candidate !== undefined ? { candidate: a.candidate } : {}),
      ...(a.tied ? { tied: a.tied } : {}),
      standings: a.standings.map((s) => ({ candidate: s.candidate, state: s.state, votes: shown(s.votes) })),
      nonTransferable: null,
      quota: shown(a.quota),
      moves: [],
    }));
    ballots = report.ballots;
    elected = report.elected;
  } else {
    // A paper's value is shown rounded half up: it adds into nothing on the sheet.
    const fromWigm = <T>(report: WigmReport<T>, shown: (value: T) => bigint, votesOf: (move: WigmMove<T>) => T, shownValue: (value: T) => bigint = shown) => {
      steps = report.actions.map((a) => ({
        kind: a.kind,
        ...(a.candidate !== undefined ? { candidate: a.candidate } : {}),
        ...(a.tied ? { tied: a.tied } : {}),
        ...(a.tieFor ? { tieFor: a.tieFor } : {}),
        standings: a.standings.map((s) => ({ candidate: s.candidate, state: s.state, votes: shown(s.votes) })),
        nonTransferable: shown(a.nonTransferable),
        quota: shown(report.quota),
        moves: (a.moves ?? []).map((m) => ({ to: m.to, papers: m.papers, value: shownValue(m.value), votes: shown(votesOf(m)) })),
      }));
      ballots = report.ballots;
      elected = report.elected;
    };
    if (rule === "wigm-prf")
      fromWigm(
        countWigmPrf(e, { tieOrder: order }),
        (units) => units,
        (m) => m.value * m.papers,
      );
    else
      fromWigm(
        countWigmRational(e, { tieOrder: order }),
        (v: Rational) => truncate(v.n * one, v.d),
        (m) => ({ n: m.value.n * m.papers, d: m.value.d }),
        (v: Rational) => roundHalfUp(v.n * one, v.d),
      );
  }
  return assemble(e, rule, options, order, steps!, ballots!, elected!, places);
}

/** A column being built, and what the report needs to know of it. */
interface Column {
  raw: RawStage;
  /** Candidates elected in this column, and how. */
  reasons: Map<CandidateIndex, ElectionReason>;
}

function assemble(
  e: Election,
  rule: ReferenceRule,
  options: CountOptions,
  order: readonly CandidateIndex[],
  steps: readonly Step[],
  ballots: number,
  electedOrder: readonly CandidateIndex[],
  places: number,
): ReferenceCount {
  const n = e.candidates.length;
  const valid = BigInt(ballots) * 10n ** BigInt(places);
  const meek = rule === "meek" || rule === "meek-prf";
  const name = (c: CandidateIndex) => e.candidates[c]!;
  const columns: Column[] = [];
  let ties: TieBreak[] = [];
  // Meek: candidates elected or excluded whose redistribution the next column will show.
  let redistributing: { elected: CandidateIndex[]; excluded: CandidateIndex[] } = { elected: [], excluded: [] };
  // Meek: the ties that chose whom to exclude, told in the column where their votes move.
  let heldTies: TieBreak[] = [];

  const totalsOf = (step: Step) => {
    const totals = new Array<bigint>(n).fill(0n);
    for (const s of step.standings) totals[s.candidate] = s.votes;
    return totals;
  };
  const statesOf = (step: Step) => {
    const states = new Array<SheetState>(n).fill("withdrawn");
    for (const s of step.standings) states[s.candidate] = SHEET_STATE[s.state];
    return states;
  };
  const last = () => columns.at(-1)!;
  /** A new column with the step's figures, what moved them, and its parcels. */
  const open = (step: Step, events: StageEvent[], states: SheetState[], transfers: SheetTransfer[] = [], values: bigint[] = []) => {
    const totals = totalsOf(step);
    const held = totals.reduce((a, b) => a + b, 0n);
    const nonTransferable = step.nonTransferable ?? valid - held;
    columns.push({
      raw: {
        events,
        totals,
        states,
        nonTransferable,
        lossOfFractions: meek ? null : valid - held - nonTransferable,
        quota: step.quota,
        transferValues: values,
        transfers,
        ties,
      },
      reasons: new Map(),
    });
    ties = [];
  };
  /** Something settled in the last column: an event, and a candidate's state there. */
  const settle = (event: StageEvent, c: CandidateIndex, state: SheetState, reason?: ElectionReason) => {
    const column = last();
    const events = [...column.raw.events];
    const previous = events.at(-1);
    if (previous && previous.kind === event.kind && (previous.kind !== "elected" || (event.kind === "elected" && previous.remaining === event.remaining))) {
      events[events.length - 1] = { ...previous, candidates: [...(previous as { candidates: readonly string[] }).candidates, name(c)] } as StageEvent;
    } else events.push(event);
    const states = [...column.raw.states];
    states[c] = state;
    column.raw = { ...column.raw, events, states, ties: [...column.raw.ties, ...ties] };
    ties = [];
    if (reason) column.reasons.set(c, reason);
  };

  /** Meek: those the rule excluded whose votes the count ended before moving, marked in the last column. */
  const settleExcluded = () => {
    if (redistributing.excluded.length === 0) return;
    ties = [...heldTies, ...ties];
    heldTies = [];
    for (const c of redistributing.excluded) settle({ kind: "exclusion", candidates: [name(c)] }, c, "excluded");
    redistributing.excluded = [];
  };

  for (const step of steps) {
    const c = step.candidate;
    if (step.kind === "tie") {
      ties.push({
        question: step.tieFor === "surplus" ? "surplus-order" : "exclusion",
        tied: (step.tied ?? []).map(name),
        chosen: name(c!),
        decidedBy: "tie-order",
        order: order.map(name),
      });
      continue;
    }
    if (step.kind === "begin") {
      open(step, [{ kind: "first-preferences" }], statesOf(step));
      continue;
    }
    if (meek) {
      if (!["elect", "elect-remaining", "defeat", "defeat-batch", "defeat-remaining"].includes(step.kind)) continue;
      const totals = totalsOf(step);
      const before = last().raw;
      const leaving = (i: number) => redistributing.excluded.includes(i);
      // At the end of the count the rule settles the rest where they stand. Only the votes of a
      // candidate the rule excluded as lowest, counted again onto someone still in the count, make
      // a column then; a counter's zeroing or recounting as it settles the rest is bookkeeping.
      const ending = step.kind === "elect-remaining" || step.kind === "defeat-remaining";
      const moved = ending
        ? redistributing.excluded.length > 0 && totals.some((t, i) => t !== before.totals[i] && !leaving(i) && before.states[i] !== "excluded")
        : totals.some((t, i) => t !== before.totals[i]);
      if (moved) {
        // The totals moved since the last column: what was redistributed moved them. Every elected
        // candidate's surplus moves whenever Meek counts again, with any exclusion's votes.
        const events: StageEvent[] = [];
        if (redistributing.excluded.length > 0) events.push({ kind: "exclusion", candidates: redistributing.excluded.map(name) });
        const surpluses = before.states.flatMap((state, i) => (state === "elected" && totals[i] !== before.totals[i] ? [i] : []));
        if (surpluses.length > 0 || events.length === 0)
          events.push({ kind: "surplus", candidates: (surpluses.length > 0 ? surpluses : electedBefore(columns)).map(name) });
        // Candidates this very step excludes are still in the count in this column.
        const states = statesOf(step).map((s, i) => (s === "excluded" && !leaving(i) && before.states[i] !== "excluded" ? before.states[i]! : s));
        // The column tells the ties that chose whom it excludes; a tie just made belongs to this step.
        const justMade = ties;
        ties = heldTies;
        heldTies = [];
        open(step, events, states);
        ties = justMade;
        redistributing = { elected: [], excluded: [] };
      } else {
        // The same totals: the quota this step decided on is the column's.
        last().raw = { ...before, quota: step.quota };
        if (ending) settleExcluded();
      }
      if (step.kind === "elect" || step.kind === "elect-remaining") {
        const remaining = step.kind === "elect-remaining";
        settle({ kind: "elected", candidates: [name(c!)], remaining }, c!, "elected", remaining ? "last-standing" : "quota");
        redistributing.elected.push(c!);
      } else if (step.kind === "defeat-remaining") {
        settle({ kind: "excluded-remaining", candidates: [name(c!)] }, c!, "excluded");
      } else {
        redistributing.excluded.push(c!);
        heldTies.push(...ties);
        ties = [];
      }
      continue;
    }
    // WIGM: a column per transfer; elections and the count's end are marked where they happen.
    if (step.kind === "surplus-transferred" || step.kind === "defeat-transferred") {
      const from = name(c!);
      const transfers: SheetTransfer[] = step.moves.map((m) => ({
        from,
        to: m.to === null ? null : name(m.to),
        papers: Number(m.papers),
        value: formatFigure(m.value, places),
        votes: formatFigure(m.votes, places),
      }));
      const event: StageEvent = step.kind === "surplus-transferred" ? { kind: "surplus", candidates: [from] } : { kind: "exclusion", candidates: [from] };
      open(step, [event], statesOf(step), transfers, distinctValues(step.moves.map((m) => m.value)));
    } else if (step.kind === "elect" || step.kind === "elect-remaining") {
      const remaining = step.kind === "elect-remaining";
      settle({ kind: "elected", candidates: [name(c!)], remaining }, c!, "elected", remaining ? "last-standing" : "quota");
    } else if (step.kind === "defeat-remaining") {
      settle({ kind: "excluded-remaining", candidates: [name(c!)] }, c!, "excluded");
    }
  }
  settleExcluded();

  const sheet = buildSheet(
    {
      method: rule,
      title: e.title,
      seats: e.seats,
      ballots,
      places,
      residual: meek ? "excess" : "non-transferable",
      loss: rule === "wigm-rational" ? "sheet-rounding" : "loss-of-fractions",
      quotaKind: "quota",
      candidates: e.candidates,
      ron: ronName(e, options),
      elected: electedOrder.map(name),
    },
    columns.map((column) => column.raw),
  );
  return { sheet, report: toReport(e, rule, options, sheet, columns, electedOrder) };
}

/** Meek: everyone elected so far, whose surpluses are redistributed whenever the count runs again. */
function electedBefore(columns: readonly Column[]): CandidateIndex[] {
  return columns.flatMap((column) => [...column.reasons.keys()]);
}

function ronName(e: Election, options: CountOptions): string | null {
  const ron = findRon(e, options);
  return ron === null ? null : (e.candidates[ron] ?? null);
}

/** The sheet as the report the result pages and the declaration read (figures as numbers). */
function toReport(
  e: Election,
  rule: ReferenceRule,
  options: CountOptions,
  sheet: CountSheet,
  columns: readonly Column[],
  electedOrder: readonly CandidateIndex[],
): RankedCountReport {
  const ron = findRon(e, options);
  const reasons = new Map<CandidateIndex, { stage: number; reason: ElectionReason }>();
  columns.forEach((column, i) => column.reasons.forEach((reason, c) => reasons.set(c, { stage: i + 1, reason })));
  const winners: Winner[] = electedOrder.map((c) => ({
    candidate: e.candidates[c]!,
    stage: reasons.get(c)?.stage ?? sheet.stages.length,
    reason: reasons.get(c)?.reason ?? "last-standing",
    ron: c === ron,
  }));
  const stages: StageReport[] = sheet.stages.map((s) => ({
    stage: s.stage,
    action: { kind: "round", events: s.events },
    totals: s.candidates.map((cell, c) => ({ candidate: e.candidates[c]!, votes: Number(cell.total), change: Number(cell.change), status: cell.state })),
    transfers: s.transfers.map((t) => ({ from: t.from, to: t.to, papers: t.papers, value: Number(t.value), votes: Number(t.votes) })),
    nonTransferable: Number(s.nonTransferable.total),
    lossOfFractions: Number(s.lossOfFractions?.total ?? 0),
    continuingVotes: s.candidates.reduce((sum, cell) => sum + (cell.state === "continuing" ? Number(cell.total) : 0), 0),
    elected: winners.filter((win) => win.stage === s.stage).map((win) => ({ candidate: win.candidate, reason: win.reason, ron: win.ron })),
    excluded: s.candidates.flatMap((cell, c) => (cell.mark === "excluded" ? [e.candidates[c]!] : [])),
    tieBreaks: s.ties,
  }));
  const cast = e.ballots.reduce((sum, b) => sum + b.weight, 0);
  return {
    method: rule,
    title: e.title,
    seats: e.seats,
    quota: sheet.stages[0]?.quota ? Number(sheet.stages[0].quota) : null,
    seed: options.seed ?? "",
    candidates: [...e.candidates],
    withdrawn: e.withdrawn.map((c) => e.candidates[c]!),
    ballots: { cast, valid: sheet.ballots, empty: cast - sheet.ballots },
    elected: winners.map((win) => win.candidate),
    winners,
    vacantSeats: e.seats - winners.filter((win) => !win.ron).length,
    tieBreaks: sheet.stages.flatMap((s) => s.ties),
    stages,
  };
}
