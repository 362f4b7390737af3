import { countSheetWords, NOBODY_ELECTED } from "./messages";
import { formatUnits, UNITS_PER_VOTE } from "./fixed-point";
import { ELECTION_REASON_MESSAGES, TIE_QUESTION_MESSAGES } from "./messages";
import type { CountReport, RankedCountReport, SchulzeReport, StageAction, TieBreak } from "./types";

/**
 * A plain-text rendering of a count report, laid out like a returning officer's result
 * sheet: one row per candidate, one column per stage. Used by `npm run count`.
 */

const METHOD_TITLES: Readonly<Record<CountReport["method"], string>> = {
  "scottish-stv": "Scottish STV (SSI 2007/42 rules 45-52)",
  irv: "Instant-runoff (majority of continuing ballots)",
  "irv-scottish": "Single seat under Scottish rules (fixed quota)",
  schulze: "Schulze method",
  meek: "Meek STV (omega 10^-9, guarded arithmetic)",
  "meek-prf": "Meek STV (PR Foundation reference rule)",
  "wigm-prf": "Weighted inclusive Gregory method (PR Foundation reference rule)",
  "wigm-rational": "Weighted inclusive Gregory method (exact fractions)",
};

export function formatReport(report: CountReport): string {
  return report.method === "schulze" ? formatSchulze(report) : formatRanked(report);
}

function votes(value: number, decimals: number): string {
  const units = Math.round(value * UNITS_PER_VOTE);
  if (decimals === 5) return formatUnits(units);
  return String(Math.round(value));
}

function describeAction(action: StageAction, decimals: number): string {
  switch (action.kind) {
    case "first-preferences":
      return "First preferences";
    case "surplus":
      return `Surplus of ${action.candidate} (${votes(action.surplus, decimals)}) transferred`;
    case "exclusion":
      return `${action.candidate} excluded with ${votes(action.total, decimals)} (lowest total)`;
    case "round":
      return countSheetWords.events(action.events);
  }
}

export function describeTieBreak(tie: TieBreak): string {
  const head = `${TIE_QUESTION_MESSAGES[tie.question]}: ${tie.tied.join(", ")} -> ${tie.chosen}`;
  switch (tie.decidedBy) {
    case "earlier-stage":
      return `${head}, decided by the totals at stage ${tie.stage}`;
    case "lot":
      return `${head}, decided by lot with seed ${JSON.stringify(tie.seed)} (smallest ticket: ${tie.tickets
        .map((t) => `${t.candidate} ${t.ticket.slice(0, 12)}...`)
        .join("; ")})`;
    case "tie-order":
      return `${head}, decided by the order drawn before the count (${tie.order.join(", ")})`;
  }
}

function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function formatRanked(report: RankedCountReport): string {
  const decimals = report.method === "irv" ? 0 : 5;
  const out: string[] = [];
  out.push(`${METHOD_TITLES[report.method]}${report.title ? `: ${report.title}` : ""}`);
  out.push(
    [
      `Seats: ${report.seats}`,
      `valid papers: ${report.ballots.valid}` + (report.ballots.empty > 0 ? ` (plus ${report.ballots.empty} with no usable preference)` : ""),
      report.quota === null ? "quota: majority of continuing votes" : `quota: ${report.quota}`,
      `seed: ${JSON.stringify(report.seed)}`,
    ].join("   "),
  );
  if (report.withdrawn.length > 0) out.push(`Withdrawn: ${report.withdrawn.join(", ")}`);
  out.push("");
  out.push("Stages:");
  for (const stage of report.stages) {
    out.push(`  ${String(stage.stage).padStart(3)}  ${describeAction(stage.action, decimals)}`);
    for (const tie of stage.tieBreaks) out.push(`        tie: ${describeTieBreak(tie)}`);
    for (const e of stage.elected) {
      out.push(`        elected: ${e.candidate} (${ELECTION_REASON_MESSAGES[e.reason]})${e.ron ? " - RON: seat stays vacant" : ""}`);
    }
  }
  out.push("");

  const header = ["Candidate", ...report.stages.map((s) => `Stage ${s.stage}`)];
  const rows: string[][] = [header];
  report.candidates.forEach((name, c) => {
    rows.push([
      name,
      ...report.stages.map((stage) => {
        const standing = stage.totals[c]!;
        if (standing.status === "withdrawn") return "withdrawn";
        const electedHere = stage.elected.some((e) => e.candidate === name);
        const excludedHere = stage.excluded.includes(name);
        const mark = electedHere ? " E" : excludedHere ? " X" : "  ";
        return `${votes(standing.votes, decimals)}${mark}`;
      }),
    ]);
  });
  rows.push(["Non-transferable", ...report.stages.map((s) => `${votes(s.nonTransferable, decimals)}  `)]);
  if (decimals === 5) {
    rows.push(["Loss of fractions", ...report.stages.map((s) => `${votes(s.lossOfFractions, decimals)}  `)]);
  }
  if (report.method === "irv") {
    rows.push(["Votes needed to win", ...report.stages.map((s) => `${votes(s.majorityThreshold ?? 0, decimals)}  `)]);
  }
  out.push(table(rows));
  out.push("(E = elected at this stage, X = excluded at this stage)");
  out.push("");
  out.push(...formatOutcome(report));
  return `${out.join("\n")}\n`;
}

function formatOutcome(report: CountReport): string[] {
  const out: string[] = [];
  if (report.winners.length === 0) out.push(NOBODY_ELECTED);
  else out.push("Elected, in order:");
  report.winners.forEach((w, i) => {
    const where = w.stage > 0 ? `stage ${w.stage}, ` : "";
    out.push(`  ${i + 1}. ${w.candidate} (${where}${ELECTION_REASON_MESSAGES[w.reason]})${w.ron ? " - re-open nominations: seat stays vacant" : ""}`);
  });
  if (report.vacantSeats > 0) out.push(`Vacant seats: ${report.vacantSeats}`);
  return out;
}

function formatSchulze(report: SchulzeReport): string {
  const out: string[] = [];
  out.push(`${METHOD_TITLES.schulze}${report.title ? `: ${report.title}` : ""}`);
  out.push(`Seats: ${report.seats}   papers with a preference: ${report.ballots.valid}   seed: ${JSON.stringify(report.seed)}`);
  out.push("");
  const numbered = report.candidates.map((name, i) => `${i + 1}`.padStart(2) + `  ${name}`);
  out.push("Candidates:", ...numbered.map((line) => `  ${line}`), "");
  const matrix = (title: string, values: readonly (readonly number[])[]): void => {
    out.push(title);
    const rows: string[][] = [["", ...report.candidates.map((_, i) => String(i + 1))]];
    values.forEach((row, i) => {
      rows.push([String(i + 1), ...row.map((v, j) => (i === j ? "-" : String(v)))]);
    });
    out.push(table(rows), "");
  };
  matrix("Pairwise: papers ranking the row candidate above the column candidate", report.pairwise);
  matrix("Strongest paths (winning votes)", report.strongestPaths);
  out.push("Ranking:");
  report.ranking.forEach((place, i) => out.push(`  ${i + 1}. ${place.join(" = ")}`));
  for (const tie of report.tieBreaks) out.push(`Tie: ${describeTieBreak(tie)}`);
  out.push("");
  out.push(...formatOutcome(report));
  return `${out.join("\n")}\n`;
}
