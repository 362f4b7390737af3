import { countSheetWords as w, explainTieBreak, type CountSheet, type CountSheetStage } from "~/modules/ballots";
import { sheetRows, type SheetRowCell } from "~/modules/ballots/count-sheet-rows";
import { TableScroll } from "~/components/table-scroll";

/**
 * The count sheet on a result page (issue 18): every stage as a change and a total for every
 * candidate, with the non-transferable papers, the loss of fractions, the totals row and the
 * quota, as a council's stage-by-stage sheet. The table pans inside its own box on a phone; the
 * PDF (`pdfHref`) is the same sheet laid out for signing.
 */
export function CountSheetTable({ sheet, pdfHref }: { sheet: CountSheet; pdfHref?: string }) {
  return (
    <section aria-labelledby="count-sheet-title">
      <h3 id="count-sheet-title">{w.title}</h3>
      <p>{w.heading(sheet)}.</p>
      {pdfHref ? (
        <p>
          <a href={pdfHref} download>
            {w.download}
          </a>
        </p>
      ) : null}
      <TableScroll labelledBy="count-sheet-caption" wide>
        <table className="table count-sheet">
          <caption id="count-sheet-caption">{w.caption}</caption>
          {/* Each stage is a group of two columns, so its heading belongs to both (scope="colgroup"). */}
          <colgroup />
          {sheet.stages.map((s) => (
            <colgroup key={s.stage} span={2} />
          ))}
          <thead>
            <tr>
              <td />
              {sheet.stages.map((s) => (
                <th scope="colgroup" colSpan={2} key={s.stage} className="count-sheet__stage">
                  {w.stage(s.stage)}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">{w.candidate}</th>
              {sheet.stages.map((s) => (
                <StageHeadings key={s.stage} stage={s} />
              ))}
            </tr>
          </thead>
          <tbody>
            {sheetRows(sheet).map((row, r) => (
              <tr key={r} className={row.kind === "total" ? "count-sheet__totals" : undefined}>
                <th scope="row">{row.label}</th>
                {sheet.stages.map((s) => (
                  <RowCells key={s.stage} cell={row.cells(s)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {w.notesFor(sheet).map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <h4>{w.whatHappened}</h4>
      {/* Told once here rather than in each column's heading, which a screen reader repeats with every figure. */}
      <ul className="list">
        {sheet.stages.map((s) => (
          <li key={s.stage}>
            {`${w.stage(s.stage)}: ${w.events(s.events)}`}
            {s.transferValues.length > 0 ? ` · ${w.transferValue(s.transferValues)}` : ""}
            {s.ties.map((tie, i) => (
              <span key={i} className="stage-action">
                {explainTieBreak(tie)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StageHeadings({ stage }: { stage: CountSheetStage }) {
  return (
    <>
      <th scope="col" className="numeric">
        <span className="visually-hidden">{`${w.stage(stage.stage)}, `}</span>
        {w.change}
      </th>
      <th scope="col" className="numeric">
        <span className="visually-hidden">{`${w.stage(stage.stage)}, `}</span>
        {w.total}
      </th>
    </>
  );
}

function RowCells({ cell }: { cell: SheetRowCell }) {
  return (
    <>
      <td className="numeric">{cell.change}</td>
      <td className="numeric">
        {cell.total}
        {cell.mark ? <strong>{` (${w.marks[cell.mark]})`}</strong> : null}
      </td>
    </>
  );
}
