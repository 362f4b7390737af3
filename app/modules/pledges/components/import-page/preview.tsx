import { Form, Link } from "@remix-run/react";
import { ErrorSummary, FieldError, NotificationBanner, Select, type FieldErrors } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/utils/dates";
import type { PledgeField } from "../../import-mapping";
import type { PagePreview } from "../../import-page.server";
import { fieldLabels, importMessages as im, importPageText, mappingProblemMessages, rowProblemMessages } from "../../import-messages";
import { formatNumber as number } from "~/utils/numbers";

/** The sample table's columns, in order. */
const sampleColumns = [
  "line",
  "name",
  "email",
  "postcode",
  "region",
  "relation",
  "membershipNumber",
  "subscription",
  "consentContact",
  "confirmed",
  "outcome",
] as const;

// From the messages module, not the rules, so the page's browser code stays small.
const fieldOrder = Object.keys(fieldLabels) as PledgeField[];

/** Field names to the ids of their controls, for the error summary's links. */
const fieldIds: Record<string, string> = {
  ...Object.fromEntries(fieldOrder.map((f) => [f, `map-${f}`])),
  start: "start",
};

export function Preview({ preview, errors, attempted, busy }: { preview: PagePreview; errors: FieldErrors; attempted: boolean; busy: boolean }) {
  const { summary, totals, mapping } = preview;
  const ready = totals.pledges;
  const p = importPageText.preview;
  return (
    <div className="page">
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <h1>{p.title}</h1>
      <p className="lead">{p.lead(summary.fileName, totals.rows)}</p>
      {preview.alreadyImported ? (
        <NotificationBanner title={p.importedBefore}>
          <p>{im.alreadyImported(formatDateTime(preview.alreadyImported.at))}</p>
        </NotificationBanner>
      ) : null}
      {!attempted && preview.mappingProblems.length > 0 ? (
        <NotificationBanner title={p.beforeStart}>
          <ul className="list">
            {preview.mappingProblems.map((m) => (
              <li key={`${m.field}-${m.code}`}>
                <a href={`#map-${m.field}`}>{mappingProblemMessages[m.code]}</a>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}

      <Form method="post">
        <input type="hidden" name="importId" value={summary.id} />
        <h2>{p.columnsHeading}</h2>
        <p>{p.columnsIntro}</p>
        <div className="page--narrow">
          {fieldOrder.map((field) => (
            <MappingSelect key={field} field={field} value={mapping[field]} columns={preview.columns} error={errors[field]} />
          ))}
          <div className="form-group">
            <fieldset className="fieldset">
              <legend className="fieldset__legend">{im.subscriptionUnitLegend}</legend>
              {(["pounds", "pence"] as const).map((unit) => (
                <div className="radios__item" key={unit}>
                  <input type="radio" id={`subscriptionUnit-${unit}`} name="subscriptionUnit" value={unit} defaultChecked={mapping.subscriptionUnit === unit} />
                  <label htmlFor={`subscriptionUnit-${unit}`}>{im.subscriptionUnits[unit]}</label>
                </div>
              ))}
            </fieldset>
          </div>
          <div className="form-group">
            <div className="radios__item">
              <input
                type="checkbox"
                id="alreadyConfirmed"
                name="alreadyConfirmed"
                value="yes"
                defaultChecked={summary.alreadyConfirmed}
                aria-describedby="alreadyConfirmed-hint"
              />
              <label htmlFor="alreadyConfirmed">
                {im.alreadyConfirmedLabel}
                <span className="hint" id="alreadyConfirmed-hint">
                  {" "}
                  {im.alreadyConfirmedHint}
                </span>
              </label>
            </div>
          </div>
          <button type="submit" name="intent" value="preview" className="button button--secondary" disabled={busy}>
            {p.update}
          </button>
        </div>

        <h2 id="sample-caption">{p.sampleHeading(preview.rows.length)}</h2>
        <TableScroll labelledBy="sample-caption" wide>
          <table className="table">
            <thead>
              <tr>
                {sampleColumns.map((c) => (
                  <th scope="col" key={c}>
                    {p.columns[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <td className="numeric">{r.line}</td>
                  <td>{r.values.name}</td>
                  <td>{r.values.email}</td>
                  <td>{r.values.postcode}</td>
                  <td>{r.values.region}</td>
                  <td>{r.values.relation}</td>
                  <td>{r.values.membershipNumber}</td>
                  <td>{r.values.subscription}</td>
                  <td>{r.values.consentContact}</td>
                  <td>{r.values.confirmedAt ? formatDateTime(r.values.confirmedAt) : p.notConfirmed}</td>
                  <td>
                    {r.kind === "pledge"
                      ? p.ready
                      : r.kind === "duplicate"
                        ? p.duplicate(r.firstLine)
                        : r.problems.map((x) => `${x.column}: ${rowProblemMessages[x.code]}`).join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>

        <h2>{p.whatHappens}</h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{p.readyCount}</dt>
            <dd>{number(ready)}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{p.duplicatesCount}</dt>
            <dd>{number(totals.duplicates)}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{p.problemsCount}</dt>
            <dd>{number(totals.errorRows)}</dd>
          </div>
        </dl>
        <p>{p.merging}</p>
        {preview.problemCounts.length > 0 ? (
          <>
            <h3>{p.problemsFound}</h3>
            <ul className="list">
              {preview.problemCounts.map((c) => (
                <li key={c.code}>
                  {rowProblemMessages[c.code]}: {number(c.count)}
                </li>
              ))}
            </ul>
            <h3 id="errors-caption">{p.firstProblems}</h3>
            <TableScroll labelledBy="errors-caption">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{p.problemColumns.line}</th>
                    <th scope="col">{p.problemColumns.column}</th>
                    <th scope="col">{p.problemColumns.problem}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.firstErrors.map((e, i) => (
                    <tr key={`${e.line}-${i}`}>
                      <td className="numeric">{e.line}</td>
                      <td>{e.column}</td>
                      <td>{rowProblemMessages[e.code]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p>{p.afterwards}</p>
          </>
        ) : null}

        <FieldError id="start" message={errors.start} />
        <button
          type="submit"
          id="start"
          name="intent"
          value="start"
          className="button"
          disabled={busy}
          aria-describedby={errors.start ? "start-error" : undefined}
        >
          {busy ? p.starting : p.start}
        </button>
      </Form>
      <p>
        <Link to="/campaign/import">{p.another}</Link>
      </p>
    </div>
  );
}

function MappingSelect({ field, value, columns, error }: { field: PledgeField; value: string; columns: { value: string; label: string }[]; error?: string }) {
  const { label, hint } = fieldLabels[field];
  const consent = field === "consentContact" || field === "consentDataUse";
  const choices = [{ value: "", label: im.notInFile }, ...(consent ? [{ value: "all", label: im.everyRowAgreed }] : []), ...columns];
  return <Select name={field} id={`map-${field}`} label={label} hint={hint} error={error} choices={choices} defaultValue={value} />;
}
