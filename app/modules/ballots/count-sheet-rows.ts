/**
 * The rows of a count sheet, as the text sheet, the result page and the PDF all lay them out:
 * the candidates, the papers with none of them (and the loss of fractions, where a rule has it),
 * the totals and the quota. Each cell as a council's sheet shows it: no change is left blank, and
 * so is the total of a candidate already out of the count with nothing.
 */
import type { CountSheet, CountSheetStage, SheetCandidateCell, SheetFigure } from "./count-sheet";
import { countSheetWords as w } from "./messages";

export interface SheetRowCell {
  readonly change: string;
  readonly total: string;
  readonly mark: SheetCandidateCell["mark"];
}

export interface SheetRow {
  readonly label: string;
  readonly kind: "candidate" | "summary" | "total";
  cells(stage: CountSheetStage): SheetRowCell;
}

const isNothing = (text: string) => /^-?0(\.0+)?$/.test(text);
const changeOf = (figure: SheetFigure | null) => (figure && !isNothing(figure.change) ? figure.change : "");
const totalOf = (cell: SheetCandidateCell) =>
  (cell.state === "excluded" || cell.state === "withdrawn") && cell.mark === null && isNothing(cell.total) ? "" : cell.total;

/** `labels`: the candidates' names as the layout prints them (the sheet's own by default). */
export function sheetRows(sheet: CountSheet, labels: readonly string[] = sheet.candidates): SheetRow[] {
  const figure = (f: SheetFigure | null): SheetRowCell => ({ change: changeOf(f), total: f?.total ?? "", mark: null });
  const rows: SheetRow[] = labels.map((label, c) => ({
    label,
    kind: "candidate",
    cells: (s) => ({ change: changeOf(s.candidates[c]!), total: totalOf(s.candidates[c]!), mark: s.candidates[c]!.mark }),
  }));
  rows.push({ label: w.rows[sheet.residual], kind: "summary", cells: (s) => figure(s.nonTransferable) });
  if (sheet.stages.some((s) => s.lossOfFractions)) rows.push({ label: w.rows[sheet.loss], kind: "summary", cells: (s) => figure(s.lossOfFractions) });
  rows.push({ label: w.rows.total, kind: "total", cells: (s) => ({ change: "", total: s.total, mark: null }) });
  if (sheet.stages.some((s) => s.quota !== null))
    rows.push({ label: w.rows[sheet.quotaKind], kind: "summary", cells: (s) => ({ change: "", total: s.quota ?? "", mark: null }) });
  return rows;
}
