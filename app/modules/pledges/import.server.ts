/**
 * Importing pledges from a CSV file and exporting them as CSV.
 *
 * An import is a row of pledge_imports: the uploaded file is stored there (so any app server
 * can preview and run it), then run in batches of BATCH_SIZE rows, each batch one transaction
 * that writes its pledges, its count changes and the import's progress together. Progress is
 * therefore exact after a crash, and "run again" carries on from the first unprocessed row.
 *
 * pledge_imports.started_at holds the moment the current run started (set when it is claimed).
 * A run that has not finished STALE_RUN_MS after it started is shown as stopped, and the value
 * is the run's token: if an organiser restarts a stopped run while the old one is somehow still
 * going, the old one's next batch finds the token changed, rolls back and stops.
 */
import { describeFailure } from "~/utils/errors";
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { allowLongStatements, rowsOf, type Db, type Tx } from "~/utils/db.server";
import { erasedEmails, pledgeImports, pledges } from "../../../db/schema";
import { erasedEmailHash } from "~/modules/users/erased-emails";
import { applyCountChanges } from "./counts.server";
import { checkMapping, normaliseMapping, type ImportMapping, type MappingProblem, type PledgeField } from "./import-mapping";
import { columnCount, columnLetter, columnName, readCsv, type CsvFile, type ReadCsvProblemCode } from "./csv-reading";
import { countsForNewPledge, mergeWithExisting, type ExistingPledge, type PledgeCountChange } from "./import-merge";
import { csvSafe } from "./csv-writing";
import { fieldColumnName, planImport, type ImportedPledge, type ImportPlan, type RowProblemCode } from "./import-rows";
import { guessMapping } from "./mapping-guess";
import { importState, type ImportState } from "./import-state";
import { MAX_FILE_NAME_CHARS, PREVIEW_CELL_CHARS, PREVIEW_LISTED_ERRORS, PREVIEW_ROWS } from "~/utils/input-limits";
import { formatPence } from "~/utils/numbers";
import { errorsCsvHeaders, fieldLabels, relationExportLabels, rowProblemMessages, withheldRowNote, yesNo, type RunProblemCode } from "./import-messages";

// For routes, so that the page's browser bundle never pulls in the CSV parser.
export { decodeCsvBytes, looksLikeSpreadsheetFile, shapeProblemAtStart } from "./csv-reading";
export { pledgeFields } from "./import-mapping";

/** Rows per transaction: big enough to be quick, small enough that progress moves every second. */
export const BATCH_SIZE = 1000;
const BOM = "\uFEFF";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isImportId = (id: string): boolean => UUID.test(id);

