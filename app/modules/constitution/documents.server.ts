/**
 * The constitution's printable documents: the text with line numbers (and, once adopted, its
 * adoption record), and the amendments book with supporters and the committee's advice.
 */
import { createHash } from "node:crypto";
import { describeFailure } from "~/utils/errors";
import { eq } from "drizzle-orm";
import { getMovement } from "~/modules/campaign/campaign.server";
import type { AmendmentsPdfData } from "~/modules/constitution/pdf/amendments";
import type { ConstitutionPdfData } from "~/modules/constitution/pdf/constitution";
import { fileSlug } from "~/modules/documents/format";
import { renderInWorker } from "~/modules/documents/render-worker.server";
import { amendmentsTemplate, constitutionTemplate } from "./pdf/worker-templates";
import type { DbOrTx } from "~/utils/db.server";
import { londonDay } from "~/utils/london-time";
import { renderedDocuments } from "../../../db/schema";
import { amendmentEffect } from "./amendment-view";
import { modelClauses } from "./draft.server";
import { amendedDocument, currentDraft, listAmendments, originalDocument, supporterNames } from "./drafting.server";
import { amendmentKindLabels, amendmentStatusLabels } from "./messages";
import { amendmentsPdfMessages } from "./pdf/messages";
import { shownText } from "./shown-text";
import { latestVersion, versionByNumber } from "./round.server";

async function movementName(db: DbOrTx): Promise<string> {
  return (await getMovement(db))?.name ?? "Breakaway";
}

/**
 * The text readers see at /constitution: the adopted version when the current draft has been
 * adopted (or a given version), otherwise the draft as amended so far, or the model.
 */
export async function constitutionPdfData(db: DbOrTx, options: { version?: number; now?: Date } = {}): Promise<ConstitutionPdfData | null> {
  const generatedAt = options.now ?? new Date();
  const partyName = await movementName(db);
  const draft = await currentDraft(db);
  const version = options.version !== undefined ? await versionByNumber(db, options.version) : await latestVersion(db);
  if (options.version !== undefined && !version) return null;
  const showVersion = version && (options.version !== undefined || (draft && draft.adoptedVersion === version.number));
  if (showVersion) {
    const r = version.record;
    return {
      partyName,
      title: `Constitution, version ${version.number}`,
      status: "adopted",
      generatedAt,
      lineWidth: draft?.lineWidth ?? 80,
      clauses: version.clauses.map((c, i) => ({ number: i + 1, id: c.id, title: c.title, entrenched: c.entrenched, text: c.text })),
      adoption: {
        version: version.number,
        adoptedAt: version.adoptedAt,
        rounds: r.rounds.map((x) => ({ number: x.number, openedAt: new Date(x.openedAt), closedAt: new Date(x.closedAt), rollSize: x.rollSize })),
        clauses: r.clauses.map((c) => ({ title: c.title, decision: c.decision, yes: c.yes, no: c.no, abstain: c.abstain, majority: c.majority })),
        adoptionVote: {
          rollSize: r.adoptionVote.rollSize,
          turnout: r.adoptionVote.turnout,
          yes: r.adoptionVote.yes,
          no: r.adoptionVote.no,
          abstain: r.adoptionVote.abstain,
          majority: r.adoptionVote.majority,
          chainHead: r.adoptionVote.chainHead,
        },
      },
    };
  }
  const clauses = draft
    ? (await amendedDocument(db, draft.id)).amended.clauses.map((c) => ({ id: c.id, title: c.title, entrenched: c.entrenched, text: c.text }))
    : (await modelClauses()).map((c) => ({ id: c.id, title: c.title, entrenched: c.entrenched, text: c.body }));
  return {
    partyName,
    title: "Constitution (draft)",
    status: "draft",
    generatedAt,
    lineWidth: draft?.lineWidth ?? 80,
    clauses: clauses.map((c, i) => ({ number: i + 1, ...c })),
    adoption: null,
  };
}

/**
 * A long text takes react-pdf seconds to lay out (on the PDF worker, so other requests go on
 * being answered), and the PDF is public: the last few made are kept while nothing in them
 * changes (text, record, or the day they are dated), and people who ask while one is being made
 * wait for that one, so a rush of downloads costs one render. Per server, nothing shared;
 * losing it costs only time.
 */
const recent = new Map<string, Buffer>();
const making = new Map<string, Promise<Buffer>>();
export async function cachedRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const hit = recent.get(key);
  if (hit) return hit;
  const inFlight = making.get(key);
  if (inFlight) return inFlight;
  const made = render()
    .then((pdf) => {
      recent.set(key, pdf);
      if (recent.size > 4) recent.delete(recent.keys().next().value as string);
      return pdf;
    })
    .finally(() => making.delete(key));
  making.set(key, made);
  return made;
}

/**
 * An adopted version never changes (constitution_versions is append-only), so its PDF is made
 * once and stored in `rendered_documents`, for /constitution.pdf and for the registration pack,
 * whose constitution part it is (decision 024): a restarted server, or a second one, reads the
 * stored bytes instead of laying the version out again. Kept under the version and a hash of
 * everything it prints but the date, so a pack that names the party differently gets its own
 * copy; the date printed is the day it was first made (usually the day of adoption, see
 * renderAdoptedConstitution). The last few are also kept in memory in front of the table, and
 * people who ask while one is being made wait for that one. Drafts are never stored.
 */
const adoptedPdfs = new Map<string, Promise<Buffer>>();
const KEEP_ADOPTED = 8;
let adoptedRenders = 0;

