/**
 * Meek and WIGM as a poll counts them (issue 18): one run of the rule's exact counter gives both
 * the count sheet (exact decimal text, count-sheet.ts) and the report every ranked result page,
 * chart and declaration already reads (`RankedCountReport`, its figures as numbers: close enough
 * to draw, never used to decide anything).
 *
 * A stage of the sheet is an action that moved votes or settled someone: first preferences, each
 * election, exclusion and transfer. Announcements (a surplus about to move, iterations ending)
 * are folded into the stage that carries them out, and an action that moved no vote joins the
 * stage before it, so every column shows a change.
 */
import { buildSheet, formatFigure, type CountSheet, type RawStage, type SheetState } from "./count-sheet";
import { roundHalfUp } from "./decimal-units";
import { countMeekGuarded, type GuardedAction } from "./meek-guarded";
import { countMeekPrf, type MeekAction } from "./meek";
import { countSheetWords as sheetWords, explainTieBreak, referenceRuleWords as w } from "./messages";
import { findRon } from "./ron";
import { tieOrderOf } from "./reference-rules";
import type { CandidateIndex, CountOptions, Election, ElectionReason, RankedCountReport, ReferenceRule, StageReport, TieBreak, Winner } from "./types";
import { countWigmPrf, countWigmRational, type Rational, type WigmAction, type WigmReport } from "./wigm";

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
  readonly words: string;
  readonly standings: readonly { readonly candidate: CandidateIndex; readonly state: State; readonly votes: bigint }[];
  readonly nonTransferable: bigint | null;
  readonly quota: bigint;
  readonly surplus: bigint | null;
}

/** Actions that make (or join) a stage; the others are announcements or ties. */
const STAGE_KINDS = new Set(["begin", "elect", "defeat-batch", "elect-remaining", "defeat-remaining", "surplus-transferred", "defeat-transferred"]);
const MEEK_STAGE_KINDS = new Set([...STAGE_KINDS, "defeat"]);

export interface ReferenceCount {
  readonly report: RankedCountReport;
  readonly sheet: CountSheet;
}

export function countReferenceRule(election: Election, rule: ReferenceRule, options: CountOptions = {}): ReferenceCount {
  const seats = options.seats ?? election.seats;
  const e: Election = { ...election, seats, ...(options.tieOrder ? { tieOrder: options.tieOrder } : {}) };
  const { order } = tieOrderOf(e, options.seed ?? "");
  const places = SHEET_PLACES[rule];
  const one = 10n ** BigInt(places);
  const name = (c: CandidateIndex | undefined) => e.candidates[c ?? -1] ?? "?";
  const names = (list: readonly CandidateIndex[] | undefined) => (list ?? []).map(name).join(", ");
  let steps: Step[];
  let ballots: number;
  let elected: readonly CandidateIndex[];
  if (rule === "meek" || rule === "meek-prf") {
    const report = rule === "meek" ? countMeekGuarded(e, { tieOrder: order }) : countMeekPrf(e, { tieOrder: order });
    // Guarded arithmetic keeps 27 places: shown to 9, half up (the PR Foundation rule's are 9 already).
    const shown = rule === "meek" ? (units: bigint) => signed(units, (abs) => roundHalfUp(abs, 10n ** 18n)) : (units: bigint) => units;
    steps = (report.actions as readonly (MeekAction | GuardedAction)[]).map((a) => ({
      kind: a.kind,
      ...(a.candidate !== undefined ? { candidate: a.candidate } : {}),
      ...(a.tied ? { tied: a.tied } : {}),
      words: w.meek(a.kind, { name: name(a.candidate), tied: names(a.tied), surplus: formatFigure(shown(a.surplus), places), status: "status" in a ? a.status : undefined }),
      standings: a.standings.map((s) => ({ candidate: s.candidate, state: s.state, votes: shown(s.votes) })),
      nonTransferable: null,
      quota: shown(a.quota),
      surplus: null,
    }));
    ballots = report.ballots;
    elected = report.elected;
  } else {
    const fromWigm = <T>(report: WigmReport<T>, shown: (value: T) => bigint) => {
      steps = report.actions.map((a: WigmAction<T>) => ({
        kind: a.kind,
        ...(a.candidate !== undefined ? { candidate: a.candidate } : {}),
        ...(a.tied ? { tied: a.tied } : {}),
        ...(a.tieFor ? { tieFor: a.tieFor } : {}),
        words: stageWords(a.kind, name(a.candidate)) ?? w.wigm(a.kind, { name: name(a.candidate), tied: names(a.tied), surplus: "", tieFor: a.tieFor }),
        standings: a.standings.map((s) => ({ candidate: s.candidate, state: s.state, votes: shown(s.votes) })),
        nonTransferable: shown(a.nonTransferable),
        quota: shown(report.quota),
        surplus: a.surplus === undefined ? null : shown(a.surplus),
      }));
      ballots = report.ballots;
      elected = report.elected;
    };
    if (rule === "wigm-prf") fromWigm(countWigmPrf(e, { tieOrder: order }), (units) => units);
    else fromWigm(countWigmRational(e, { tieOrder: order }), (v: Rational) => signed(v.n, (abs) => roundHalfUp(abs * one, v.d)));
  }
  return assemble(e, rule, options, order, steps!, ballots!, elected!, places);
}

function signed(units: bigint, round: (abs: bigint) => bigint): bigint {
  return units < 0n ? -round(-units) : round(units);
}

