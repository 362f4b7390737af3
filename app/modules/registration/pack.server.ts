/**
 * The registration pack (registration-uk.md section 7): gathers each document's data from the
 * database, and renders one document, the whole pack as one PDF, or a zip of the separate PDFs.
 * For organisers only (the routes check "registration.manage"): the officer sheets hold home
 * addresses, and they go nowhere else.
 *
 * The pack is put together from its parts' own PDFs (decision 024): the adopted constitution,
 * whose layout is most of the work, is made once per version and stored (from adoption on, see
 * `renderAfterAdoption`); the six small documents and the cover are made on the PDF worker, so
 * the server goes on answering meanwhile, and merged behind the cover. Every PDF made is kept,
 * per server, under a fingerprint of exactly what it prints (and the day it is dated):
 * downloading an unchanged pack again costs only the gathering. `preparePack` renders in the
 * background for the documents page, which shows progress while it runs.
 */
import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { zipSync } from "fflate";
import type { RankedCountReport } from "~/modules/ballots";
import { campaignFigures } from "~/modules/pledges/counts.server";
import { getMovement } from "~/modules/campaign/campaign.server";
import { adoptedConstitutionRender, constitutionPdfData, forgetAdoptedConstitutionPdfs, renderAdoptedConstitution } from "~/modules/constitution/documents.server";
import { latestVersion } from "~/modules/constitution/round.server";
import { fileSlug } from "~/modules/documents/format";
import { packMessages } from "~/modules/documents/registration/messages";
import { packDocuments, type PackDocument } from "~/modules/documents/registration/documents";
import { assemblePack, type PackPart } from "~/modules/documents/registration/merge.server";
import type { PackData } from "~/modules/documents/registration/pack";
import type { FoundingRecordData, PollRecord } from "~/modules/documents/registration/types";
import { renderInWorker } from "~/modules/documents/render-worker.server";
import type { WorkerDocumentData } from "~/modules/documents/worker-documents";
import { currentElection, listPositions } from "~/modules/elections/elections.server";
import { foundingFigures } from "~/modules/founding/founding.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import type { DbOrTx } from "~/utils/db.server";
import { officerDetails, pledges, polls, users, voteItems, votingRounds } from "../../../db/schema";
import { financialSchemeState, packPartyName } from "./financial-scheme.server";
import { roleDeclarations } from "./messages";
import { loadReadiness } from "./readiness.server";
import { describeCheck, groupHeading } from "./readiness-messages";
import { listEmblems, loadDraft, registeredOfficers } from "./registration.server";

// ---------------------------------------------------------------------------------------------
// Gathering
// ---------------------------------------------------------------------------------------------

type Poll = typeof polls.$inferSelect;

function pollRecord(poll: Poll, elected?: string[]): PollRecord {
  const result = poll.result as PollResult | null;
  const yesNo = result?.kind === "yes-no" ? { ...result.result.tally, passed: result.result.passed } : null;
  const ranked = result?.kind === "ranked" ? (result.report as RankedCountReport).elected : null;
  return {
    title: poll.title,
    method: poll.method,
    status: poll.status,
    openedAt: poll.openedAt,
    closedAt: poll.closedAt,
    rollSize: poll.rollSize,
    ballots: poll.ballotCount,
    chainHead: poll.chainHead,
    yesNo: yesNo ? { yes: yesNo.yes, no: yesNo.no, abstain: yesNo.abstain, passed: yesNo.passed } : null,
    elected: elected ?? (poll.method === "yes-no" ? null : [...(ranked ?? [])]),
  };
}

async function pollsById(db: DbOrTx, ids: readonly (string | null | undefined)[]): Promise<Map<string, Poll>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(polls).where(inArray(polls.id, wanted));
  return new Map(rows.map((p) => [p.id, p]));
}

