import { countSheetWords as w, explainTieBreak, type CountSheet, type CountSheetStage, type SheetCandidateCell, type SheetFigure } from "~/modules/ballots";
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
            {sheet.candidates.map((name, c) => (
              <tr key={c}>
                <th scope="row">{name}</th>
                {sheet.stages.map((s) => (
                  <CandidateCells key={s.stage} cell={s.candidates[c]!} />
                ))}
              </tr>
            ))}
            <FigureRow label={w.rows[sheet.residual]} stages={sheet.stages} figure={(s) => s.nonTransferable} />
            {sheet.stages.some((s) => s.lossOfFractions) ? (
              <FigureRow label={w.rows[sheet.loss]} stages={sheet.stages} figure={(s) => s.lossOfFractions} />
            ) : null}
            <FigureRow label={w.rows.total} stages={sheet.stages} figure={(s) => ({ change: "0", total: s.total })} strong />
            {quotaRow ? (
              <FigureRow label={w.rows[sheet.quotaKind]} stages={sheet.stages} figure={(s) => (s.quota === null ? null : { change: "0", total: s.quota })} />
            ) : null}
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

function FigureRow({
  label,
  stages,
  figure,
  strong = false,
}: {
  label: string;
  stages: readonly CountSheetStage[];
  figure: (s: CountSheetStage) => SheetFigure | null;
  strong?: boolean;
}) {
  return (
    <tr className={strong ? "count-sheet__totals" : undefined}>
      <th scope="row">{label}</th>
      {stages.map((s) => {
        const f = figure(s);
        return <FigureCells key={s.stage} figure={f} />;
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
