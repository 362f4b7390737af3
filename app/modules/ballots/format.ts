import { countReportWords as w, countSheetWords, ELECTION_REASON_MESSAGES, NOBODY_ELECTED, TIE_QUESTION_MESSAGES } from "./messages";
import { formatUnits, UNITS_PER_VOTE } from "./fixed-point";
import type { CountReport, RankedCountReport, SchulzeReport, StageAction, TieBreak } from "./types";

/**
 * A plain-text rendering of a count report, laid out like a returning officer's result
 * sheet: one row per candidate, one column per stage. Used by `npm run count`. Its words are
 * `countReportWords` in messages.ts.
 */

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
      return w.firstPreferences;
    case "surplus":
      return w.surplus(action.candidate, votes(action.surplus, decimals));
    case "exclusion":
      return w.exclusion(action.candidate, votes(action.total, decimals));
    case "round":
      return countSheetWords.events(action.events);
  }
}

export function describeTieBreak(tie: TieBreak): string {
  const head = `${TIE_QUESTION_MESSAGES[tie.question]}: ${tie.tied.join(", ")} -> ${tie.chosen}`;
  switch (tie.decidedBy) {
    case "earlier-stage":
      return w.tieByEarlierStage(head, tie.stage);
    case "lot":
      return w.tieByLot(
        head,
        JSON.stringify(tie.seed),
        tie.tickets.map((t) => `${t.candidate} ${t.ticket.slice(0, 12)}...`),
      );
    case "tie-order":
      return w.tieByOrder(head, tie.order);
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
  out.push(w.heading(report.method, report.title));
  out.push(
    [w.seats(report.seats), w.validPapers(report.ballots.valid, report.ballots.empty), w.quota(report.quota), w.seed(JSON.stringify(report.seed))].join("   "),
  );
  if (report.withdrawn.length > 0) out.push(w.withdrawn(report.withdrawn));
  out.push("");
  out.push(w.stages);
  for (const stage of report.stages) {
    out.push(`  ${String(stage.stage).padStart(3)}  ${describeAction(stage.action, decimals)}`);
    for (const tie of stage.tieBreaks) out.push(`        ${w.tie(describeTieBreak(tie))}`);
    for (const e of stage.elected) {
      out.push(`        ${w.electedAtStage(e.candidate, ELECTION_REASON_MESSAGES[e.reason], e.ron)}`);
    }
  }
  out.push("");

  const header = [w.candidateColumn, ...report.stages.map((s) => w.stageColumn(s.stage))];
  const rows: string[][] = [header];
  report.candidates.forEach((name, c) => {
    rows.push([
      name,
      ...report.stages.map((stage) => {
        const standing = stage.totals[c]!;
        if (standing.status === "withdrawn") return w.withdrawnCell;
        const electedHere = stage.elected.some((e) => e.candidate === name);
        const excludedHere = stage.excluded.includes(name);
        const mark = electedHere ? " E" : excludedHere ? " X" : "  ";
        return `${votes(standing.votes, decimals)}${mark}`;
      }),
    ]);
  });
  rows.push([w.rows.nonTransferable, ...report.stages.map((s) => `${votes(s.nonTransferable, decimals)}  `)]);
  if (decimals === 5) {
    rows.push([w.rows.lossOfFractions, ...report.stages.map((s) => `${votes(s.lossOfFractions, decimals)}  `)]);
  }
  if (report.method === "irv") {
    rows.push([w.rows.votesNeeded, ...report.stages.map((s) => `${votes(s.majorityThreshold ?? 0, decimals)}  `)]);
  }
  out.push(table(rows));
  out.push(w.marksKey);
  out.push("");
  out.push(...formatOutcome(report));
  return `${out.join("\n")}\n`;
}

function formatOutcome(report: CountReport): string[] {
  const out: string[] = [];
  if (report.winners.length === 0) out.push(NOBODY_ELECTED);
  else out.push(w.electedInOrder);
  report.winners.forEach((winner, i) => {
    out.push(`  ${i + 1}. ${w.winner(winner.candidate, winner.stage, ELECTION_REASON_MESSAGES[winner.reason], winner.ron)}`);
  });
  if (report.vacantSeats > 0) out.push(w.vacantSeats(report.vacantSeats));
  return out;
}

function formatSchulze(report: SchulzeReport): string {
  const out: string[] = [];
  out.push(w.heading("schulze", report.title));
  out.push(w.schulzeLine(report.seats, report.ballots.valid, JSON.stringify(report.seed)));
  out.push("");
  const numbered = report.candidates.map((name, i) => `${i + 1}`.padStart(2) + `  ${name}`);
  out.push(w.candidates, ...numbered.map((line) => `  ${line}`), "");
  const matrix = (title: string, values: readonly (readonly number[])[]): void => {
    out.push(title);
    const rows: string[][] = [["", ...report.candidates.map((_, i) => String(i + 1))]];
    values.forEach((row, i) => {
      rows.push([String(i + 1), ...row.map((v, j) => (i === j ? "-" : String(v)))]);
    });
    out.push(table(rows), "");
  };
  matrix(w.pairwise, report.pairwise);
  matrix(w.strongestPaths, report.strongestPaths);
  out.push(w.ranking);
  report.ranking.forEach((place, i) => out.push(`  ${i + 1}. ${place.join(" = ")}`));
  for (const tie of report.tieBreaks) out.push(w.schulzeTie(describeTieBreak(tie)));
  out.push("");
  out.push(...formatOutcome(report));
  return `${out.join("\n")}\n`;
}
