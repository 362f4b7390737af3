import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, type FieldErrors, FileField, NotificationBanner, Select } from "~/components/forms";
import type { PledgeField } from "~/modules/pledges/csv-import";
import {
  createImportPreview,
  decodeCsvBytes,
  shapeProblemAtStart,
  getImportPreview,
  getImportSummary,
  listImports,
  looksLikeSpreadsheetFile,
  pledgeFields,
  startImport,
  type ImportPreview,
  type ImportSummary,
} from "~/modules/pledges/import.server";
import { pledgeTotalsNow } from "~/modules/pledges/totals.server";
import {
  exportSize,
  fieldLabels,
  importMessages as im,
  mappingProblemMessages,
  rowProblemMessages,
  runProblemMessages,
  stateLabels,
  uploadProblemMessage,
  type UploadProblemCode,
} from "~/modules/pledges/import-messages";
import { requireUser } from "~/utils/auth.server";
import { MAX_IMPORT_FILE_BYTES } from "~/utils/input-limits";
import { readUploadForm } from "~/utils/upload-form.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/utils/dates";
import { formValues, parseForm } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: "Import pledges - Breakaway" }];

const number = (n: number) => n.toLocaleString("en-GB");

function summaryForPage(s: ImportSummary) {
  return { ...s, startedAt: s.startedAt.toISOString(), finishedAt: s.finishedAt?.toISOString() ?? null };
}

function previewForPage(p: ImportPreview) {
  return {
    ...p,
    summary: summaryForPage(p.summary),
    alreadyImported: p.alreadyImported ? { importId: p.alreadyImported.importId, at: p.alreadyImported.at.toISOString() } : null,
  };
}
type PagePreview = ReturnType<typeof previewForPage>;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "pledges.manage");
  const importId = new URL(request.url).searchParams.get("import");
  if (importId) {
    const summary = await getImportSummary(context.db, importId);
    if (!summary) throw new Response("There is no such import.", { status: 404 });
    if (summary.state !== "preview") throw redirect(`/campaign/imports/${summary.id}`);
    const preview = await getImportPreview(context.db, importId);
    if (!preview) throw new Response("There is no such import.", { status: 404 });
    return { stage: "preview" as const, preview: previewForPage(preview) };
  }
  const [imports, totals] = await Promise.all([listImports(context.db), pledgeTotalsNow(context.db)]);
  return { stage: "upload" as const, imports: imports.map(summaryForPage), exportRows: totals.held };
}

type ActionData = { stage: "upload"; errors: FieldErrors } | { stage: "preview"; preview: PagePreview; errors: FieldErrors; attempted: boolean };

// Built on demand, not at the top level: `pledgeFields` comes from a `.server` module, which is
// undefined in the browser bundle, so a top-level use would crash this page's module there.
const mappingForm = () =>
  z.object({
    intent: z.enum(["preview", "start"]),
    importId: z.string().min(1),
    alreadyConfirmed: z.literal("yes").optional(),
    subscriptionUnit: z.enum(["pounds", "pence"]).optional(),
    ...Object.fromEntries(pledgeFields.map((f) => [f, z.string().max(10).optional()])),
  });

const uploadProblems = { too_big: "file_too_big", malformed: "upload_unreadable" } as const;

function uploadError(code: UploadProblemCode, status: number, line?: number) {
  return data<ActionData>({ stage: "upload", errors: { file: uploadProblemMessage(code, line) } }, { status });
}

async function upload(request: Request, context: ActionFunctionArgs["context"], actor: { id: string; label: string }) {
  const read = await readUploadForm(request, context, MAX_IMPORT_FILE_BYTES);
  if (!read.ok) return uploadError(uploadProblems[read.problem], read.status);
  const file = read.form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return uploadError("file_missing", 400);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeSpreadsheetFile(bytes)) return uploadError("spreadsheet_file", 400);
  // A NUL byte means a binary file (or UTF-16): refused before decoding, and never stored.
  if (bytes.includes(0)) return uploadError("not_text", 400);
  if (!/\.(csv|txt|tsv)$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) return uploadError("not_csv", 400);
  const early = shapeProblemAtStart(bytes);
  if (early) return uploadError(early.code, 400, early.line);
  const created = await createImportPreview(context.db, actor, { fileName: file.name, fileText: decodeCsvBytes(bytes) });
  if (!created.ok) return uploadError(created.code, 400, created.line);
  return redirect(`/campaign/import?import=${created.importId}`);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "pledges.manage");
  const actor = { id: user.id, label: user.email };
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return upload(request, context, actor);

  const parsed = parseForm(mappingForm(), formValues(await request.formData()));
  if (!parsed.ok) throw new Response("The form was not understood. Go back and try again.", { status: 400 });
  const { intent, importId, alreadyConfirmed, ...mapping } = parsed.data;
  const confirmed = alreadyConfirmed === "yes";
  const tried = await getImportPreview(context.db, importId, { mapping, alreadyConfirmed: confirmed });
  if (!tried) throw new Response("There is no such import.", { status: 404 });
  const preview = previewForPage(tried);
  if (intent === "preview") return data<ActionData>({ stage: "preview", preview, errors: {}, attempted: false });

  const started = await startImport(context.db, actor, importId, mapping, confirmed);
  if (started.ok) return redirect(`/campaign/imports/${importId}`);
  if (started.code === "already_running" || started.code === "already_done") return redirect(`/campaign/imports/${importId}`);
  const errors: FieldErrors = {};
  for (const p of started.problems ?? []) errors[p.field] ??= mappingProblemMessages[p.code];
  if (Object.keys(errors).length === 0) errors.start = runProblemMessages[started.code];
  return data<ActionData>({ stage: "preview", preview, errors, attempted: true }, { status: 400 });
}