export function fileHashOf(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

// ---------------------------------------------------------------------------------------------
// What the pages show

export interface ImportSummary {
  id: string;
  fileName: string;
  state: ImportState;
  totalRows: number;
  processedRows: number;
  inserted: number;
  merged: number;
  errorCount: number;
  alreadyConfirmed: boolean;
  /** Upload time while a preview; the start of the latest run after that. */
  startedAt: Date;
  finishedAt: Date | null;
}

const summaryColumns = {
  id: pledgeImports.id,
  fileName: pledgeImports.fileName,
  status: pledgeImports.status,
  totalRows: pledgeImports.totalRows,
  processedRows: pledgeImports.processedRows,
  inserted: pledgeImports.inserted,
  merged: pledgeImports.merged,
  errorCount: pledgeImports.errorCount,
  alreadyConfirmed: pledgeImports.alreadyConfirmed,
  createdAt: pledgeImports.createdAt,
  startedAt: pledgeImports.startedAt,
  finishedAt: pledgeImports.finishedAt,
};

type SummaryRow = Pick<typeof pledgeImports.$inferSelect, keyof typeof summaryColumns>;

function toSummary(row: SummaryRow, now = new Date()): ImportSummary {
  const { status, createdAt, startedAt, ...rest } = row;
  return { ...rest, startedAt: startedAt ?? createdAt, state: importState({ status, startedAt: startedAt ?? createdAt }, now) };
}

export async function getImportSummary(db: Db, importId: string): Promise<ImportSummary | null> {
  if (!isImportId(importId)) return null;
  const [row] = await db.select(summaryColumns).from(pledgeImports).where(eq(pledgeImports.id, importId));
  return row ? toSummary(row) : null;
}

export async function listImports(db: Db, limit = 10): Promise<ImportSummary[]> {
  const rows = await db.select(summaryColumns).from(pledgeImports).orderBy(desc(pledgeImports.createdAt)).limit(limit);
  const now = new Date();
  return rows.map((r) => toSummary(r, now));
}

export interface PreviewRow {
  line: number;
  kind: "pledge" | "duplicate" | "error";
  /** For a duplicate: the line of the row it is merged into. */
  firstLine?: number;
  values: {
    name: string;
    email: string;
    postcode: string;
    region: string;
    relation: string;
    membershipNumber: string;
    subscription: string;
    consentContact: string;
    confirmedAt: string | null;
  };
  problems: { column: string; code: RowProblemCode }[];
}

export interface ImportPreview {
  summary: ImportSummary;
  columns: { value: string; label: string }[];
  mapping: ImportMapping;
  mappingProblems: MappingProblem[];
  rows: PreviewRow[];
  totals: ImportPlan["totals"];
  problemCounts: { code: RowProblemCode; count: number }[];
  firstErrors: { line: number; column: string; code: RowProblemCode }[];
  /** When this exact file was imported before, and which import that was. */
  alreadyImported: { importId: string; at: Date } | null;
}

/**
 * What the preview shows of a cell or a column name: a row may hold 64,000 characters in one
 * cell, and the page is sent whole to the browser, so each is cut short.
 */
function shown(text: string): string {
  return text.length > PREVIEW_CELL_CHARS ? `${text.slice(0, PREVIEW_CELL_CHARS)}…` : text;
}

/** An uploaded file's name as kept and shown: control characters become spaces, and it is cut short. */
export function uploadedFileName(name: string): string {
  let clean = "";
  for (const ch of name.slice(0, MAX_FILE_NAME_CHARS)) clean += ch.charCodeAt(0) < 32 || ch === "\u007f" ? " " : ch;
  return clean.trim() || "upload.csv";
}

function problemColumn(file: CsvFile, mapping: ImportMapping, field: PledgeField): string {
  return fieldColumnName(file, mapping, field) ?? fieldLabels[field].label;
}

function previewOf(
  summary: ImportSummary,
  file: CsvFile,
  mapping: ImportMapping,
  plan: ImportPlan,
  alreadyImported: ImportPreview["alreadyImported"],
): ImportPreview {
  const cell = (cells: string[], field: PledgeField) => {
    const column = mapping[field];
    return /^\d+$/.test(column) ? shown((cells[Number(column)] ?? "").trim()) : "";
  };
  const rows = plan.entries.slice(0, PREVIEW_ROWS).map((entry, i): PreviewRow => {
    const cells = file.rows[i]?.cells ?? [];
    const pledge: ImportedPledge | null = entry.kind === "pledge" ? entry.pledge : null;
    const raw = {
      name: cell(cells, "name") || [cell(cells, "firstName"), cell(cells, "lastName")].filter(Boolean).join(" "),
      email: cell(cells, "email"),
      postcode: cell(cells, "postcode"),
      region: "",
      relation: cell(cells, "relation"),
      membershipNumber: cell(cells, "membershipNumber"),
      subscription: cell(cells, "subscription"),
      consentContact: cell(cells, "consentContact"),
      confirmedAt: null,
    };
    return {
      line: entry.line,
      kind: entry.kind,
      firstLine: entry.kind === "duplicate" ? entry.firstLine : undefined,
      values: pledge
        ? {
            name: shown(pledge.name),
            email: pledge.email,
            postcode: pledge.postcode,
            region: pledge.region,
            relation: relationExportLabels[pledge.relation],
            membershipNumber: pledge.membershipNumber ?? "",
            subscription: pledge.monthlySubscriptionPence === null ? "" : formatPence(pledge.monthlySubscriptionPence),
            consentContact: yesNo(pledge.consentContact),
            confirmedAt: pledge.confirmedAt?.toISOString() ?? null,
          }
        : raw,
      problems: entry.kind === "error" ? entry.problems.map((p) => ({ column: shown(problemColumn(file, mapping, p.field)), code: p.code })) : [],
    };
  });
  const counts = new Map<RowProblemCode, number>();
  for (const e of plan.errors) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  return {
    summary,
    columns: file.headers
      .map((_, i) => ({ value: String(i), label: `${columnLetter(i)}: ${shown(columnName(file, i))}` }))
      .concat(
        Array.from({ length: columnCount(file) - file.headers.length }, (_, k) => {
          const i = file.headers.length + k;
          return { value: String(i), label: `${columnLetter(i)}: ${shown(columnName(file, i))}` };
        }),
      ),
    mapping,
    mappingProblems: checkMapping(mapping),
    rows,
    totals: plan.totals,
    problemCounts: [...counts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
    firstErrors: plan.errors
      .slice(0, PREVIEW_LISTED_ERRORS)
      .map((e) => ({ line: e.line, column: shown(e.column ?? fieldLabels[e.field].label), code: e.code })),
    alreadyImported,
  };
}

async function findEarlierImport(db: Db, importId: string, fileHash: string): Promise<ImportPreview["alreadyImported"]> {
  const [earlier] = await db
    .select({ id: pledgeImports.id, finishedAt: pledgeImports.finishedAt })
    .from(pledgeImports)
    .where(and(eq(pledgeImports.fileHash, fileHash), eq(pledgeImports.status, "done"), ne(pledgeImports.id, importId)))
    .orderBy(desc(pledgeImports.finishedAt))
    .limit(1);
  return earlier?.finishedAt ? { importId: earlier.id, at: earlier.finishedAt } : null;
}

// ---------------------------------------------------------------------------------------------
// Upload and preview

export type CreatePreviewResult = { ok: true; importId: string; preview: ImportPreview } | { ok: false; code: ReadCsvProblemCode; line?: number };

/** Stores an uploaded file as a new import awaiting its mapping, and previews it with a guessed mapping. */
export async function createImportPreview(db: Db, actor: Actor, input: { fileName: string; fileText: string }): Promise<CreatePreviewResult> {
  const read = readCsv(input.fileText);
  if (!read.ok) return read;
  const { file } = read;
  const fileHash = fileHashOf(input.fileText);
  const mapping = guessMapping(file);
  const fileName = uploadedFileName(input.fileName);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(pledgeImports)
      .values({ fileName, fileHash, fileText: input.fileText, mapping, status: "preview", totalRows: file.rows.length, createdBy: actor.id })
      .returning(summaryColumns);
    if (!created) throw new Error("import was not stored");
    // The upload holds personal data, so its arrival is recorded (counts only, never contents).
    await appendAudit(tx, {
      actor,
      action: "pledges.import_uploaded",
      subjectType: "pledge_import",
      subjectId: created.id,
      details: { rows: file.rows.length, fileHash },
    });
    return created;
  });
  const plan = planImport(file, { mapping, fileName, alreadyConfirmed: false, now: new Date() });
  const preview = previewOf(toSummary(row), file, mapping, plan, await findEarlierImport(db, row.id, fileHash));
  return { ok: true, importId: row.id, preview };
}

