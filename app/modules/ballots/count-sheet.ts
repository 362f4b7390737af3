/**
 * The count sheet (issue 18): the stage-by-stage record a returning officer publishes and signs,
 * like a Scottish council's: at every stage, what was done, at what transfer value, and for every
 * candidate the change and the new total, with the non-transferable papers, the loss of fractions
 * and a totals row that always comes back to the valid papers.
 *
 * One sheet for every ranked rule. Its figures are exact decimal text at the places the rule
 * shows (JavaScript numbers cannot hold Meek's), so the sheet can be stored, sent to a browser,
 * printed as text (count-sheet-text.ts), laid out as a PDF and compared, without any rounding of
 * its own. It is built from a Scottish STV or IRV report (`sheetFromRankedReport`) or from a Meek
 * or WIGM count's actions (reference-report.ts), through the same `buildSheet`.
 */
import { formatDecimalUnits } from "./decimal-units";
import type { RankedCountReport, StageEvent, TieBreak } from "./types";

export type SheetState = "continuing" | "elected" | "excluded" | "withdrawn";

/** What a stage did to a figure: the change during it (signed) and the total at its end. */
export interface SheetFigure {
  readonly change: string;
  readonly total: string;
}

export interface SheetCandidateCell extends SheetFigure {
  readonly state: SheetState;
  /** Elected or excluded at this stage. */
  readonly mark: "elected" | "excluded" | null;
}

/** One parcel moved at a stage: papers of one value going to one place. */
export interface SheetTransfer {
  readonly from: string;
  /** `null`: non-transferable. */
  readonly to: string | null;
  readonly papers: number;
  /** Each paper's value after the transfer. */
  readonly value: string;
  readonly votes: string;
}

export interface CountSheetStage {
  readonly stage: number;
  /** What the stage did, as data; worded by `countSheetWords.events` when shown. */
  readonly events: readonly StageEvent[];
  /** The values the stage's papers moved at (empty when the rule moves no papers: Meek). */
  readonly transferValues: readonly string[];
  /** One per candidate, in ballot order. */
  readonly candidates: readonly SheetCandidateCell[];
  readonly nonTransferable: SheetFigure;
  /** `null` for rules that lose nothing to rounding (IRV, Meek). */
  readonly lossOfFractions: SheetFigure | null;
  /** The sum of the column: every candidate, non-transferable and loss of fractions. */
  readonly total: string;
  /** The quota at this stage (Meek's falls as papers exhaust); IRV: the majority needed. */
  readonly quota: string | null;
  readonly transfers: readonly SheetTransfer[];
  /** How any tie at this stage was decided. */
  readonly ties: readonly TieBreak[];
}

export interface CountSheet {
  /** The rule's code (`scottish-stv`, `meek`, ...): `countSheetWords.methodNames` names it. */
  readonly method: string;
  readonly title: string;
  readonly seats: number;
  readonly ballots: number;
  /** Decimal places of every figure. */
  readonly places: number;
  /** What the non-transferable row holds: papers with no preference left, or (Meek) everything no candidate keeps. */
  readonly residual: "non-transferable" | "excess";
  /** What the loss row holds: votes the count's own rounding lost, or (exact fractions) only the sheet's rounding. */
  readonly loss: "loss-of-fractions" | "sheet-rounding";
  /** "quota", or (IRV) "majority": what the quota row is. */
  readonly quotaKind: "quota" | "majority";
  readonly candidates: readonly string[];
  /** The re-open nominations option, if the ballot had one: a seat it wins stays vacant. */
  readonly ron: string | null;
  readonly stages: readonly CountSheetStage[];
  readonly elected: readonly string[];
}

/** A stage as a rule gives it, in whole units of 10^-places. */
export interface RawStage {
  readonly events: readonly StageEvent[];
  /** One per candidate; a withdrawn candidate has 0 throughout. */
  readonly totals: readonly bigint[];
  readonly states: readonly SheetState[];
  readonly nonTransferable: bigint;
  readonly lossOfFractions: bigint | null;
  readonly quota: bigint | null;
  readonly transferValues: readonly bigint[];
  readonly transfers: readonly SheetTransfer[];
  readonly ties: readonly TieBreak[];
}

/** Everything of a sheet but its stages. */
export type SheetHeading = Omit<CountSheet, "stages">;

/** A signed change: "+1.50000", "-3.00000"; no change is "0" at the sheet's places, unsigned. */
export function formatChange(units: bigint, places: number): string {
  const text = formatFigure(units, places);
  return units > 0n ? `+${text}` : text;
}

/** A figure at the sheet's places; whole numbers (places 0) without a point. */
export function formatFigure(units: bigint, places: number): string {
  return places === 0 ? units.toString() : formatDecimalUnits(units, places);
}