export default function ImportPledges() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const preview = result?.stage === "preview" ? result.preview : loaded.stage === "preview" ? loaded.preview : null;
  if (preview)
    return (
      <Preview
        preview={preview}
        errors={result?.stage === "preview" ? result.errors : {}}
        attempted={result?.stage === "preview" && result.attempted}
        busy={busy}
      />
    );
  const errors = result?.stage === "upload" ? result.errors : {};
  const imports = loaded.stage === "upload" ? loaded.imports : [];
  const exportRows = loaded.stage === "upload" ? loaded.exportRows : 0;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>Import pledges</h1>
      <p>
        Bring in pledges collected elsewhere, such as a sign-up form&rsquo;s export. You will see how the file is read before anything is imported. People
        already here are matched by email address and never duplicated.
      </p>
      <Form method="post" encType="multipart/form-data">
        <FileField name="file" label={im.fileLabel} hint={im.fileHint} error={errors.file} accept=".csv,text/csv" />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Uploading…" : "Upload and check"}
        </button>
      </Form>

      <h2>Export</h2>
      <p>
        <a href="/campaign/export.csv">Download all pledges as a CSV file</a> ({exportSize(exportRows)}). It holds people&rsquo;s personal details: keep it safe
        and delete it when you are done. Each download is recorded in the audit log.
      </p>

      {imports.length > 0 ? (
        <>
          <h2 id="imports-caption">Recent imports</h2>
          <ul className="list">
            {imports.map((i) => (
              <li key={i.id}>
                <Link to={i.state === "preview" ? `/campaign/import?import=${i.id}` : `/campaign/imports/${i.id}`}>{i.fileName}</Link>
                {": "}
                {stateLabels[i.state]}, {formatDateTime(i.startedAt)}. {number(i.totalRows)} rows
                {i.state === "done" ? `: ${number(i.inserted)} new, ${number(i.merged)} merged, ${number(i.errorCount)} with problems` : ""}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

// From the messages module, not the rules, so the page's browser code stays small.
const fieldOrder = Object.keys(fieldLabels) as PledgeField[];

/** Field names to the ids of their controls, for the error summary's links. */
const fieldIds: Record<string, string> = {
  ...Object.fromEntries(fieldOrder.map((f) => [f, `map-${f}`])),
  start: "start",
};

function Preview({ preview, errors, attempted, busy }: { preview: PagePreview; errors: FieldErrors; attempted: boolean; busy: boolean }) {
  const { summary, totals, mapping } = preview;
  const ready = totals.pledges;
  return (
    <div className="page">
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <h1>Check how the file will be read</h1>
      <p className="lead">
        {summary.fileName}: {number(totals.rows)} rows. Nothing has been imported yet.
      </p>
      {preview.alreadyImported ? (
        <NotificationBanner title="This file has been imported before">
          <p>{im.alreadyImported(formatDateTime(preview.alreadyImported.at))}</p>
        </NotificationBanner>
      ) : null}
      {!attempted && preview.mappingProblems.length > 0 ? (
        <NotificationBanner title="Before you can start">
          <ul className="list">
            {preview.mappingProblems.map((p) => (
              <li key={`${p.field}-${p.code}`}>
                <a href={`#map-${p.field}`}>{mappingProblemMessages[p.code]}</a>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}

      <Form method="post">
        <input type="hidden" name="importId" value={summary.id} />
        <h2>Which column is which</h2>
        <p>We have guessed from the column names. Change any that are wrong, then update the preview to check.</p>
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
            Update the preview
          </button>
        </div>

        <h2 id="sample-caption">The first {preview.rows.length} rows, as they will be imported</h2>
        <TableScroll labelledBy="sample-caption" wide>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Postcode</th>
                <th scope="col">Region</th>
                <th scope="col">Relation</th>
                <th scope="col">Membership number</th>
                <th scope="col">Subscription</th>
                <th scope="col">Agreed to contact</th>
                <th scope="col">Confirmed</th>
                <th scope="col">Outcome</th>
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
                  <td>{r.values.confirmedAt ? formatDateTime(r.values.confirmedAt) : "No"}</td>
                  <td>
                    {r.kind === "pledge"
                      ? "Ready"
                      : r.kind === "duplicate"
                        ? `Same email as line ${r.firstLine}: merged`
                        : r.problems.map((p) => `${p.column}: ${rowProblemMessages[p.code]}`).join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>

        <h2>What will happen</h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Different people, ready to import</dt>
            <dd>{number(ready)}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Rows repeating an email address earlier in the file (merged)</dt>
            <dd>{number(totals.duplicates)}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Rows with problems (not imported)</dt>
            <dd>{number(totals.errorRows)}</dd>
          </div>
        </dl>
        <p>
          Anyone whose email address is already here is merged: what we hold is kept, and only blanks are filled in. A pledge that is confirmed stays confirmed.
        </p>
        {preview.problemCounts.length > 0 ? (
          <>
            <h3>Problems found</h3>
            <ul className="list">
              {preview.problemCounts.map((p) => (
                <li key={p.code}>
                  {rowProblemMessages[p.code]}: {number(p.count)}
                </li>
              ))}
            </ul>
            <h3 id="errors-caption">The first rows with problems</h3>
            <TableScroll labelledBy="errors-caption">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
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
            <p>After the import you can download every row with a problem, fix them and import that file.</p>
          </>
        ) : null}

        {errors.start ? (
          <p className="error-message" id="start">
            <span className="visually-hidden">Error:</span> {errors.start}
          </p>
        ) : null}
        <button type="submit" name="intent" value="start" className="button" disabled={busy}>
          {busy ? "Starting…" : "Start import"}
        </button>
      </Form>
      <p>
        <Link to="/campaign/import">Upload a different file</Link>
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
