/**
 * The registration pack (registration-uk.md section 7): gathers each document's data from the
 * database, and renders one document, the whole pack as one PDF, or a zip of the separate PDFs.
 * For organisers only (the routes check "registration.manage"): the officer sheets hold home
 * addresses, and they go nowhere else.
 *
 * The pack is put together from its parts' own PDFs (decision 024): the adopted constitution,
 * whose layout is most of the work, is made once per version and stored (from adoption on, see
 * `renderAfterAdoption`); the six small documents and the cover are made on the PDF worker, so
 * the server goes on answering meanwhile, and merged behind the cover. The pack (its PDF and its
 * zip) is made once for all app servers and stored in `registration_packs` under a fingerprint of
 * exactly what it prints (and the day it is dated), with how its preparation stands, so any server
 * serves it and answers the documents page's progress poll; each part is also kept in memory,
 * per server. Downloading an unchanged pack again costs only the gathering. `preparePack` renders
 * in the background for the documents page, which shows progress while it runs.
 */
import { createHash, randomUUID } from "node:crypto";
import { innermostCause, describeFailure } from "~/utils/errors";
import { and, asc, count, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { zipSync } from "fflate";
import type { RankedCountReport } from "~/modules/ballots";
import { campaignFigures } from "~/modules/pledges/counts.server";
import { getMovement } from "~/modules/campaign/campaign.server";
import {
  adoptedConstitutionRender,
  constitutionPdfData,
  forgetAdoptedConstitutionPdfs,
  renderAdoptedConstitution,
} from "~/modules/constitution/documents.server";
import { latestVersion } from "~/modules/constitution/round.server";
import { fileSlug } from "~/modules/documents/format";
import { foundingRecordMessages, packMessages } from "~/modules/registration/pdf/messages";
import { packDocuments, type PackDocument } from "~/modules/registration/pdf/documents";
import { assemblePack, type PackPart } from "~/modules/registration/pdf/merge.server";
import type { PackData } from "~/modules/registration/pdf/pack";
import type { FoundingRecordData, PollRecord, RecordedStep } from "~/modules/registration/pdf/types";
import { renderInWorker } from "~/modules/documents/render-worker.server";
import { registrationTemplate, registrationTemplates, type RegistrationTemplateData } from "./pdf/worker-templates";
import { electionChain, listPositions } from "~/modules/elections/current-election.server";
import { recountsOf } from "~/modules/elections/recovery.server";
import { foundingFigures } from "~/modules/founding/founding.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import type { DbOrTx } from "~/utils/db.server";
import { londonDay } from "~/utils/london-time";
import { auditLog, officerDetails, pledges, polls, registrationPacks, users, voteItems, votingRounds } from "../../../db/schema";
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

async function foundingRecord(db: DbOrTx, common: { partyName: string; generatedAt: Date }, schemePollId: string | null): Promise<FoundingRecordData> {
  const [movement, figures, founding, [made], version, chain] = await Promise.all([
    getMovement(db),
    campaignFigures(db),
    foundingFigures(db),
    db.select({ n: count() }).from(pledges).where(isNull(pledges.erasedAt)),
    latestVersion(db),
    electionChain(db),
  ]);
  // The first election and every round of re-opened nominations after it, in that order.
  const positions = (await Promise.all(chain.map((e) => listPositions(db, e.id)))).flat();
  const recountRows = await recountsOf(
    db,
    positions.map((p) => p.id),
  );
  const questions = version
    ? await db
        .select({ title: polls.title, ballots: polls.ballotCount, chainHead: polls.chainHead, round: votingRounds.number, position: voteItems.position })
        .from(voteItems)
        .innerJoin(polls, eq(polls.id, voteItems.pollId))
        .innerJoin(votingRounds, eq(votingRounds.id, voteItems.roundId))
        .where(and(eq(votingRounds.draftId, version.record.draftId), eq(polls.status, "closed")))
        .orderBy(asc(votingRounds.number), asc(voteItems.position))
    : [];
  const failedAdoptions = (version?.record.failedAdoptionVotes ?? []).map((f) => f.pollId);
  const byId = await pollsById(db, [
    movement?.decisionPollId,
    movement?.standingOrdersPollId,
    version?.record.adoptionVote.pollId,
    ...failedAdoptions,
    schemePollId,
    ...positions.map((p) => p.pollId),
  ]);
  const poll = (id: string | null | undefined) => (id ? (byId.get(id) ?? null) : null);
  return {
    ...common,
    campaign: { pledgesMade: made?.n ?? 0, confirmed: figures.pledged, withdrawn: figures.withdrawn, subscriptionsPence: figures.subscriptionsPence },
    decision: ((p) => (p ? pollRecord(p) : null))(poll(movement?.decisionPollId)),
    founding: { invited: founding.invited, accepted: founding.accepted, left: founding.left },
    standingOrders: ((p) => (p ? pollRecord(p) : null))(poll(movement?.standingOrdersPollId)),
    constitution: version
      ? {
          version: version.number,
          adoptedAt: version.adoptedAt,
          clauses: version.record.clauses.map((c) => ({ title: c.title, decision: c.decision, yes: c.yes, no: c.no, abstain: c.abstain })),
          questions: questions.map((q) => ({ title: q.title, ballots: q.ballots, chainHead: q.chainHead })),
          adoptionVote: ((p) => (p ? pollRecord(p) : null))(poll(version.record.adoptionVote.pollId)),
          failedAdoptionVotes: failedAdoptions.flatMap((id) => ((p) => (p ? [pollRecord(p)] : []))(poll(id))),
        }
      : null,
    financialScheme: ((p) => (p ? pollRecord(p) : null))(poll(schemePollId)),
    elections: positions.map((p) => {
      const elected = (p.elected ?? []).map((e) => e.name);
      const record = poll(p.pollId);
      const recounts = recountRows
        .filter((r) => r.positionId === p.id)
        .map((r) => ({
          at: r.recountedAt,
          reason: r.reason,
          outcome: r.outcome,
          previous: r.previousElected.map((e) => e.name),
          previousDeclaredAt: r.previousDeclaredAt,
          elected: r.elected.map((e) => e.name),
        }));
      return {
        position: p.fillsPositionId ? foundingRecordMessages.reopenedPosition(p.title) : p.title,
        declaredAt: p.declaredAt,
        elected,
        poll: record ? pollRecord(record, p.declaredAt ? elected : undefined) : null,
        recounts,
      };
    }),
    recordedSteps: await recordedSteps(db),
  };
}

/**
 * The audit actions the founding record lists as corrections and recorded steps, and how each
 * reads back (decision 028). Other kinds (a recount, a failed adoption) are added here.
 */
const recordedStepKinds: Record<string, (d: Record<string, unknown>, subject: string) => Omit<RecordedStep, "at" | "kind">> = {
  "campaign.deadline_extended": (d) => ({ subject: "", reason: String(d.reason ?? ""), from: dateOf(d.from), to: dateOf(d.to) }),
  "poll.cancelled": (d) => ({ subject: String(d.title ?? ""), reason: String(d.reason ?? ""), from: null, to: null }),
  "poll.closing_extended": (d) => ({ subject: String(d.title ?? ""), reason: String(d.reason ?? ""), from: dateOf(d.from), to: dateOf(d.to) }),
  "constitution.round_extended": (d) => ({
    subject: `Voting round ${String(d.round ?? "")}`,
    reason: String(d.reason ?? ""),
    from: dateOf(d.from),
    to: dateOf(d.to),
  }),
  "founding.invitation_withdrawn": (d) => ({ subject: "", reason: String(d.reason ?? ""), from: null, to: null }),
};
const stepKindOf: Record<string, RecordedStep["kind"]> = {
  "campaign.deadline_extended": "deadline_extended",
  "poll.cancelled": "poll_cancelled",
  "poll.closing_extended": "poll_extended",
  "constitution.round_extended": "round_extended",
  "founding.invitation_withdrawn": "invitation_withdrawn",
};
const dateOf = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

/** The corrections on the record, oldest first, from the audit log. */
export async function recordedSteps(db: DbOrTx): Promise<RecordedStep[]> {
  const rows = await db
    .select({ action: auditLog.action, at: auditLog.at, details: auditLog.details, subjectId: auditLog.subjectId })
    .from(auditLog)
    .where(inArray(auditLog.action, Object.keys(recordedStepKinds)))
    .orderBy(asc(auditLog.id));
  return rows.flatMap((r) => {
    const read = recordedStepKinds[r.action];
    const kind = stepKindOf[r.action];
    return read && kind ? [{ kind, at: r.at, ...read(r.details, r.subjectId) }] : [];
  });
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
    console.error(`registration pack: readiness checks failed: ${describeFailure(error)}`);
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
    "assets-and-liabilities": {
      ...common,
      partyType: d.partyType,
      withinThreshold: d.assetsWithinThreshold,
      record: d.assetsRecord,
      treasurerName: scheme.treasurerName,
    },
    // Only the ballot that adopted the scheme as it stands: an edited scheme has no ballot to show.
    "founding-record": await foundingRecord(db, common, scheme.adoptedPollId),
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
  const day = londonDay(generatedAt);
  const json = JSON.stringify(data, (key, value: unknown) => (key === "generatedAt" ? undefined : value));
  return `${kind}:${day}:${createHash("sha256").update(json).digest("hex")}`;
}

const recent = new Map<string, Promise<Buffer>>();
const KEEP = 20;

/**
 * A part's PDF for `key`, rendering it once however many ask at the same moment on this server
 * (a second request waits for the first render rather than starting its own). Per server, an
 * optimisation only: the pack itself is shared through the database (below). A failed render is
 * forgotten.
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

/** A part's PDF, made on the PDF worker (the server goes on answering meanwhile) and kept by fingerprint. */
function smallDocument<N extends Exclude<PackDocument, "constitution"> | "pack-no-constitution">(
  doc: N,
  data: RegistrationTemplateData<N>,
  generatedAt: Date,
): Promise<Buffer> {
  const key = fingerprint(doc, data, generatedAt);
  return cachedRender(key, () => renderInWorker(registrationTemplate(doc), data));
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

/**
 * Raised whenever a build changes what a pack looks like for the same data (2: bookmarks for each
 * part's sections), so that packs stored by an older build are made again, not served as they are.
 */
const PACK_FORMAT = 2;

function packKey(data: PackData): string {
  return fingerprint(`pack-v${PACK_FORMAT}`, data, data.generatedAt);
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

/**
 * The separate PDFs in one zip, numbered in the pack's order: the very parts of the one PDF
 * (without the constitution's placeholder page before one is adopted, as for the single
 * document). PDFs are compressed already: stored as they are.
 */
function packZip(data: PackData, parts: readonly PackPart[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const part of parts) if (part.doc !== "constitution" || data.constitution) files[documentFileName(data.partyName, part.doc)] = part.bytes;
  return zipSync(files, { level: 0, mtime: data.generatedAt });
}

// ---------------------------------------------------------------------------------------------
// The pack, prepared once for every server (decision 024, update 2)
// ---------------------------------------------------------------------------------------------
//
// The truth about a pack (rendering since when, ready with its PDF and zip, or failed and why)
// is the `registration_packs` row of its key, so that every app server behind a load balancer
// answers the same, and a pack made by one is downloaded from any other. A server claims a key
// with one statement, `insert … on conflict (key) do update … where` the row is failed or its
// render stale, `returning` the claim: PostgreSQL serialises the two inserts on the key's
// unique index, so of two servers asked at once exactly one gets its claim back and renders;
// the other waits for the row. We chose a claim row over an advisory lock because the status
// poll needs a row to read anyway (a lock is seen only by the session holding it, and would
// have to be held on one pooled connection, or in an open transaction, for the seconds a render
// takes), and because a row says since when: a claim older than `STALE_AFTER_SECONDS` belongs to
// a server that died mid-render and is taken over. Only the holder of the current claim records
// the outcome. What is kept in memory below only lets simultaneous requests on one server share
// one render, and saves reading the bytes again while the row says the copy held is current:
// an optimisation, never the truth.

/** A render claimed longer ago than this is taken to belong to a server that stopped: it may be started again. */
export const STALE_AFTER_SECONDS = 180;
const stale = sql.raw(`now() - interval '${STALE_AFTER_SECONDS} seconds'`);
const WAIT_STEP_MS = 250;

interface PreparedPack {
  /** The claim it was made under: a copy kept in memory is served only while the row is ready under it. */
  claim: string;
  pdf: Buffer;
  zip: Uint8Array;
}

/** Packs this server is fetching or making now, shared by the requests that ask meanwhile. */
const pendingHere = new Map<string, Promise<PreparedPack>>();
/** The last few packs this server made or read, so as not to read the bytes again while the row says they are current. */
const keptHere = new Map<string, PreparedPack>();
const KEEP_PACKS = 4;
let packsMade = 0;

/** Claims the pack of `key` for this server: the claim, or null when another server holds a live one or the pack is ready. */
async function claimPack(db: DbOrTx, key: string): Promise<string | null> {
  const claim = randomUUID();
  const [won] = await db
    .insert(registrationPacks)
    .values({ key, state: "rendering", claim })
    .onConflictDoUpdate({
      target: registrationPacks.key,
      set: { state: "rendering", claim, attempts: sql`${registrationPacks.attempts} + 1`, startedAt: sql`now()`, finishedAt: null, error: null },
      setWhere: sql`${registrationPacks.state} = 'failed' or (${registrationPacks.state} = 'rendering' and ${registrationPacks.startedAt} < ${stale})`,
    })
    .returning({ claim: registrationPacks.claim });
  return won?.claim === claim ? claim : null;
}

/** The pack's row as any server sees it (without the files); `live` is false for a render claimed too long ago. */
async function packRow(db: DbOrTx, key: string) {
  const [row] = await db
    .select({ state: registrationPacks.state, claim: registrationPacks.claim, live: sql<boolean>`${registrationPacks.startedAt} >= ${stale}` })
    .from(registrationPacks)
    .where(eq(registrationPacks.key, key));
  return row;
}

/** The ready pack of `key`: from memory when this server holds the very copy the row says is current, else read from the row. */
async function readyPack(db: DbOrTx, key: string, claim: string): Promise<PreparedPack | null> {
  const kept = keptHere.get(key);
  if (kept?.claim === claim) return kept;
  const [row] = await db
    .select({ claim: registrationPacks.claim, pdf: registrationPacks.pdf, zip: registrationPacks.zip })
    .from(registrationPacks)
    .where(and(eq(registrationPacks.key, key), eq(registrationPacks.state, "ready")));
  return row?.pdf && row.zip ? { claim: row.claim, pdf: Buffer.from(row.pdf), zip: row.zip } : null;
}

/** Why a render failed, for its row: without NUL characters, which a text column refuses, and not over a thousand characters. */
function failureReason(error: unknown): string {
  const inner = innermostCause(error);
  const reason = inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner);
  return reason.replaceAll("\0", "").slice(0, 1000);
}

/** Renders the pack this server has claimed, and records in its row what came of it (if the claim is still ours). */
async function makePack(db: DbOrTx, data: PackData, key: string, claim: string): Promise<PreparedPack> {
  const ours = and(eq(registrationPacks.key, key), eq(registrationPacks.claim, claim));
  try {
    packsMade += 1;
    const parts = await packParts(db, data);
    const common = { partyName: data.partyName, generatedAt: data.generatedAt };
    const pdf = Buffer.from(await assemblePack(common, parts, (cover) => renderInWorker(registrationTemplates["pack-cover"], cover)));
    const zip = packZip(data, parts);
    const stored = await db
      .update(registrationPacks)
      .set({ state: "ready", pdf, zip, finishedAt: sql`now()` })
      .where(ours)
      .returning({ key: registrationPacks.key });
    if (stored.length === 0) console.warn(`${key}: made, but the render had been taken over (or the row removed) meanwhile; the row's outcome stands`);
    // The pack follows the current data, so older packs are of no more use, and they hold home addresses.
    await db
      .delete(registrationPacks)
      .where(and(ne(registrationPacks.key, key), or(ne(registrationPacks.state, "rendering"), lt(registrationPacks.startedAt, stale))));
    return { claim, pdf, zip };
  } catch (error) {
    console.error(`${key}: making the registration pack failed: ${describeFailure(error)}`);
    await db
      .update(registrationPacks)
      .set({ state: "failed", error: failureReason(error), finishedAt: sql`now()` })
      .where(ours)
      .catch((e: unknown) => console.error(`${key}: recording the failure failed: ${describeFailure(e)}`));
    throw error;
  }
}

/** Shares a pack being fetched or made on this server with other requests for the same key here, and keeps it once there. */
function shareHere(key: string, work: Promise<PreparedPack>): Promise<PreparedPack> {
  const shared = work
    .then((pack) => {
      keptHere.delete(key);
      keptHere.set(key, pack);
      if (keptHere.size > KEEP_PACKS) keptHere.delete(keptHere.keys().next().value as string);
      return pack;
    })
    .finally(() => {
      if (pendingHere.get(key) === shared) pendingHere.delete(key);
    });
  pendingHere.set(key, shared);
  return shared;
}

/** The stored pack; or, when it is missing, failed or stale, this server makes it; or, when another server is making it, waits for that. */
async function storedOrMade(db: DbOrTx, data: PackData, key: string): Promise<PreparedPack> {
  const giveUp = Date.now() + (STALE_AFTER_SECONDS + 30) * 1000;
  for (;;) {
    const row = await packRow(db, key);
    const ready = row?.state === "ready" ? await readyPack(db, key, row.claim) : null;
    if (ready) return ready;
    if (!row || row.state === "failed" || !row.live) {
      const claim = await claimPack(db, key);
      if (claim) return makePack(db, data, key, claim);
      continue;
    }
    if (row.state === "rendering") {
      // Another server is making it. Unreachable unless clocks jump: a render claimed this long ago is stale and taken over above.
      if (Date.now() > giveUp) throw new Error(`${key}: still being made elsewhere after ${STALE_AFTER_SECONDS} s`);
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
}

function preparedPack(db: DbOrTx, data: PackData): Promise<PreparedPack> {
  const key = packKey(data);
  return pendingHere.get(key) ?? shareHere(key, storedOrMade(db, data, key));
}

/** The whole pack as one PDF: a cover with the contents, then each part with its own page numbers. */
export async function renderPack(db: DbOrTx, data?: PackData): Promise<PackFile> {
  const d = data ?? (await packData(db));
  return { bytes: (await preparedPack(db, d)).pdf, fileName: packFileName(d.partyName, "pdf") };
}

/** The separate PDFs in one zip, numbered in the pack's order: made and stored with the one PDF. */
export async function renderPackZip(db: DbOrTx, data?: PackData): Promise<PackFile> {
  const d = data ?? (await packData(db));
  return { bytes: (await preparedPack(db, d)).zip, fileName: packFileName(d.partyName, "zip") };
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
    console.error(`constitution version ${version}: rendering after adoption failed: ${describeFailure(error)}`);
  }
}

export type PackStatus = "ready" | "rendering" | "not-started" | "failed";

/**
 * Starts making the whole pack (the PDF and the zip) in the background and returns at once, for
 * the documents page's "Prepare the pack" button; `packStatus` then tells how it goes, on any
 * server. Starts nothing when the pack is ready or another server is making it.
 */
export async function preparePack(db: DbOrTx): Promise<PackStatus> {
  const d = await packData(db);
  const key = packKey(d);
  const claim = await claimPack(db, key);
  if (!claim) return packStatusOf(db, key);
  // The outcome is recorded in the pack's row (and logged); nobody waits on this promise.
  shareHere(key, makePack(db, d, key, claim)).catch(() => undefined);
  return "rendering";
}

/**
 * How the pack of `key` stands, the same on every server: one read of its row. A render claimed
 * too long ago (its server stopped) counts as failed, so the page offers to start it again.
 */
export async function packStatusOf(db: DbOrTx, key: string): Promise<PackStatus> {
  const row = await packRow(db, key);
  if (!row) return "not-started";
  if (row.state === "rendering") return row.live ? "rendering" : "failed";
  return row.state;
}

/**
 * How the pack of the current data stands, with its key. This gathers everything the pack
 * prints (packData, tens of queries) to know the key, so the documents page does it once, when
 * it is loaded, and gives the key to its progress poll, which then asks `packStatusOf` for that
 * key: the poll reads one row a second instead of gathering the pack a second. We chose that over
 * a cheap key made from the updated_at of everything the pack prints because the pack draws on
 * a dozen tables (polls, pledges, users, elections…), many with no such column, and a key that
 * missed one would call a stale pack current; and over a job id because the key already names
 * the job (one pack per key). The poll follows the pack that was started; a change meanwhile is
 * seen when the page is loaded again (a download always makes the pack of the current data).
 */
export async function packStatus(db: DbOrTx): Promise<{ key: string; status: PackStatus }> {
  const key = packKey(await packData(db));
  return { key, status: await packStatusOf(db, key) };
}

/** How many packs this server has made (not read from the table): for tests and the benchmark. */
export function packRenders(): number {
  return packsMade;
}

/**
 * Forgets the packs and their small parts kept in this server's memory, as a restart would, for
 * the benchmark's cold runs and tests (the packs stored in registration_packs stay);
 * `constitution: true` forgets the adopted-constitution PDFs kept in memory too (the stored ones
 * in rendered_documents stay).
 */
export function clearPackCache(options: { constitution?: boolean } = {}): void {
  recent.clear();
  pendingHere.clear();
  keptHere.clear();
  if (options.constitution) forgetAdoptedConstitutionPdfs();
}