/**
 * The preview of a stored import, with its stored mapping or one being tried on the form.
 * Null when there is no such import or its file is no longer held (finished imports drop it).
 */
export async function getImportPreview(
  db: Db,
  importId: string,
  trying?: { mapping: Record<string, unknown>; alreadyConfirmed: boolean },
): Promise<ImportPreview | null> {
  if (!isImportId(importId)) return null;
  const [row] = await db
    .select({ ...summaryColumns, fileText: pledgeImports.fileText, fileHash: pledgeImports.fileHash, mapping: pledgeImports.mapping })
    .from(pledgeImports)
    .where(eq(pledgeImports.id, importId));
  if (!row) return null;
  const read = readCsv(row.fileText);
  if (!read.ok) return null;
  const mapping = normaliseMapping(trying?.mapping ?? row.mapping, columnCount(read.file));
  const alreadyConfirmed = trying?.alreadyConfirmed ?? row.alreadyConfirmed;
  const plan = planImport(read.file, { mapping, fileName: row.fileName, alreadyConfirmed, now: new Date() });
  const { fileText: _text, fileHash, mapping: _stored, ...summaryRow } = row;
  return previewOf(toSummary(summaryRow), read.file, mapping, plan, await findEarlierImport(db, row.id, fileHash));
}

// ---------------------------------------------------------------------------------------------
// Running