async function foundingRecord(db: DbOrTx, common: { partyName: string; generatedAt: Date }): Promise<FoundingRecordData> {
  const [movement, figures, founding, [made], version, election] = await Promise.all([
    getMovement(db),
    campaignFigures(db),
    foundingFigures(db),
    db.select({ n: count() }).from(pledges).where(isNull(pledges.erasedAt)),
    latestVersion(db),
    currentElection(db),
  ]);
  const positions = election ? await listPositions(db, election.id) : [];
  const questions = version
    ? await db
        .select({ title: polls.title, ballots: polls.ballotCount, chainHead: polls.chainHead, round: votingRounds.number, position: voteItems.position })
        .from(voteItems)
        .innerJoin(polls, eq(polls.id, voteItems.pollId))
        .innerJoin(votingRounds, eq(votingRounds.id, voteItems.roundId))
        .where(and(eq(votingRounds.draftId, version.record.draftId), eq(polls.status, "closed")))
        .orderBy(asc(votingRounds.number), asc(voteItems.position))
    : [];
  const byId = await pollsById(db, [movement?.decisionPollId, movement?.standingOrdersPollId, version?.record.adoptionVote.pollId, ...positions.map((p) => p.pollId)]);
  const poll = (id: string | null | undefined) => (id ? (byId.get(id) ?? null) : null);
  return {
    ...common,
    campaign: { pledgesMade: made?.n ?? 0, confirmed: figures.pledged, withdrawn: figures.withdrawn, subscriptionsPence: figures.subscriptionsPence },
    decision: ((p) => (p ? pollRecord(p) : null))(poll(movement?.decisionPollId)),
    founding: { invited: founding.invited, accepted: founding.accepted },
    standingOrders: ((p) => (p ? pollRecord(p) : null))(poll(movement?.standingOrdersPollId)),
    constitution: version
      ? {
          version: version.number,
          adoptedAt: version.adoptedAt,
          clauses: version.record.clauses.map((c) => ({ title: c.title, decision: c.decision, yes: c.yes, no: c.no, abstain: c.abstain })),
          questions: questions.map((q) => ({ title: q.title, ballots: q.ballots, chainHead: q.chainHead })),
          adoptionVote: ((p) => (p ? pollRecord(p) : null))(poll(version.record.adoptionVote.pollId)),
        }
      : null,
    elections: positions.map((p) => {
      const elected = (p.elected ?? []).map((e) => e.name);
      const record = poll(p.pollId);
      return { position: p.title, declaredAt: p.declaredAt, elected, poll: record ? pollRecord(record, p.declaredAt ? elected : undefined) : null };
    }),
  };
}

/** Everything the pack prints, as of `now`. */
export async function packData(db: DbOrTx, now: Date = new Date()): Promise<PackData> {
  const draft = await loadDraft(db);
  const d = draft.details;
  const [scheme, officers, emblems, version] = await Promise.all([financialSchemeState(db), registeredOfficers(db), listEmblems(db), latestVersion(db)]);
  const common = { partyName: scheme.partyName, generatedAt: now };
  const people = [...new Set(officers.map((o) => o.userId))];
  const privateRows = people.length ? await db.select().from(officerDetails).where(inArray(officerDetails.userId, people)) : [];
  const byUser = new Map(privateRows.map((r) => [r.userId, r]));
  const additionalId = d.additionalOfficer?.userId;
  const [additional] = additionalId ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, additionalId)) : [];
  let checks: PackData["readiness-checklist"]["groups"] = null;
  try {
    const all = await loadReadiness(db);
    const groups = [...new Set(all.map((c) => c.group))];
    checks = groups.map((group) => ({
      heading: groupHeading(group),
      checks: all.filter((c) => c.group === group).map((c) => ({ status: c.status, ...describeCheck(c) })),
    }));
  } catch (error) {
    console.error("registration pack: readiness checks failed:", error);
  }
  const constitution = version ? await constitutionPdfData(db, { version: version.number, now }) : null;
  return {
    ...common,
    "application-summary": {
      ...common,
      details: d,
      officers: officers.map((o) => ({ role: o.role, name: byUser.get(o.userId)?.fullName || o.name })),
      emblems: emblems.map((e) => ({ slot: e.slot, fileName: e.fileName, width: e.inspection.width, height: e.inspection.height })),
      additionalOfficerName: additional?.name ?? null,
    },
    "officer-sheets": {
      ...common,
      officers: people.map((userId) => {
        const row = byUser.get(userId);
        const held = officers.filter((o) => o.userId === userId);
        return {
          name: held[0]?.name ?? "",
          fullName: row?.fullName.trim() || null,
          homeAddress: row?.homeAddress.trim() || null,
          email: row?.email.trim() || null,
          roles: held.map((o) => {
            const at = row?.confirmations[o.role];
            return { role: o.role, declaration: roleDeclarations[o.role], confirmedAt: at ? new Date(at) : null };
          }),
        };
      }),
    },
    constitution: constitution ? { ...constitution, partyName: common.partyName } : null,
    "financial-scheme": { ...common, text: scheme.text, edited: scheme.edited, treasurerName: scheme.treasurerName },
    "assets-and-liabilities": { ...common, partyType: d.partyType, withinThreshold: d.assetsWithinThreshold, record: d.assetsRecord, treasurerName: scheme.treasurerName },
    "founding-record": await foundingRecord(db, common),
    "readiness-checklist": { ...common, groups: checks },
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering, cached
// ---------------------------------------------------------------------------------------------

/**
 * What a document prints, as a short key: its data without the generation time, plus the UK day
 * it is dated. The same key means the same PDF, so it can be served again.
 */
export function fingerprint(kind: string, data: unknown, generatedAt: Date): string {
  const day = generatedAt.toLocaleDateString("en-GB", { timeZone: "Europe/London" });
  const json = JSON.stringify(data, (key, value: unknown) => (key === "generatedAt" ? undefined : value));
  return `${kind}:${day}:${createHash("sha256").update(json).digest("hex")}`;
}

const recent = new Map<string, Promise<Buffer>>();
const KEEP = 20;

/**
 * The PDF for `key`, rendering it once however many ask at the same moment (a second request
 * waits for the first render rather than starting its own). A failed render is forgotten.
 */
function cachedRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const hit = recent.get(key);
  if (hit) return hit;
  const pending = render();
  recent.set(key, pending);
  pending.catch(() => recent.delete(key));
  if (recent.size > KEEP) recent.delete(recent.keys().next().value as string);
  return pending;
}