function adoptedKey(data: ConstitutionPdfData): string {
  const { generatedAt: _dated, ...content } = data;
  return `constitution:${data.adoption?.version ?? "?"}:${createHash("sha256").update(JSON.stringify(content)).digest("hex")}`;
}

async function storedOrRendered(db: DbOrTx, key: string, data: ConstitutionPdfData): Promise<Buffer> {
  const [stored] = await db.select({ pdf: renderedDocuments.pdf }).from(renderedDocuments).where(eq(renderedDocuments.key, key));
  if (stored) return Buffer.from(stored.pdf);
  adoptedRenders += 1;
  const pdf = await renderInWorker(constitutionTemplate, data);
  // Two servers may make it at the same moment: both PDFs say the same, the first one stays.
  // Failing to store costs only a later render, so the download goes on.
  await db
    .insert(renderedDocuments)
    .values({ key, pdf })
    .onConflictDoNothing()
    .catch((error: unknown) => console.error(`${key}: storing the PDF failed: ${describeFailure(error)}`));
  return pdf;
}

export function adoptedConstitutionRender(db: DbOrTx, data: ConstitutionPdfData): Promise<Buffer> {
  if (data.status !== "adopted" || !data.adoption) throw new Error("only an adopted version's PDF is kept");
  const key = adoptedKey(data);
  const kept = adoptedPdfs.get(key);
  if (kept) return kept;
  const made = storedOrRendered(db, key, data);
  adoptedPdfs.set(key, made);
  made.catch(() => adoptedPdfs.delete(key));
  if (adoptedPdfs.size > KEEP_ADOPTED) adoptedPdfs.delete(adoptedPdfs.keys().next().value as string);
  return made;
}

/** How many adopted-constitution PDFs this server has laid out (not read from the table): for tests and the benchmark. */
export function adoptedConstitutionRenders(): number {
  return adoptedRenders;
}

/**
 * Forgets the adopted-constitution PDFs kept in memory, as a restart would (the stored ones stay):
 * for the benchmark's cold runs and tests.
 */
export function forgetAdoptedConstitutionPdfs(): void {
  adoptedPdfs.clear();
}

/** Makes the adopted version's PDF now (on the PDF worker), so the first download need not wait. */
export async function renderAdoptedConstitution(db: DbOrTx, version: number, options: { partyName?: string } = {}): Promise<void> {
  const d = await constitutionPdfData(db, { version });
  if (d) await adoptedConstitutionRender(db, options.partyName ? { ...d, partyName: options.partyName } : d);
}

function keyOf(kind: string, data: { generatedAt: Date }): string {
  const { generatedAt, ...rest } = data;
  return `${kind}:${londonDay(generatedAt)}:${JSON.stringify(rest)}`;
}

export async function constitutionPdf(db: DbOrTx, options: { version?: number } = {}) {
  const d = await constitutionPdfData(db, options);
  if (!d) return null;
  const pdf =
    d.status === "adopted"
      ? await adoptedConstitutionRender(db, d)
      : await cachedRender(keyOf("constitution", d), () => renderInWorker(constitutionTemplate, d));
  return { pdf, fileName: `${fileSlug(`${d.partyName} ${d.title}`)}.pdf` };
}

export async function amendmentsPdfData(db: DbOrTx, now: Date = new Date()): Promise<AmendmentsPdfData | null> {
  const draft = await currentDraft(db);
  if (!draft) return null;
  const original = await originalDocument(db, draft.id);
  const list = await listAmendments(db, draft.id);
  const names = await supporterNames(
    db,
    list.map((a) => a.id),
  );
  const numbers = new Map(original.clauses.map((c, i) => [c.id, i + 1]));
  return {
    partyName: await movementName(db),
    generatedAt: now,
    draftLabel: amendmentsPdfMessages.draftLabel(draft.baseVersion),
    supportersNeeded: draft.supportersNeeded,
    amendments: list.map((a) => {
      const effect = amendmentEffect(original, a.engine);
      // Cut as the pages cut them (shown-text.ts): the book is built on the main thread.
      const reason = shownText(a.reason, "reason");
      const advice = a.recommendation ? shownText(a.recommendation.reasons, "recommendationReasons") : null;
      const compromise = a.recommendation?.compromiseText ? shownText(a.recommendation.compromiseText, "clauseText") : null;
      const notes = [effect.note, ...effect.cut, reason.cut, advice?.cut ?? null, compromise?.cut ?? null].filter((n): n is string => n !== null);
      return {
        number: a.number,
        clauseNumber: numbers.get(a.clauseId) ?? null,
        clauseTitle: original.clauses.find((c) => c.id === a.clauseId)?.title ?? effect.clauseTitle,
        kindLabel: amendmentKindLabels[a.operation.kind] ?? a.operation.kind,
        proposer: a.proposer,
        byCommittee: a.byCommittee,
        reason: [reason.text, ...notes].join("\n\n"),
        status: amendmentStatusLabels[a.status],
        undecided: a.status === "open" || a.status === "undecided",
        supporters: names.get(a.id) ?? [],
        before: effect.before,
        after: effect.after,
        recommendation:
          a.recommendation && advice
            ? { ...a.recommendation, reasons: advice.text, compromiseText: compromise ? compromise.text : a.recommendation.compromiseText }
            : null,
      };
    }),
  };
}

export async function amendmentsPdf(db: DbOrTx) {
  const d = await amendmentsPdfData(db);
  if (!d) return null;
  const pdf = await cachedRender(keyOf("amendments", d), () => renderInWorker(amendmentsTemplate, d));
  return { pdf, fileName: `${fileSlug(`${d.partyName} amendments`)}.pdf` };
}
