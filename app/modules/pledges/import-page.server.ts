/**
 * The Import pledges page (routes/campaign.import._index.tsx): what it shows (the upload form
 * with recent imports, or one upload's preview), taking a file, and the column mapping form
 * (updating the preview, or starting the import); and the progress page of one import
 * (routes/campaign.imports.$importId.tsx).
 */
import { z } from "zod";
import type { Actor } from "~/modules/audit/audit.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/form-values";
import {
  createImportPreview,
  decodeCsvBytes,
  getImportPreview,
  getImportSummary,
  listImports,
  looksLikeSpreadsheetFile,
  pledgeFields,
  restartImport,
  shapeProblemAtStart,
  startImport,
  type ImportPreview,
  type ImportSummary,
} from "./import.server";
import { mappingProblemMessages, runProblemMessages, uploadProblemMessage, type UploadProblemCode } from "./import-messages";
import { pledgeTotalsNow } from "./totals.server";

function summaryForPage(s: ImportSummary) {
  return { ...s, startedAt: s.startedAt.toISOString(), finishedAt: s.finishedAt?.toISOString() ?? null };
}
export type PageSummary = ReturnType<typeof summaryForPage>;

function previewForPage(p: ImportPreview) {
  return {
    ...p,
    summary: summaryForPage(p.summary),
    alreadyImported: p.alreadyImported ? { importId: p.alreadyImported.importId, at: p.alreadyImported.at.toISOString() } : null,
  };
}
export type PagePreview = ReturnType<typeof previewForPage>;

/** What the page shows: the upload form and recent imports, one upload's preview, or where that upload went next. */
export async function importPageView(db: Db, importId: string | null) {
  if (importId) {
    const summary = await getImportSummary(db, importId);
    if (!summary) return { missing: true } as const;
    if (summary.state !== "preview") return { goTo: `/campaign/imports/${summary.id}` } as const;
    const preview = await getImportPreview(db, importId);
    if (!preview) return { missing: true } as const;
    return { stage: "preview" as const, preview: previewForPage(preview) };
  }
  const [imports, totals] = await Promise.all([listImports(db), pledgeTotalsNow(db)]);
  return { stage: "upload" as const, imports: imports.map(summaryForPage), exportRows: totals.held };
}

/** What the page shows after a form: the upload form's problem, or the preview as mapped now. */
export type ImportAnswer = { stage: "upload"; errors: FieldErrors } | { stage: "preview"; preview: PagePreview; errors: FieldErrors; attempted: boolean };

const refusedUpload = (code: UploadProblemCode, status = 400, line?: number) =>
  refused<ImportAnswer>({ stage: "upload", errors: { file: uploadProblemMessage(code, line) } }, status);

/** Takes an uploaded file: its preview's address, or why it was refused (nothing stored). */
export async function uploadPledgeFile(db: Db, actor: Actor, file: FormDataEntryValue | null): Promise<{ goTo: string } | ActionAnswer<ImportAnswer>> {
  if (!file || typeof file === "string" || file.size === 0) return refusedUpload("file_missing");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeSpreadsheetFile(bytes)) return refusedUpload("spreadsheet_file");
  // A NUL byte means a binary file (or UTF-16): refused before decoding, and never stored.
  if (bytes.includes(0)) return refusedUpload("not_text");
  if (!/\.(csv|txt|tsv)$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) return refusedUpload("not_csv");
  const early = shapeProblemAtStart(bytes);
  if (early) return refusedUpload(early.code, 400, early.line);
  const created = await createImportPreview(db, actor, { fileName: file.name, fileText: decodeCsvBytes(bytes) });
  if (!created.ok) return refusedUpload(created.code, 400, created.line);
  return { goTo: `/campaign/import?import=${created.importId}` };
}

/** The upload form's problem when the request itself could not be read (too big, malformed). */
export const unreadableUpload = (problem: "too_big" | "malformed", status: number) =>
  refusedUpload(problem === "too_big" ? "file_too_big" : "upload_unreadable", status);

const mappingForm = z.object({
  intent: z.enum(["preview", "start"]),
  importId: z.string().min(1),
  alreadyConfirmed: z.literal("yes").optional(),
  subscriptionUnit: z.enum(["pounds", "pence"]).optional(),
  ...Object.fromEntries(pledgeFields.map((f) => [f, z.string().max(10).optional()])),
});

/**
 * The mapping form: the preview as now mapped, or the import started (its progress page's
 * address); null for a form not understood, "missing" for no such import.
 */
export async function mappingAction(
  db: Db,
  actor: Actor,
  values: Record<string, string>,
): Promise<null | "missing" | { goTo: string } | ActionAnswer<ImportAnswer>> {
  const parsed = parseForm(mappingForm, values);
  if (!parsed.ok) return null;
  const { intent, importId, alreadyConfirmed, ...mapping } = parsed.data;
  const confirmed = alreadyConfirmed === "yes";
  const tried = await getImportPreview(db, importId, { mapping, alreadyConfirmed: confirmed });
  if (!tried) return "missing";
  const preview = previewForPage(tried);
  if (intent === "preview") return succeeded<ImportAnswer>({ stage: "preview", preview, errors: {}, attempted: false });
  const started = await startImport(db, actor, importId, mapping, confirmed);
  if (started.ok || started.code === "already_running" || started.code === "already_done") return { goTo: `/campaign/imports/${importId}` };
  const errors: FieldErrors = {};
  for (const p of started.problems ?? []) errors[p.field] ??= mappingProblemMessages[p.code];
  if (Object.keys(errors).length === 0) errors.start = runProblemMessages[started.code];
  return refused<ImportAnswer>({ stage: "preview", preview, errors, attempted: true });
}

/** What the progress page shows: the import as it stands, or null for no such import. */
export async function importProgressView(db: Db, importId: string): Promise<PageSummary | null> {
  const summary = await getImportSummary(db, importId);
  return summary ? summaryForPage(summary) : null;
}

/** Why a stopped import could not be run again, as the progress page shows it. */
export interface RestartAnswer {
  errors: FieldErrors;
}

/** Runs a stopped import again: its progress page's address (also when it is running or done already), or why not. */
export async function restartFromPage(db: Db, actor: Actor, importId: string): Promise<{ goTo: string } | ActionAnswer<RestartAnswer>> {
  const started = await restartImport(db, actor, importId);
  if (started.ok || started.code === "already_running" || started.code === "already_done") return { goTo: `/campaign/imports/${importId}` };
  return refused<RestartAnswer>({ errors: { restart: runProblemMessages[started.code] } }, started.code === "not_found" ? 404 : 409);
}