/** WIGM's transfers, in the words a council's sheet uses. */
function stageWords(kind: string, name: string): string | null {
  if (kind === "surplus-transferred") return sheetWords.stageAction({ kind: "surplus", candidate: name, surplus: 0 });
  if (kind === "defeat-transferred") return sheetWords.stageAction({ kind: "exclusion", candidate: name, reason: "lowest-total", total: 0 });
  return null;
}

interface Building {
  raw: RawStage;
  says: string[];
  ties: TieBreak[];
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
  const one = 10n ** BigInt(places);
  const valid = BigInt(ballots) * one;
  const meek = rule === "meek" || rule === "meek-prf";
  const stageKinds = meek ? MEEK_STAGE_KINDS : STAGE_KINDS;
  const stages: Building[] = [];
  let pendingTies: TieBreak[] = [];
  let previousVotes: bigint[] | null = null;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind === "tie") {
      const tied = (step.tied ?? []).map((c) => e.candidates[c]!);
      pendingTies.push({ question: step.tieFor === "surplus" ? "surplus-order" : "exclusion", tied, chosen: e.candidates[step.candidate!]!, decidedBy: "tie-order", order: order.map((c) => e.candidates[c]!) });
      continue;
    }
    if (!stageKinds.has(step.kind)) continue;
    const totals = new Array<bigint>(n).fill(0n);
    const states = new Array<SheetState>(n).fill("withdrawn");
    for (const s of step.standings) {
      totals[s.candidate] = s.votes;
      states[s.candidate] = SHEET_STATE[s.state];
    }
    const held = totals.reduce((a, b) => a + b, 0n);
    const nonTransferable = step.nonTransferable ?? valid - held;
    const lossOfFractions = meek ? null : valid - held - nonTransferable;
    const last = stages.at(-1);
    // A transferred surplus moved at surplus / the candidate's total before it.
    const before = step.candidate !== undefined ? (last?.raw.totals[step.candidate] ?? 0n) : 0n;
    const transferValues = step.kind === "surplus-transferred" && step.surplus !== null && before > 0n ? [(step.surplus * one) / before] : [];
    const unchanged = last !== undefined && previousVotes !== null && totals.every((t, c) => t === previousVotes![c]) && nonTransferable === last.raw.nonTransferable;
    const target: Building =
      unchanged && last
        ? last
        : { raw: { says: [], totals, states, nonTransferable, lossOfFractions, quota: step.quota, transferValues, transfers: [], ties: [] }, says: [], ties: [], reasons: new Map() };
    if (target === last) target.raw = { ...target.raw, states, quota: step.quota };
    else stages.push(target);
    target.says.push(step.words);
    target.ties.push(...pendingTies);
    pendingTies = [];
    if (step.kind === "elect" || step.kind === "elect-remaining") target.reasons.set(step.candidate!, step.kind === "elect" ? "quota" : "last-standing");
    previousVotes = totals;
  }
  const raw = stages.map((s) => ({ ...s.raw, says: s.says, ties: s.ties.map(explainTieBreak) }));
  const sheet = buildSheet(
    {
      method: rule,
      methodName: sheetWords.methodNames[rule] ?? rule,
      title: e.title,
      seats: e.seats,
      ballots,
      places,
      residual: meek ? "excess" : "non-transferable",
      quotaKind: "quota",
      candidates: e.candidates,
      elected: electedOrder.map((c) => e.candidates[c]!),
    },
    raw,
  );
  return { sheet, report: toReport(e, rule, options, sheet, stages, electedOrder) };
}

/** The sheet as the report the result pages and the declaration read (figures as numbers). */
function toReport(e: Election, rule: ReferenceRule, options: CountOptions, sheet: CountSheet, stages: readonly Building[], electedOrder: readonly CandidateIndex[]): RankedCountReport {
  const ron = findRon(e, options);
  const reasons = new Map<CandidateIndex, { stage: number; reason: ElectionReason }>();
  stages.forEach((s, i) => s.reasons.forEach((reason, c) => reasons.set(c, { stage: i + 1, reason })));
  const winners: Winner[] = electedOrder.map((c) => ({ candidate: e.candidates[c]!, stage: reasons.get(c)?.stage ?? sheet.stages.length, reason: reasons.get(c)?.reason ?? "last-standing", ron: c === ron }));
  const reportStages: StageReport[] = sheet.stages.map((s, i) => ({
    stage: s.stage,
    action: { kind: "round", says: s.says },
    totals: s.candidates.map((cell, c) => ({ candidate: e.candidates[c]!, votes: Number(cell.total), change: Number(cell.change), status: cell.state })),
    transfers: [],
    nonTransferable: Number(s.nonTransferable.total),
    lossOfFractions: Number(s.lossOfFractions?.total ?? 0),
    continuingVotes: s.candidates.reduce((sum, cell) => sum + (cell.state === "continuing" ? Number(cell.total) : 0), 0),
    elected: winners.filter((win) => win.stage === s.stage).map((win) => ({ candidate: win.candidate, reason: win.reason, ron: win.ron })),
    excluded: s.candidates.flatMap((cell, c) => (cell.mark === "excluded" ? [e.candidates[c]!] : [])),
    tieBreaks: stages[i]!.ties,
  }));
  const cast = e.ballots.reduce((sum, b) => sum + b.weight, 0);
  const ties = stages.flatMap((s) => s.ties);
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
    tieBreaks: ties,
    stages: reportStages,
  };
}
