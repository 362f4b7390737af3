import { Form, Link } from "@remix-run/react";
import { ErrorSummary, FileField, type FieldErrors } from "~/components/forms";
import { formatDateTime } from "~/utils/dates";
import type { ImportState } from "../../import-state";
import { exportSize, importMessages as im, importPageText, stateLabels } from "../../import-messages";

export interface ImportListed {
  id: string;
  fileName: string;
  state: ImportState;
  startedAt: string;
  totalRows: number;
  inserted: number;
  merged: number;
  errorCount: number;
}

/** Uploading a file to check, the export, and the recent imports. */
export function UploadPledges({
  errors,
  imports,
  exportRows,
  busy,
}: {
  errors: FieldErrors;
  imports: readonly ImportListed[];
  exportRows: number;
  busy: boolean;
}) {
  const t = importPageText.upload;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <Form method="post" encType="multipart/form-data">
        <FileField name="file" label={im.fileLabel} hint={im.fileHint} error={errors.file} accept=".csv,text/csv" />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.uploading : t.submit}
        </button>
      </Form>

      <h2>{t.exportHeading}</h2>
      <p>
        <a href="/campaign/export.csv">{t.exportLink}</a>
        {t.exportNote(exportSize(exportRows))}
      </p>

      {imports.length > 0 ? (
        <>
          <h2 id="imports-caption">{t.recent}</h2>
          <ul className="list">
            {imports.map((i) => (
              <li key={i.id}>
                <Link to={i.state === "preview" ? `/campaign/import?import=${i.id}` : `/campaign/imports/${i.id}`}>{i.fileName}</Link>
                {": "}
                {t.importLine(stateLabels[i.state], formatDateTime(i.startedAt), i.totalRows)}
                {i.state === "done" ? t.doneCounts(i.inserted, i.merged, i.errorCount) : ""}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