export type RunResult =
  | { ok: true; importId: string; rows: number; inserted: number; merged: number; errors: number }
  | { ok: false; code: RunProblemCode | "failed" | "taken_over"; problems?: MappingProblem[] };

export type StartResult = { ok: true; importId: string; finished: Promise<RunResult> } | { ok: false; code: RunProblemCode; problems?: MappingProblem[] };

interface ClaimedRun {
  importId: string;
  fileName: string;
  file: CsvFile;
  mapping: ImportMapping;
  alreadyConfirmed: boolean;
  startedAt: Date;
  processedRows: number;
}

class RunTakenOver extends Error {}

/**
 * Claims an import for a run: a preview, a stopped run, or a run that has gone stale. A run
 * that stopped part-way carries on with the mapping it started with, so that rows already
 * written and rows still to come are read the same way.
 */
async function claimImport(db: Db, actor: Actor, importId: string, mapping: Record<string, unknown>, alreadyConfirmed: boolean) {
  if (!isImportId(importId)) return { ok: false, code: "not_found" } as const;
  const [stored] = await db
    .select({
      fileText: pledgeImports.fileText,
      fileName: pledgeImports.fileName,
      processedRows: pledgeImports.processedRows,
      mapping: pledgeImports.mapping,
      alreadyConfirmed: pledgeImports.alreadyConfirmed,
    })
    .from(pledgeImports)
    .where(eq(pledgeImports.id, importId));
  if (!stored) return { ok: false, code: "not_found" } as const;
  // Parsing a large file takes a moment: do it before taking the lock.
  const read = readCsv(stored.fileText);
  const resuming = stored.processedRows > 0;
  const chosen = resuming ? { mapping: stored.mapping, alreadyConfirmed: stored.alreadyConfirmed } : { mapping, alreadyConfirmed };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: pledgeImports.status,
        startedAt: pledgeImports.startedAt,
        createdAt: pledgeImports.createdAt,
        processedRows: pledgeImports.processedRows,
      })
      .from(pledgeImports)
      .where(eq(pledgeImports.id, importId))
      .for("update");
    if (!row) return { ok: false, code: "not_found" } as const;
    const state = importState({ status: row.status, startedAt: row.startedAt ?? row.createdAt }, new Date());
    if (state === "done") return { ok: false, code: "already_done" } as const;
    if (state === "running") return { ok: false, code: "already_running" } as const;
    if (row.processedRows !== stored.processedRows) return { ok: false, code: "already_running" } as const;
    if (!read.ok) return { ok: false, code: "file_unreadable" } as const;
    const finalMapping = normaliseMapping(chosen.mapping, columnCount(read.file));
    const problems = checkMapping(finalMapping);
    if (problems.length > 0) return { ok: false, code: "mapping_incomplete", problems } as const;
    const startedAt = new Date();
    await tx
      .update(pledgeImports)
      .set({
        status: "running",
        mapping: finalMapping,
        alreadyConfirmed: chosen.alreadyConfirmed,
        totalRows: read.file.rows.length,
        startedAt,
        finishedAt: null,
      })
      .where(eq(pledgeImports.id, importId));
    await appendAudit(tx, {
      actor,
      action: "pledges.import_started",
      subjectType: "pledge_import",
      subjectId: importId,
      details: { rows: read.file.rows.length, fromRow: row.processedRows, alreadyConfirmed: chosen.alreadyConfirmed },
    });
    const run: ClaimedRun = {
      importId,
      fileName: stored.fileName,
      file: read.file,
      mapping: finalMapping,
      alreadyConfirmed: chosen.alreadyConfirmed,
      startedAt,
      processedRows: row.processedRows,
    };
    return { ok: true, run } as const;
  });
}

/**
 * Claims the import and starts it without waiting for it to finish: the caller (a form post)
 * answers at once and the progress page follows the import in the database. `finished` settles
 * when the run ends and never rejects.
 */