/** Whether the PDF for `key` is ready now (rendered, not rendering). */
const ready = new Set<string>();

function track(key: string, pdf: Promise<Buffer>): Promise<Buffer> {
  return pdf.then((bytes) => {
    ready.add(key);
    if (ready.size > KEEP * 2) ready.delete(ready.values().next().value as string);
    return bytes;
  });
}

/** A part's PDF, made on the PDF worker (the server goes on answering meanwhile) and kept by fingerprint. */
function smallDocument<N extends Exclude<PackDocument, "constitution"> | "pack-no-constitution">(doc: N, data: WorkerDocumentData<N>, generatedAt: Date): Promise<Buffer> {
  const key = fingerprint(doc, data, generatedAt);
  return track(key, cachedRender(key, () => renderInWorker(doc, data)));
}

/**
 * A part's PDF. The adopted constitution is made once per version and stored
 * (constitution/documents.server.ts, decision 024), whatever day the pack is made; before one is
 * adopted, the part is a page saying so (`placeholder`), or nothing for the separate document.
 */
function documentBytes(db: DbOrTx, doc: PackDocument, data: PackData, options: { placeholder: boolean }): Promise<Buffer> | null {
  switch (doc) {
    case "constitution":
      if (data.constitution) return adoptedConstitutionRender(db, data.constitution);
      return options.placeholder ? smallDocument("pack-no-constitution", { partyName: data.partyName, generatedAt: data.generatedAt }, data.generatedAt) : null;
    case "application-summary":
    case "officer-sheets":
    case "financial-scheme":
    case "assets-and-liabilities":
    case "founding-record":
    case "readiness-checklist":
      return smallDocument(doc, data[doc] as never, data.generatedAt);
  }
}

export function documentFileName(partyName: string, doc: PackDocument): string {
  const number = packDocuments.indexOf(doc) + 1;
  return `${String(number).padStart(2, "0")}-${fileSlug(`${partyName} ${packMessages.documents[doc]?.title ?? doc}`)}.pdf`;
}

export function packFileName(partyName: string, kind: "pdf" | "zip"): string {
  return `${fileSlug(`${partyName} registration pack`)}.${kind}`;
}

export interface PackFile {
  bytes: Buffer | Uint8Array;
  fileName: string;
}

