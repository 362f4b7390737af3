import { countSheetWords as w, type CountSheet, type CountSheetStage, type SheetCandidateCell, type SheetFigure } from "~/modules/ballots";
import { TableScroll } from "~/components/table-scroll";

/**
 * The count sheet on a result page (issue 18): every stage as a change and a total for every
 * candidate, with the non-transferable papers, the loss of fractions, the totals row and the
 * quota, as a council's stage-by-stage sheet. The table pans inside its own box on a phone; the
 * PDF (`pdfHref`) is the same sheet laid out for signing.
 */
export function CountSheetTable({ sheet, pdfHref }: { sheet: CountSheet; pdfHref?: string }) {
  const quotaRow = sheet.stages.some((s) => s.quota !== null);
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
          <thead>
            <tr>
              <td />
              {sheet.stages.map((s) => (
                <th scope="colgroup" colSpan={2} key={s.stage} className="count-sheet__stage">
                  {w.stage(s.stage)}
                  <span className="stage-action">{s.says}</span>
                  {s.transferValues.length > 0 ? <span className="stage-action">{w.transferValue(s.transferValues)}</span> : null}
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
            {sheet.candidates.map((name, c) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {sheet.stages.map((s) => (
                  <CandidateCells key={s.stage} cell={s.candidates[c]!} />
                ))}
              </tr>
            ))}
            <FigureRow label={w.rows[sheet.residual]} stages={sheet.stages} figure={(s) => s.nonTransferable} />
            {sheet.stages.some((s) => s.lossOfFractions) ? <FigureRow label={w.rows.lossOfFractions} stages={sheet.stages} figure={(s) => s.lossOfFractions} /> : null}
            <FigureRow label={w.rows.total} stages={sheet.stages} figure={(s) => ({ change: "0", total: s.total })} strong />
            {quotaRow ? <FigureRow label={w.rows[sheet.quotaKind]} stages={sheet.stages} figure={(s) => (s.quota === null ? null : { change: "0", total: s.quota })} /> : null}
          </tbody>
        </table>
      </TableScroll>
      {sheet.stages.some((s) => s.ties.length > 0) ? (
        <>
          <h4>{w.ties}</h4>
          <ul className="list">
            {sheet.stages.flatMap((s) => s.ties.map((tie, i) => <li key={`${s.stage}-${i}`}>{`${w.stage(s.stage)}: ${tie}`}</li>))}
          </ul>
        </>
      ) : null}
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

/** No change shows as nothing, as a council's sheet leaves it blank. */
const changeShown = (figure: SheetFigure) => (/^-?0(\.0+)?$/.test(figure.change) ? "" : figure.change);

function CandidateCells({ cell }: { cell: SheetCandidateCell }) {
  const out = (cell.state === "excluded" || cell.state === "withdrawn") && cell.mark === null && /^0(\.0+)?$/.test(cell.total);
  return (
    <>
      <td className="numeric">{changeShown(cell)}</td>
      <td className="numeric">
        {out ? "" : cell.total}
        {cell.mark ? <strong>{` (${w.marks[cell.mark]})`}</strong> : null}
      </td>
    </>
  );
}

function FigureRow({ label, stages, figure, strong = false }: { label: string; stages: readonly CountSheetStage[]; figure: (s: CountSheetStage) => SheetFigure | null; strong?: boolean }) {
  return (
    <tr className={strong ? "count-sheet__totals" : undefined}>
      <th scope="row">{label}</th>
      {stages.map((s) => {
        const f = figure(s);
        return (
          <FigureCells key={s.stage} figure={f} />
        );
      })}
    </tr>
  );
}

function FigureCells({ figure }: { figure: SheetFigure | null }) {
  return (
    <>
      <td className="numeric">{figure ? changeShown(figure) : ""}</td>
      <td className="numeric">{figure ? figure.total : ""}</td>
    </>
  );
}
