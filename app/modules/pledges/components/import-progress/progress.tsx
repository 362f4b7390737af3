import { Form, Link, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { formatDateTime } from "~/utils/dates";
import { importProgressText as t } from "../../import-messages";
import type { PageSummary } from "../../import-page.server";
import { formatNumber as number } from "~/utils/numbers";

/** One import: how far it has gone, what it did once done, and running it again once stopped. */
export function ImportProgress({ imp, errors, busy }: { imp: PageSummary; errors: FieldErrors; busy: boolean }) {
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

  return (
    <div className="page page--narrow">
      {/* Without JavaScript the page reloads itself while the import runs. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={{ restart: "restart" }} />
      <h1>{t.headings[imp.state]}</h1>
      <p className="lead">{imp.fileName}</p>

      {imp.state === "preview" ? (
        <p>
          <Link to={`/campaign/import?import=${imp.id}`}>{t.checkColumns}</Link>
        </p>
      ) : (
        <>
          <div className="form-group">
            <label className="label" htmlFor="import-progress">
              {t.rowsDone}
            </label>
            <progress id="import-progress" max={total} value={imp.processedRows} aria-describedby="import-progress-figures">
              {percent}%
            </progress>
            <p id="import-progress-figures">{t.rowsOf(imp.processedRows, imp.totalRows, percent)}</p>
          </div>
          <p role="status">
            {imp.state === "done"
              ? t.finishedOn(formatDateTime(imp.finishedAt ?? imp.startedAt))
              : imp.state === "running"
                ? t.startedOn(formatDateTime(imp.startedAt))
                : t.stoppedAfter(imp.processedRows)}
          </p>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t.inserted}</dt>
              <dd>{number(imp.inserted)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.merged}</dt>
              <dd>{number(imp.merged)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.problems}</dt>
              <dd>{number(imp.errorCount)}</dd>
            </div>
          </dl>
        </>
      )}

      {imp.state === "done" ? (
        <>
          {imp.errorCount > 0 ? (
            <p>
              <a href={`/campaign/imports/${imp.id}/errors.csv`}>{t.downloadProblems(imp.errorCount)}</a>
              {t.fixProblems}
            </p>
          ) : (
            <p>{t.everyRowImported}</p>
          )}
          {imp.alreadyConfirmed ? null : <p>{t.notConfirmed}</p>}
          <p>
            <Link to="/campaign">{t.goToCampaign}</Link>
            {t.or}
            <Link to="/campaign/import">{t.importAnother}</Link>.
          </p>
        </>
      ) : null}

      {imp.state === "failed" || imp.state === "stalled" ? (
        <Form method="post">
          <p>{t.runAgainIntro}</p>
          <button type="submit" name="intent" value="restart" className="button" id="restart" disabled={busy}>
            {t.runAgain}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
