/**
 * Meek and WIGM as one kind of count for `npm run count` (issue 18): each rule's counter, run with
 * the tie order the rules need, and its actions told in plain words with every candidate's
 * standing and the rule's figures as exact decimal strings (figures of 18 places do not survive a
 * JavaScript number). `formatActionSheet` prints them within 100 columns.
 */
import { lotTicket } from "./lot";
import { countMeekGuarded, formatGuarded } from "./meek-guarded";
import { countMeekPrf, formatMeekUnits } from "./meek";
import { referenceRuleWords as w } from "./messages";
import type { CandidateIndex, Election, ReferenceRule } from "./types";
import { countWigmPrf, countWigmRational, formatRational, formatWigmUnits, type Rational, type WigmAction, type WigmReport } from "./wigm";

export const REFERENCE_RULES: readonly ReferenceRule[] = ["meek", "meek-prf", "wigm-prf", "wigm-rational"];
export type { ReferenceRule };

export function isReferenceRule(value: string): value is ReferenceRule {
  return (REFERENCE_RULES as readonly string[]).includes(value);
}

export interface SheetAction {
  readonly round: number;
  /** What happened, in plain words. */
  readonly says: string;
  readonly standings: readonly { readonly name: string; readonly state: string; readonly votes: string }[];
  readonly figures: readonly { readonly label: string; readonly value: string }[];
}

export interface ActionSheet {
  readonly rule: ReferenceRule;
  readonly ruleName: string;
  readonly title: string;
  readonly seats: number;
  readonly ballots: number;
  /** The order that broke ties, earliest first, and where it came from. */
  readonly tieOrder: readonly string[];
  readonly tieOrderFrom: "file" | "seed";
  readonly elected: readonly string[];
  readonly actions: readonly SheetAction[];
}

/**
 * The order the rules break ties by: the file's own (`[tie ...]`), else the published lot (each
 * candidate's ticket from the seed, smallest first, as `drawLot` draws).
 */
export function tieOrderOf(election: Election, seed: string): { order: CandidateIndex[]; from: "file" | "seed" } {
  if (election.tieOrder) return { order: [...election.tieOrder], from: "file" };
  const tickets = election.candidates.map((name, i) => ({ i, ticket: lotTicket(seed, 0, name) }));
  return { order: tickets.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.i - b.i)).map((t) => t.i), from: "seed" };
}

export function countByReferenceRule(election: Election, rule: ReferenceRule, seed = ""): ActionSheet {
  const { order, from } = tieOrderOf(election, seed);
  const name = (c: CandidateIndex | undefined) => election.candidates[c ?? -1] ?? "?";
  const names = (list: readonly CandidateIndex[] | undefined) => (list ?? []).map(name).join(", ");
  const base = { rule, ruleName: w.ruleNames[rule] ?? rule, title: election.title, seats: election.seats, tieOrder: order.map(name), tieOrderFrom: from };

  if (rule === "meek" || rule === "meek-prf") {
    const report = rule === "meek" ? countMeekGuarded(election, { tieOrder: order }) : countMeekPrf(election, { tieOrder: order });
    const format = rule === "meek" ? formatGuarded : formatMeekUnits;
    return {
      ...base,
      ballots: report.ballots,
      elected: report.elected.map(name),
      actions: report.actions.map((a) => ({
        round: a.round,
        says: w.meek(a.kind, { name: name(a.candidate), tied: names(a.tied), surplus: format(a.surplus), status: "status" in a ? a.status : undefined }),
        standings:
          a.kind === "tie" || a.kind === "iterate" ? [] : a.standings.map((s) => ({ name: name(s.candidate), state: s.state, votes: format(s.votes) })),
        figures: [
          { label: w.figures.quota, value: format(a.quota) },
          { label: w.figures.votes, value: format(a.votes) },
          { label: w.figures.residual, value: format(a.residual) },
          { label: w.figures.surplus, value: format(a.surplus) },
        ],
      })),
    };
  }
  const wigm = <T>(report: WigmReport<T>, format: (value: T) => string, add: (a: T, b: T) => T, zero: T): ActionSheet => ({
    ...base,
    ballots: report.ballots,
    elected: report.elected.map(name),
    actions: report.actions.map((a: WigmAction<T>) => {
      const sum = (state: string) => a.standings.filter((s) => s.state === state).reduce((total, s) => add(total, s.votes), zero);
      return {
        round: a.round,
        says: w.wigm(a.kind, { name: name(a.candidate), tied: names(a.tied), surplus: a.surplus === undefined ? "" : format(a.surplus), tieFor: a.tieFor }),
        standings:
          a.kind === "tie" || a.kind === "surplus" ? [] : a.standings.map((s) => ({ name: name(s.candidate), state: s.state, votes: format(s.votes) })),
        figures: [
          { label: w.figures.quota, value: format(report.quota) },
          { label: w.figures.elected, value: format(sum("elected")) },
          { label: w.figures.pending, value: format(sum("pending")) },
          { label: w.figures.hopeful, value: format(sum("hopeful")) },
          { label: w.figures.nonTransferable, value: format(a.nonTransferable) },
        ],
      };
    }),
  });
  if (rule === "wigm-prf") return wigm(countWigmPrf(election, { tieOrder: order }), formatWigmUnits, (a, b) => a + b, 0n);
  return wigm(
    countWigmRational(election, { tieOrder: order }),
    (v: Rational) => formatRational(v),
    (a, b) => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d }),
    { n: 0n, d: 1n },
  );
}

/** Cuts a name to fit its column, marking the cut. */
const fit = (text: string, width: number) => (text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`);

/** The sheet as text, every line within `width` columns (100 by default). */
export function formatActionSheet(sheet: ActionSheet, width = 100): string {
  const lines: string[] = [];
  const wrap = (items: readonly string[], indent: string) => {
    let line = indent;
    for (const item of items) {
      if (line.trim() !== "" && line.length + item.length + 3 > width) {
        lines.push(line.trimEnd());
        line = indent;
      }
      line += line.trim() === "" ? item : ` · ${item}`;
    }
    if (line.trim() !== "") lines.push(line.trimEnd());
  };
  wrap([sheet.title], "");
  wrap([sheet.ruleName, w.seats(sheet.seats), w.ballots(sheet.ballots)], "");
  wrap([`${sheet.tieOrderFrom === "file" ? w.tieOrderFromFile : w.tieOrderFromSeed}: ${sheet.tieOrder.join(", ")}`], "");
  const votesWidth = Math.max(12, ...sheet.actions.flatMap((a) => a.standings.map((s) => s.votes.length)));
  const nameWidth = Math.min(40, width - votesWidth - 16);
  for (const action of sheet.actions) {
    lines.push("");
    wrap([`${w.round(action.round)} · ${action.says}`], "");
    for (const s of action.standings)
      lines.push(`  ${fit(s.name, nameWidth)} ${fit(w.states[s.state] ?? s.state, 10)} ${s.votes.padStart(votesWidth)}`.trimEnd());
    wrap(
      action.figures.map((f) => `${f.label} ${f.value}`),
      "  ",
    );
  }
  lines.push("", `${w.elected}: ${sheet.elected.join(", ")}`, "");
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l)).join("\n");
}