export async function startImport(db: Db, actor: Actor, importId: string, mapping: Record<string, unknown>, alreadyConfirmed: boolean): Promise<StartResult> {
  const claimed = await claimImport(db, actor, importId, mapping, alreadyConfirmed);
  if (!claimed.ok) return claimed;
  return { ok: true, importId, finished: processRun(db, actor, claimed.run) };
}

/** Runs an import to the end (tests, benchmarks, scripts). */
export async function runImport(db: Db, actor: Actor, importId: string, mapping: Record<string, unknown>, alreadyConfirmed: boolean): Promise<RunResult> {
  const started = await startImport(db, actor, importId, mapping, alreadyConfirmed);
  return started.ok ? started.finished : started;
}

/** "Run it again" after a stop: carries on from where the import got to, as it was set up. */
export async function restartImport(db: Db, actor: Actor, importId: string): Promise<StartResult> {
  if (!isImportId(importId)) return { ok: false, code: "not_found" };
  const [row] = await db
    .select({ mapping: pledgeImports.mapping, alreadyConfirmed: pledgeImports.alreadyConfirmed })
    .from(pledgeImports)
    .where(eq(pledgeImports.id, importId));
  if (!row) return { ok: false, code: "not_found" };
  return startImport(db, actor, importId, row.mapping, row.alreadyConfirmed);
}

async function processRun(db: Db, actor: Actor, run: ClaimedRun): Promise<RunResult> {
  try {
    const plan = planImport(run.file, { mapping: run.mapping, fileName: run.fileName, alreadyConfirmed: run.alreadyConfirmed, now: run.startedAt });
    for (let from = run.processedRows; from < plan.entries.length; from += BATCH_SIZE) {
      const batch = plan.entries.slice(from, from + BATCH_SIZE);
      await db.transaction((tx) => importBatch(tx, run, batch, from + batch.length));
    }
    const errorsCsv = errorsCsvOf(run.file, run.mapping, plan);
    return await db.transaction(async (tx) => {
      const [done] = await tx
        .update(pledgeImports)
        // The raw file is no longer needed: rows that could not be imported are in errorsCsv,
        // and the hash still recognises the file if it is uploaded again.
        .set({ status: "done", finishedAt: new Date(), errorsCsv, fileText: "" })
        .where(ownedBy(run))
        .returning({
          inserted: pledgeImports.inserted,
          merged: pledgeImports.merged,
          errorCount: pledgeImports.errorCount,
          totalRows: pledgeImports.totalRows,
        });
      if (!done) throw new RunTakenOver();
      await appendAudit(tx, {
        actor,
        action: "pledges.imported",
        subjectType: "pledge_import",
        subjectId: run.importId,
        details: { rows: done.totalRows, inserted: done.inserted, merged: done.merged, errors: done.errorCount, alreadyConfirmed: run.alreadyConfirmed },
      });
      return { ok: true, importId: run.importId, rows: done.totalRows, inserted: done.inserted, merged: done.merged, errors: done.errorCount } as const;
    });
  } catch (error) {
    if (error instanceof RunTakenOver) return { ok: false, code: "taken_over" };
    // Never the message: a database error's message or detail can quote a row's personal data.
    console.error(`pledge import ${run.importId} stopped: ${describeFailure(error)}`);
    await markFailed(db, actor, run).catch(() => {});
    return { ok: false, code: "failed" };
  }
}

function ownedBy(run: ClaimedRun) {
  return and(eq(pledgeImports.id, run.importId), eq(pledgeImports.status, "running"), eq(pledgeImports.startedAt, run.startedAt));
}

async function markFailed(db: Db, actor: Actor, run: ClaimedRun): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(pledgeImports)
      .set({ status: "failed", finishedAt: new Date() })
      .where(ownedBy(run))
      .returning({ processedRows: pledgeImports.processedRows });
    if (!row) return;
    await appendAudit(tx, {
      actor,
      action: "pledges.import_failed",
      subjectType: "pledge_import",
      subjectId: run.importId,
      details: { processedRows: row.processedRows },
    });
  });
}