/** Values largest first, each once. */
export function distinctValues(values: readonly bigint[]): bigint[] {
  return [...new Set(values)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
}

/** The sheet from the stages a rule gives: changes against the stage before, marks where a state changed, the totals row. */
export function buildSheet(heading: SheetHeading, raw: readonly RawStage[]): CountSheet {
  const { places } = heading;
  const f = (units: bigint) => formatFigure(units, places);
  const figure = (now: bigint, before: bigint): SheetFigure => ({ change: formatChange(now - before, places), total: f(now) });
  const stages = raw.map((stage, i): CountSheetStage => {
    const previous = i > 0 ? raw[i - 1]! : null;
    const sum = stage.totals.reduce((a, b) => a + b, 0n) + stage.nonTransferable + (stage.lossOfFractions ?? 0n);
    return {
      stage: i + 1,
      events: stage.events,
      transferValues: stage.transferValues.map(f),
      candidates: stage.totals.map((total, c) => {
        const state = stage.states[c]!;
        const before = previous?.states[c] ?? (state === "withdrawn" ? "withdrawn" : "continuing");
        const mark = state === before ? null : state === "elected" ? "elected" : state === "excluded" ? "excluded" : null;
        return { ...figure(total, previous?.totals[c] ?? 0n), state, mark };
      }),
      nonTransferable: figure(stage.nonTransferable, previous?.nonTransferable ?? 0n),
      lossOfFractions: stage.lossOfFractions === null ? null : figure(stage.lossOfFractions, previous?.lossOfFractions ?? 0n),
      total: f(sum),
      quota: stage.quota === null ? null : f(stage.quota),
      transfers: stage.transfers,
      ties: stage.ties,
    };
  });
  return { ...heading, stages };
}

/** The events of a Scottish STV or IRV stage: its action, then who it elected. */
function eventsOf(stage: RankedCountReport["stages"][number]): StageEvent[] {
  const events: StageEvent[] = [];
  const action = stage.action;
  if (action.kind === "first-preferences") events.push({ kind: "first-preferences" });
  else if (action.kind === "surplus") events.push({ kind: "surplus", candidates: [action.candidate] });
  else if (action.kind === "exclusion") events.push({ kind: "exclusion", candidates: [action.candidate] });
  else events.push(...action.events);
  const byQuota = stage.elected.filter((e) => e.reason !== "last-standing").map((e) => e.candidate);
  const remaining = stage.elected.filter((e) => e.reason === "last-standing").map((e) => e.candidate);
  if (byQuota.length > 0) events.push({ kind: "elected", candidates: byQuota, remaining: false });
  if (remaining.length > 0) events.push({ kind: "elected", candidates: remaining, remaining: true });
  return events;
}

/**
 * The sheet of a Scottish STV or IRV count (its report keeps figures exact to 5 places). A Meek
 * or WIGM report's figures are not exact: their sheet comes from the count itself
 * (reference-report.ts), so this refuses them.
 */
export function sheetFromRankedReport(report: RankedCountReport): CountSheet {
  if (report.method !== "scottish-stv" && report.method !== "irv" && report.method !== "irv-scottish") {
    throw new RangeError(`a ${report.method} count's sheet comes from the count itself, not its report`);
  }
  const places = report.method === "scottish-stv" ? 5 : 0;
  const scale = 10 ** places;
  const units = (votes: number) => BigInt(Math.round(votes * scale));
  const f = (votes: number) => formatFigure(units(votes), places);
  const stv = report.method === "scottish-stv";
  const raw = report.stages.map(
    (s): RawStage => ({
      events: eventsOf(s),
      totals: s.totals.map((t) => units(t.votes)),
      states: s.totals.map((t) => t.status),
      nonTransferable: units(s.nonTransferable),
      lossOfFractions: stv ? units(s.lossOfFractions) : null,
      quota: report.quota !== null ? units(report.quota) : s.majorityThreshold !== undefined ? units(s.majorityThreshold) : null,
      transferValues: distinctValues(s.transfers.map((t) => units(t.value))),
      transfers: s.transfers.map((t) => ({ from: t.from, to: t.to, papers: t.papers, value: f(t.value), votes: f(t.votes) })),
      ties: s.tieBreaks,
    }),
  );
  return buildSheet(
    {
      method: report.method,
      title: report.title,
      seats: report.seats,
      ballots: report.ballots.valid,
      places,
      residual: "non-transferable",
      loss: "loss-of-fractions",
      quotaKind: report.quota === null ? "majority" : "quota",
      candidates: report.candidates,
      ron: report.winners.find((w) => w.ron)?.candidate ?? null,
      elected: report.elected,
    },
    raw,
  );
}