/** One document as its own PDF; null for the constitution before one is adopted. */
export async function renderDocument(db: DbOrTx, doc: PackDocument, data?: PackData): Promise<PackFile | null> {
  const d = data ?? (await packData(db));
  const pending = documentBytes(db, doc, d, { placeholder: false });
  if (!pending) return null;
  return { bytes: await pending, fileName: documentFileName(d.partyName, doc) };
}

function packKey(data: PackData): string {
  return fingerprint("pack", data, data.generatedAt);
}

/**
 * Every part's PDF, in the pack's order. Asked for all at once: the worker makes them one after
 * another, and the kept constitution costs nothing.
 */
function packParts(db: DbOrTx, data: PackData): Promise<PackPart[]> {
  return Promise.all(
    packDocuments.map(async (doc) => ({
      doc,
      title: doc === "constitution" ? data.constitution?.title : undefined,
      bytes: new Uint8Array(await documentBytes(db, doc, data, { placeholder: true })!),
    })),
  );
}

/** The whole pack as one PDF: a cover with the contents, then each part with its own page numbers. */
export async function renderPack(db: DbOrTx, data?: PackData): Promise<PackFile> {
  const d = data ?? (await packData(db));
  const key = packKey(d);
  const common = { partyName: d.partyName, generatedAt: d.generatedAt };
  const made = async () => Buffer.from(await assemblePack(common, await packParts(db, d), (cover) => renderInWorker("pack-cover", cover)));
  const bytes = await track(key, cachedRender(key, made));
  return { bytes, fileName: packFileName(d.partyName, "pdf") };
}

/** The separate PDFs in one zip, numbered in the pack's order: the very parts of the one PDF. PDFs are compressed already: stored as they are. */
export async function renderPackZip(db: DbOrTx, data?: PackData): Promise<PackFile> {
  const d = data ?? (await packData(db));
  const files: Record<string, Uint8Array> = {};
  const made = await Promise.all(packDocuments.map((doc) => renderDocument(db, doc, d)));
  for (const file of made) if (file) files[file.fileName] = new Uint8Array(file.bytes);
  return { bytes: zipSync(files, { level: 0, mtime: d.generatedAt }), fileName: packFileName(d.partyName, "zip") };
}

/**
 * Makes the newly adopted version's PDF at once, in the background, as /constitution.pdf and as
 * the pack prints it (under the registered name, when the organisers have given one), so that
 * neither download waits for the long layout. Called after adoption; failures are only logged.
 */
export async function renderAfterAdoption(db: DbOrTx, version: number): Promise<void> {
  try {
    const partyName = await packPartyName(db);
    await renderAdoptedConstitution(db, version);
    await renderAdoptedConstitution(db, version, { partyName });
  } catch (error) {
    console.error(`constitution version ${version}: rendering after adoption failed:`, error);
  }
}

export type PackStatus = "ready" | "rendering" | "not-started" | "failed";

const failures = new Map<string, string>();

/**
 * Starts rendering the whole pack (the PDF and every document) in the background and returns at
 * once, for the documents page's "Prepare the pack" button; `packStatus` then tells how it goes.
 */
export async function preparePack(db: DbOrTx): Promise<PackStatus> {
  const d = await packData(db);
  const key = packKey(d);
  if (ready.has(key)) return "ready";
  failures.delete(key);
  void renderPack(db, d)
    .then(() => renderPackZip(db, d))
    .catch((error: unknown) => {
      console.error("registration pack failed:", error);
      failures.set(key, String(error));
    });
  return "rendering";
}

/** How the pack of the current data stands on this server. */
export async function packStatus(db: DbOrTx): Promise<PackStatus> {
  const d = await packData(db);
  const key = packKey(d);
  if (failures.has(key)) return "failed";
  if (ready.has(key)) return "ready";
  return recent.has(key) ? "rendering" : "not-started";
}

/**
 * Forgets the pack and its small parts made on this server, for the benchmark's cold runs and
 * tests; `constitution: true` forgets the adopted-constitution PDFs kept in memory too, as a
 * restart would (the stored ones in rendered_documents stay).
 */
export function clearPackCache(options: { constitution?: boolean } = {}): void {
  recent.clear();
  ready.clear();
  failures.clear();
  if (options.constitution) forgetAdoptedConstitutionPdfs();
}