const existingColumns = {
  id: pledges.id,
  email: pledges.email,
  region: pledges.region,
  relation: pledges.relation,
  membershipNumber: pledges.membershipNumber,
  monthlySubscriptionPence: pledges.monthlySubscriptionPence,
  confirmedAt: pledges.confirmedAt,
  withdrawnAt: pledges.withdrawnAt,
  erasedAt: pledges.erasedAt,
};

async function lockExisting(tx: Tx, emails: string[]): Promise<Map<string, ExistingPledge & { id: string }>> {
  const found = new Map<string, ExistingPledge & { id: string }>();
  if (emails.length === 0) return found;
  // One array parameter rather than one parameter per address: quicker to build and send.
  const rows = await tx
    .select(existingColumns)
    .from(pledges)
    .where(sql`${pledges.email} = any(${textArray(emails)}::text[])`)
    .for("no key update");
  for (const { email, ...rest } of rows) found.set(email, rest);
  return found;
}

async function erasedAmong(tx: Tx, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const byHash = new Map(emails.map((e) => [erasedEmailHash(e), e]));
  const rows = await tx
    .select({ emailHash: erasedEmails.emailHash })
    .from(erasedEmails)
    .where(sql`${erasedEmails.emailHash} = any(${textArray([...byHash.keys()])}::text[])`);
  return new Set(rows.map((r) => byHash.get(r.emailHash) ?? ""));
}

/** A PostgreSQL array literal of text, passed as one parameter whatever the driver. */
function textArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

/**
 * Inserts a batch in one statement of 13 array parameters (unnest), not 13 parameters per row:
 * building and sending 13,000 separate parameters cost most of the import's time. Returns the
 * addresses actually inserted: someone may pledge through the form between our look-up and
 * this insert, and then their pledge stands and ours is merged into it.
 */
async function insertPledges(tx: Tx, fresh: readonly ImportedPledge[], run: ClaimedRun): Promise<{ email: string }[]> {
  const column = (pick: (p: ImportedPledge) => string | null) => textArray(fresh.map(pick));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const result = await tx.execute(sql`
    insert into pledges (name, email, postcode, region, relation, membership_number, monthly_subscription_pence,
      consent_contact, consent_data_use, consent_version, created_at, confirmed_at, withdrawn_at, import_id)
    select t.name, t.email, t.postcode, t.region, t.relation, t.membership_number, t.pence::integer,
      t.consent_contact::boolean, t.consent_data_use::boolean, t.consent_version, t.created_at::timestamptz,
      t.confirmed_at::timestamptz, t.withdrawn_at::timestamptz, ${run.importId}::uuid
    from unnest(
      ${column((p) => p.name)}::text[], ${column((p) => p.email)}::text[], ${column((p) => p.postcode)}::text[],
      ${column((p) => p.region)}::text[], ${column((p) => p.relation)}::text[], ${column((p) => p.membershipNumber)}::text[],
      ${column((p) => (p.monthlySubscriptionPence === null ? null : String(p.monthlySubscriptionPence)))}::text[],
      ${column((p) => String(p.consentContact))}::text[], ${column((p) => String(p.consentDataUse))}::text[],
      ${column((p) => p.consentVersion)}::text[], ${column((p) => iso(p.createdAt ?? run.startedAt))}::text[],
      ${column((p) => iso(p.confirmedAt))}::text[], ${column((p) => iso(p.withdrawnAt))}::text[]
    ) as t(name, email, postcode, region, relation, membership_number, pence, consent_contact, consent_data_use,
      consent_version, created_at, confirmed_at, withdrawn_at)
    on conflict (email) do nothing
    returning email`);
  return rowsOf<{ email: string }>(result);
}

