import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { getImportSummary, restartImport } from "~/modules/pledges/import.server";
import { runProblemMessages } from "~/modules/pledges/import-messages";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Pledge import - Breakaway" }];

const number = (n: number) => n.toLocaleString("en-GB");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(request, context, "pledges.manage");
  const s = await getImportSummary(context.db, params.importId ?? "");
  if (!s) throw new Response("There is no such import.", { status: 404 });
  return { ...s, startedAt: s.startedAt.toISOString(), finishedAt: s.finishedAt?.toISOString() ?? null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "pledges.manage");
  const form = await request.formData();
  if (form.get("intent") !== "restart") throw new Response("The form was not understood.", { status: 400 });
  const importId = params.importId ?? "";
  const started = await restartImport(context.db, { id: user.id, label: user.email }, importId);
  if (started.ok || started.code === "already_running" || started.code === "already_done") return redirect(`/campaign/imports/${importId}`);
  return data({ errors: { restart: runProblemMessages[started.code] } as FieldErrors }, { status: started.code === "not_found" ? 404 : 409 });
}

export default function ImportProgress() {
  const imp = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { revalidate, state: revalidation } = useRevalidator();
  const running = imp.state === "running";

  // With JavaScript, ask for fresh figures a second after the last ones arrived, while running.
  useEffect(() => {
    if (!running || revalidation !== "idle") return;
    const timer = setTimeout(revalidate, 1000);
    return () => clearTimeout(timer);
  }, [running, revalidation, revalidate, imp.processedRows]);

  const total = Math.max(imp.totalRows, 1);
  const percent = Math.floor((imp.processedRows / total) * 100);
  const heading =
    imp.state === "done"
      ? "Import finished"
      : imp.state === "running"
        ? "Importing pledges"
        : imp.state === "preview"
          ? "Import not started"
          : "The import stopped";

  return (
    <div className="page page--narrow">
      {/* Without JavaScript the page reloads itself while the import runs. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <ErrorSummary errors={result?.errors ?? {}} fieldIds={{ restart: "restart" }} />
      <h1>{heading}</h1>
      <p className="lead">{imp.fileName}</p>

      {imp.state === "preview" ? (
        <p>
          <Link to={`/campaign/import?import=${imp.id}`}>Check the columns and start the import</Link>
        </p>
      ) : (
        <>
          <div className="form-group">
            <label className="label" htmlFor="import-progress">
              Rows done
            </label>
            <progress id="import-progress" max={total} value={imp.processedRows} aria-describedby="import-progress-figures">
              {percent}%
            </progress>
            <p id="import-progress-figures">{`${number(imp.processedRows)} of ${number(imp.totalRows)} rows (${percent}%)`}</p>
          </div>
          <p role="status">
            {imp.state === "done"
              ? `Finished on ${formatDateTime(imp.finishedAt ?? imp.startedAt)}.`
              : imp.state === "running"
                ? `Started on ${formatDateTime(imp.startedAt)}. You can leave this page: the import carries on.`
                : `It stopped after ${number(imp.processedRows)} rows. The rows done so far are saved.`}
          </p>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>New pledges</dt>
              <dd>{number(imp.inserted)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Merged with pledges already held, or repeated in the file</dt>
              <dd>{number(imp.merged)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Rows with problems (not imported)</dt>
              <dd>{number(imp.errorCount)}</dd>
            </div>
          </dl>
        </>
      )}

      {imp.state === "done" ? (
        <>
          {imp.errorCount > 0 ? (
            <p>
              <a href={`/campaign/imports/${imp.id}/errors.csv`}>
                {imp.errorCount === 1 ? "Download the row with a problem (CSV)" : `Download the ${number(imp.errorCount)} rows with problems (CSV)`}
              </a>
              . Each row says what is wrong. Fix them in a spreadsheet, save as CSV and import that file.
            </p>
          ) : (
            <p>Every row was imported or merged.</p>
          )}
          {imp.alreadyConfirmed ? null : <p>New pledges from this file are not confirmed, so they do not count on the campaign page yet.</p>}
          <p>
            <Link to="/campaign">Go to the campaign page</Link> or <Link to="/campaign/import">import another file</Link>.
          </p>
        </>
      ) : null}

      {imp.state === "failed" || imp.state === "stalled" ? (
        <Form method="post">
          <p>Running it again carries on from where it stopped. Nobody is imported twice.</p>
          <button type="submit" name="intent" value="restart" className="button" id="restart" disabled={busy}>
            Run the import again
          </button>
        </Form>
      ) : null}
    </div>
  );
}
