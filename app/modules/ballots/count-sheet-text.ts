/**
 * The count sheet as plain text (`npm run count -- FILE --sheet`), every line within a width
 * (100 columns by default): the stages side by side, each as a change column and a total column,
 * wrapped into blocks of as many stages as fit, each block followed by what its stages did.
 */
import type { CountSheet, CountSheetStage } from "./count-sheet";
import { sheetRows, type SheetRow } from "./count-sheet-rows";
import { countSheetWords as w, explainTieBreak } from "./messages";

const GAP = 2;

interface Column {
  stage: CountSheetStage;
  changeWidth: number;
  totalWidth: number;
}

/** A row's two texts in a stage: the change, and the total with its mark (or room for one). */
function cellTexts(row: SheetRow, stage: CountSheetStage): [string, string] {
  const { change, total, mark } = row.cells(stage);
  return [change, total === "" ? "" : `${total}${mark ? ` ${w.markLetters[mark]}` : "  "}`];
}

const NAME_WIDTH = 24;

/**
 * Names as the rows print them: cut to the name column, and numbered in ballot order when two
 * would otherwise read the same.
 */
function candidateLabels(names: readonly string[]): string[] {
  const cut = names.map((name) => fit(name, NAME_WIDTH).trimEnd());
  return new Set(cut).size === cut.length ? [...names] : names.map((name, i) => `${i + 1}. ${name}`);
}

/** Cuts text to fit its column, marking the cut. */
const fit = (text: string, width: number) => (text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`);

export function formatCountSheet(sheet: CountSheet, width = 100): string {
  const lines: string[] = [];
  const wrap = (text: string, indent = "", hanging = indent) => {
    let line = indent;
    for (const word of text.split(" ")) {
      if (line.trim() !== "" && line.length + 1 + word.length > width) {
        lines.push(line.trimEnd());
        line = hanging;
      }
      line += line.trim() === "" ? word : ` ${word}`;
    }
    if (line.trim() !== "") lines.push(line.trimEnd());
  };
  wrap(`${w.title}: ${sheet.title}`);
  wrap(w.heading(sheet));
  const rows = sheetRows(sheet, candidateLabels(sheet.candidates));
  const nameWidth = Math.max(10, Math.min(NAME_WIDTH, Math.max(...rows.map((r) => r.label.length))));
  const columns: Column[] = sheet.stages.map((stage) => {
    const cells = rows.map((r) => cellTexts(r, stage));
    return {
      stage,
      changeWidth: Math.max(w.change.length, ...cells.map(([change]) => change.length)),
      totalWidth: Math.max(w.total.length + 2, w.stage(stage.stage).length, ...cells.map(([, total]) => total.length)),
    };
  });
  const columnWidth = (c: Column) => GAP + c.changeWidth + 1 + c.totalWidth;
  let start = 0;
  while (start < columns.length) {
    let end = start + 1;
    let used = nameWidth + columnWidth(columns[start]!);
    while (end < columns.length && used + columnWidth(columns[end]!) <= width) used += columnWidth(columns[end++]!);
    const block = columns.slice(start, end);
    lines.push("", w.stagesOf(block[0]!.stage.stage, block.at(-1)!.stage.stage, columns.length));
    const line = (label: string, cell: (c: Column) => string) =>
      lines.push(`${fit(label, nameWidth)}${block.map((c) => " ".repeat(GAP) + cell(c)).join("")}`.trimEnd());
    line("", (c) => `${"".padStart(c.changeWidth)} ${w.stage(c.stage.stage).padEnd(c.totalWidth)}`);
    line(w.candidate, (c) => `${w.change.padStart(c.changeWidth)} ${w.total.padStart(c.totalWidth - 2)}  `);
    for (const row of rows)
      line(row.label, (c) => {
        const [change, total] = cellTexts(row, c.stage);
        return `${change.padStart(c.changeWidth)} ${total.padStart(c.totalWidth)}`;
      });
    lines.push("");
    for (const c of block) {
      const value = w.transferValue(c.stage.transferValues);
      wrap(`${w.stage(c.stage.stage)}: ${w.events(c.stage.events)}${value ? ` · ${value}` : ""}`, "", "    ");
      for (const tie of c.stage.ties) wrap(explainTieBreak(tie), "    ", "    ");
    }
    start = end;
  }
  lines.push("");
  wrap(w.legend);
  for (const note of w.notesFor(sheet)) wrap(note);
  wrap(`${w.elected}: ${sheet.elected.length > 0 ? w.electedList(sheet).join(", ") : w.nobodyElected}`);
  lines.push("");
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l)).join("\n");
}