/** One batch: new pledges inserted, known ones merged, counts and progress moved, all or nothing. */
async function importBatch(tx: Tx, run: ClaimedRun, batch: ImportPlan["entries"], processedAfter: number): Promise<void> {
  // A batch on a busy database may take longer than a request is allowed (decision 040).
  await allowLongStatements(tx, "2min");
  let incoming: ImportedPledge[] = [];
  let merged = 0;
  let errors = 0;
  for (const entry of batch) {
    if (entry.kind === "pledge") incoming.push(entry.pledge);
    else if (entry.kind === "duplicate") merged += 1;
    else errors += 1;
  }
  // People who asked for their data to be removed are never brought back by an old file; like a
  // duplicate, their row changes nothing.
  const erased = await erasedAmong(
    tx,
    incoming.map((p) => p.email),
  );
  if (erased.size > 0) {
    merged += incoming.filter((p) => erased.has(p.email)).length;
    incoming = incoming.filter((p) => !erased.has(p.email));
  }
  const existing = await lockExisting(
    tx,
    incoming.map((p) => p.email),
  );
  const fresh = incoming.filter((p) => !existing.has(p.email));
  const counts: PledgeCountChange[] = [];
  let inserted = 0;
  if (fresh.length > 0) {
    const written = await insertPledges(tx, fresh, run);
    const writtenEmails = new Set(written.map((w) => w.email));
    inserted = writtenEmails.size;
    for (const p of fresh) if (writtenEmails.has(p.email)) counts.push(...countsForNewPledge(p));
    const raced = fresh.filter((p) => !writtenEmails.has(p.email)).map((p) => p.email);
    for (const [email, pledge] of await lockExisting(tx, raced)) existing.set(email, pledge);
  }
  for (const p of incoming) {
    const held = existing.get(p.email);
    if (!held) continue;
    merged += 1;
    const outcome = mergeWithExisting(held, p);
    if (Object.keys(outcome.set).length > 0) await tx.update(pledges).set(outcome.set).where(eq(pledges.id, held.id));
    counts.push(...outcome.counts);
  }
  if (counts.length > 0) await applyCountChanges(tx, counts);
  const [progress] = await tx
    .update(pledgeImports)
    .set({
      processedRows: processedAfter,
      inserted: sql`${pledgeImports.inserted} + ${inserted}`,
      merged: sql`${pledgeImports.merged} + ${merged}`,
      errorCount: sql`${pledgeImports.errorCount} + ${errors}`,
    })
    .where(ownedBy(run))
    .returning({ id: pledgeImports.id });
  if (!progress) throw new RunTakenOver();
}

/**
 * The rows that could not be imported, as the organiser's file had them, with the line and the
 * problem first, so they can be fixed and imported again. Rows of people who did not agree to
 * us keeping their details are listed by line only: we may not keep those details anywhere.
 */
function errorsCsvOf(file: CsvFile, mapping: ImportMapping, plan: ImportPlan): string {
  const width = columnCount(file);
  const header = [errorsCsvHeaders.line, errorsCsvHeaders.problem, ...Array.from({ length: width }, (_, i) => columnName(file, i))];
  const records: string[][] = [header.map(csvSafe)];
  for (let i = 0; i < plan.entries.length; i++) {
    const entry = plan.entries[i]!;
    if (entry.kind !== "error") continue;
    const problem = entry.problems.map((p) => `${problemColumn(file, mapping, p.field)}: ${rowProblemMessages[p.code]}`).join("; ");
    const withheld = entry.problems.some((p) => p.code === "no_data_consent");
    const cells = withheld ? [withheldRowNote] : (file.rows[i]?.cells ?? []).map(csvSafe);
    records.push([String(entry.line), problem, ...cells]);
  }
  return stringify(records);
}

export type ErrorsCsvResult = { ok: true; csv: string; importId: string } | { ok: false; code: "not_found" | "not_finished" };

/** The errors file of a finished import, for download. Downloading personal data is recorded. */
export async function getImportErrorsCsv(db: Db, actor: Actor, importId: string): Promise<ErrorsCsvResult> {
  if (!isImportId(importId)) return { ok: false, code: "not_found" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: pledgeImports.status, errorsCsv: pledgeImports.errorsCsv, errorCount: pledgeImports.errorCount })
      .from(pledgeImports)
      .where(eq(pledgeImports.id, importId));
    if (!row) return { ok: false, code: "not_found" } as const;
    if (row.status !== "done") return { ok: false, code: "not_finished" } as const;
    await appendAudit(tx, {
      actor,
      action: "pledges.import_errors_downloaded",
      subjectType: "pledge_import",
      subjectId: importId,
      details: { rows: row.errorCount },
    });
    // The byte order mark makes Excel read the file as UTF-8 (names with accents, "£").
    return { ok: true, csv: BOM + row.errorsCsv, importId } as const;
  });
}
