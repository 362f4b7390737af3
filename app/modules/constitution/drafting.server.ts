/**
 * Drafting the constitution in the database: the draft and its clauses, members' amendments,
 * supporters, the drafting committee's recommendations and comments. Each command is one
 * transaction with its audit entry; the rules about who may do what, and when, are checked
 * here, so that every route gets them the same.
 */
import path from "node:path";
import { and, asc, count, desc, eq, inArray, max, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import {
  amendmentRecommendations,
  amendments,
  amendmentSupporters,
  clauseDecisions,
  constitutionDrafts,
  constitutionVersions,
  draftClauses,
  draftComments,
  users,
  type AmendmentStatus,
  type ClauseDecision,
  type RecommendationKind,
  type StoredOperation,
} from "../../../db/schema";
import { isFoundingMember } from "~/modules/founding/roll.server";
import { loadModelConstitution } from "./model";
import { shownText } from "./shown-text";
import { applyAll, applyAmendment, type Amendment, type ConstitutionDocument } from "./text";
import type { UploadedClause } from "./upload";
import { wordCount } from "~/utils/word-count";
import {
  MAX_AMENDMENT_REASON_LENGTH,
  MAX_CLAUSE_TEXT_LENGTH,
  MAX_CLAUSE_TITLE_LENGTH,
  MAX_COMMENT_LENGTH,
  MAX_RECOMMENDATION_REASONS_LENGTH,
  MAX_SUPPORTERS_NEEDED,
} from "~/utils/input-limits";
import { textLimitProblem, type TextProblem } from "~/utils/text-limits";
import type { DraftingProblem } from "./codes";
import { formerMemberName } from "~/modules/users/messages";

export type Draft = typeof constitutionDrafts.$inferSelect;
export type AmendmentRow = typeof amendments.$inferSelect;

export async function currentDraft(db: DbOrTx): Promise<Draft | null> {
  const [draft] = await db.select().from(constitutionDrafts).orderBy(desc(constitutionDrafts.createdAt)).limit(1);
  return draft ?? null;
}

/** The draft's clauses as the text engine reads them: the text published for amendment. */
export async function originalDocument(db: DbOrTx, draftId: string): Promise<ConstitutionDocument & { covers: Map<string, string[]> }> {
  const rows = await db.select().from(draftClauses).where(eq(draftClauses.draftId, draftId)).orderBy(asc(draftClauses.position));
  return {
    clauses: rows.map((r) => ({ id: r.clauseId, title: r.title, order: r.position, entrenched: r.entrenched, text: r.text })),
    covers: new Map(rows.map((r) => [r.clauseId, r.covers])),
  };
}

/** A stored amendment as the engine reads it. */
export function toEngine(row: Pick<AmendmentRow, "id" | "operation" | "createdAt">): Amendment {
  return { ...row.operation, id: row.id, createdAt: row.createdAt.getTime() } as unknown as Amendment;
}

/** The text as amended: the published text with every carried amendment applied. */
export async function amendedDocument(db: DbOrTx, draftId: string) {
  const [original, carried] = await Promise.all([
    originalDocument(db, draftId),
    db
      .select()
      .from(amendments)
      .where(and(eq(amendments.draftId, draftId), eq(amendments.status, "carried"))),
  ]);
  const applied = applyAll(original, carried.map(toEngine));
  return { original, amended: applied.document, rejected: applied.rejected };
}

export async function clauseDecisionMap(db: DbOrTx, draftId: string): Promise<Map<string, ClauseDecision>> {
  const rows = await db.select().from(clauseDecisions).where(eq(clauseDecisions.draftId, draftId));
  return new Map(rows.map((r) => [r.clauseId, r.decision]));
}

export type DraftingResult<T = object> = ({ ok: true } & T) | { ok: false; code: DraftingProblem; detail?: string };

export { isFoundingMember };

export type DraftSource = { kind: "model" } | { kind: "upload"; clauses: readonly UploadedClause[] } | { kind: "version" };

/**
 * Starts a draft: from the model clauses, an uploaded file, or the latest adopted version (to
 * amend it: version 2 and on). A draft still in drafting with no amendments may be replaced,
 * so that an organiser can correct an upload; one that members have amended may not.
 */
export async function startDraft(db: Db, actor: Actor, source: DraftSource): Promise<DraftingResult<{ draftId: string }>> {
  const rules = await standingOrderRules();
  const clauses = source.kind === "model" ? await modelClauses() : source.kind === "upload" ? [...source.clauses] : null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DRAFT_LOCK})`);
    const existing = await currentDraft(tx);
    let baseVersion: number | null = null;
    let text = clauses;
    if (existing && existing.adoptedVersion === null) {
      const [used] = await tx.select({ n: count() }).from(amendments).where(eq(amendments.draftId, existing.id));
      if (existing.phase !== "drafting" || (used?.n ?? 0) > 0) return { ok: false, code: "draft_in_use" } as const;
      await tx.delete(constitutionDrafts).where(eq(constitutionDrafts.id, existing.id));
      baseVersion = existing.baseVersion;
    }
    if (source.kind === "version") {
      const [latest] = await tx.select().from(constitutionVersions).orderBy(desc(constitutionVersions.number)).limit(1);
      if (!latest) return { ok: false, code: "no_version" } as const;
      baseVersion = latest.number;
      text = latest.clauses;
    }
    const [draft] = await tx
      .insert(constitutionDrafts)
      .values({ source: source.kind, baseVersion, supportersNeeded: rules.amendmentSupporters })
      .returning({ id: constitutionDrafts.id });
    if (!draft || !text) throw new Error("draft not created");
    await tx.insert(draftClauses).values(
      text.map((c, i) => ({
        draftId: draft.id,
        clauseId: c.id,
        position: (i + 1) * 10,
        title: c.title,
        text: c.text,
        entrenched: c.entrenched,
        covers: [...c.covers],
      })),
    );
    await appendAudit(tx, {
      actor,
      action: "constitution.draft_started",
      subjectType: "constitution_draft",
      subjectId: draft.id,
      details: { source: source.kind, clauses: text.length, baseVersion, replaced: existing && existing.adoptedVersion === null ? existing.id : null },
    });
    return { ok: true, draftId: draft.id } as const;
  });
}

// Serialises starting drafts and numbering amendments across app servers.
const DRAFT_LOCK = 727_274_005;

async function modelClauses() {
  const model = await loadModelConstitution(path.resolve(process.cwd(), "constitution/clauses"));
  return model.map((c) => ({ id: c.id, title: c.title, text: c.body, entrenched: c.entrenched, covers: c.covers as string[] }));
}

export async function setSupportersNeeded(db: Db, actor: Actor, value: number): Promise<DraftingResult> {
  if (!Number.isInteger(value) || value < 0 || value > MAX_SUPPORTERS_NEEDED) return { ok: false, code: "supporters_invalid" };
  return db.transaction(async (tx) => {
    const draft = await lockedDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    if (draft.phase !== "drafting") return { ok: false, code: "not_drafting" } as const;
    await tx.update(constitutionDrafts).set({ supportersNeeded: value, updatedAt: new Date() }).where(eq(constitutionDrafts.id, draft.id));
    await appendAudit(tx, {
      actor,
      action: "constitution.supporters_needed_set",
      subjectType: "constitution_draft",
      subjectId: draft.id,
      details: { from: draft.supportersNeeded, to: value },
    });
    return { ok: true } as const;
  });
}

async function lockedDraft(tx: DbOrTx): Promise<Draft | null> {
  const draft = await currentDraft(tx);
  if (!draft) return null;
  const [locked] = await tx.select().from(constitutionDrafts).where(eq(constitutionDrafts.id, draft.id)).for("update");
  return locked ?? null;
}

export interface ProposalInput {
  operation: StoredOperation;
  reason: string;
}

/**
 * What is too long in a proposal, checked before any other work (issue 13: a 2 MB amendment and
 * a 1,000,000-character reason, once stored, made every view of them slow for everyone).
 */
export function proposalTooLong(input: ProposalInput): DraftingProblem | null {
  const reason = textLimitProblem(input.reason, MAX_AMENDMENT_REASON_LENGTH);
  if (reason) return codeFor(reason, REASON_CODES);
  // Stored operations are loosely typed; any text they carry is measured, whatever the kind.
  const op = input.operation;
  const clause = (op.clause ?? {}) as { text?: unknown; title?: unknown };
  for (const text of [op.text, clause.text]) {
    const problem = typeof text === "string" ? textLimitProblem(text, MAX_CLAUSE_TEXT_LENGTH) : null;
    if (problem) return codeFor(problem, CLAUSE_TEXT_CODES);
  }
  for (const title of [op.title, clause.title]) {
    const problem = typeof title === "string" ? textLimitProblem(title, MAX_CLAUSE_TITLE_LENGTH, "name") : null;
    if (problem) return problem === "bad_character" ? "clause_title_bad_character" : "clause_title_too_long";
  }
  return null;
}

/** Each field's problem codes, by what text-limits.ts found wrong. */
type TextCodes = Record<TextProblem, DraftingProblem>;
const REASON_CODES: TextCodes = { too_long: "reason_too_many_characters", bad_character: "reason_bad_character", word_too_long: "reason_word_too_long" };
const CLAUSE_TEXT_CODES: TextCodes = {
  too_long: "clause_text_too_long",
  bad_character: "clause_text_bad_character",
  word_too_long: "clause_text_word_too_long",
};
const COMMENT_CODES: TextCodes = { too_long: "comment_too_long", bad_character: "comment_bad_character", word_too_long: "comment_word_too_long" };
const RECOMMENDATION_CODES: TextCodes = {
  too_long: "recommendation_reasons_too_many_characters",
  bad_character: "recommendation_reasons_bad_character",
  word_too_long: "recommendation_reasons_word_too_long",
};
function codeFor(problem: TextProblem, codes: TextCodes): DraftingProblem {
  return codes[problem];
}

/**
 * A founding member proposes an amendment (standing orders 7.1, 7.2); an organiser's is a
 * drafting committee amendment, which needs no supporters (7.10). The operation must apply to
 * the draft as published.
 */
export async function proposeAmendment(
  db: Db,
  proposer: { id: string; email: string; isOrganiser: boolean },
  input: ProposalInput,
): Promise<DraftingResult<{ amendmentId: string; number: number }>> {
  const tooLong = proposalTooLong(input);
  if (tooLong) return { ok: false, code: tooLong };
  const rules = await standingOrderRules();
  const reason = input.reason.trim();
  if (!reason) return { ok: false, code: "reason_missing" };
  const maxWords = rules.amendmentStatementMaxWords;
  if (wordCount(reason) > maxWords) return { ok: false, code: "reason_too_long", detail: String(maxWords) };
  return db.transaction(async (tx) => {
    const draft = await lockedDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    if (draft.phase !== "drafting") return { ok: false, code: "not_drafting" } as const;
    if (!proposer.isOrganiser && !(await isFoundingMember(tx, proposer.id))) return { ok: false, code: "not_founding_member" } as const;
    const doc = await originalDocument(tx, draft.id);
    const probe = { ...input.operation, id: "probe", createdAt: Date.now() } as unknown as Amendment;
    const applied = applyAmendment(doc, probe);
    if (!applied.ok) return { ok: false, code: "invalid_operation", detail: applied.code } as const;
    const clauseId = filedUnder(probe, doc);
    const [last] = await tx
      .select({ n: max(amendments.number) })
      .from(amendments)
      .where(eq(amendments.draftId, draft.id));
    const number = (last?.n ?? 0) + 1;
    const [row] = await tx
      .insert(amendments)
      .values({ draftId: draft.id, number, clauseId, operation: input.operation, reason, proposerId: proposer.id, byCommittee: proposer.isOrganiser })
      .returning({ id: amendments.id });
    if (!row) throw new Error("amendment not stored");
    await appendAudit(tx, {
      actor: { id: proposer.id, label: proposer.email },
      action: "constitution.amendment_proposed",
      subjectType: "amendment",
      subjectId: row.id,
      details: { number, clauseId, kind: input.operation.kind, byCommittee: proposer.isOrganiser },
    });
    return { ok: true, amendmentId: row.id, number } as const;
  });
}

function filedUnder(amendment: Amendment, doc: ConstitutionDocument): string {
  if (amendment.kind === "insertAfter") return amendment.afterClauseId ?? doc.clauses[0]?.id ?? "";
  return amendment.clauseId;
}

/** Loads an amendment of the current draft by its number (A1 is 1). */
/**
 * Which amendment a number names: its id, clause, status and proposer, without its text and
 * reason (the page reads those once, with the rest of the clause's amendments: text stored
 * before the limits can be megabytes).
 */
export async function amendmentByNumber(
  db: DbOrTx,
  draftId: string,
  number: number,
): Promise<Pick<AmendmentRow, "id" | "number" | "clauseId" | "status" | "proposerId"> | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const [row] = await db
    .select({ id: amendments.id, number: amendments.number, clauseId: amendments.clauseId, status: amendments.status, proposerId: amendments.proposerId })
    .from(amendments)
    .where(and(eq(amendments.draftId, draftId), eq(amendments.number, number)));
  return row ?? null;
}

async function openAmendmentForUpdate(tx: DbOrTx, amendmentId: string) {
  const draft = await lockedDraft(tx);
  if (!draft) return { ok: false, code: "no_draft" } as const;
  const [row] = await tx
    .select()
    .from(amendments)
    .where(and(eq(amendments.id, amendmentId), eq(amendments.draftId, draft.id)));
  if (!row) return { ok: false, code: "amendment_not_found" } as const;
  if (draft.phase !== "drafting") return { ok: false, code: "not_drafting" } as const;
  if (row.status !== "open") return { ok: false, code: "amendment_not_open" } as const;
  return { ok: true, draft, row } as const;
}

/** Supporting means "put it to the vote", not "I will vote for it" (7.4). */
export async function setSupport(db: Db, member: { id: string; email: string }, amendmentId: string, support: boolean): Promise<DraftingResult> {
  return db.transaction(async (tx) => {
    const found = await openAmendmentForUpdate(tx, amendmentId);
    if (!found.ok) return found;
    if (!(await isFoundingMember(tx, member.id))) return { ok: false, code: "not_founding_member" } as const;
    if (found.row.proposerId === member.id) return { ok: false, code: "own_amendment" } as const;
    const changed = support
      ? await tx.insert(amendmentSupporters).values({ amendmentId, userId: member.id }).onConflictDoNothing().returning({ id: amendmentSupporters.userId })
      : await tx
          .delete(amendmentSupporters)
          .where(and(eq(amendmentSupporters.amendmentId, amendmentId), eq(amendmentSupporters.userId, member.id)))
          .returning({ id: amendmentSupporters.userId });
    if (changed.length > 0) {
      await appendAudit(tx, {
        actor: { id: member.id, label: member.email },
        action: support ? "constitution.amendment_supported" : "constitution.amendment_support_withdrawn",
        subjectType: "amendment",
        subjectId: amendmentId,
        details: { number: found.row.number },
      });
    }
    return { ok: true } as const;
  });
}

/** The proposer withdraws their amendment while drafting is open (7.6). */
export async function withdrawAmendment(db: Db, member: { id: string; email: string }, amendmentId: string): Promise<DraftingResult> {
  return db.transaction(async (tx) => {
    const found = await openAmendmentForUpdate(tx, amendmentId);
    if (!found.ok) return found;
    if (found.row.proposerId !== member.id) return { ok: false, code: "not_proposer" } as const;
    await tx.update(amendments).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(amendments.id, amendmentId));
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "constitution.amendment_withdrawn",
      subjectType: "amendment",
      subjectId: amendmentId,
      details: { number: found.row.number },
    });
    return { ok: true } as const;
  });
}

export const COMMENT_MAX_LENGTH = MAX_COMMENT_LENGTH;

/** Comments are plain text: shown with line breaks kept, never as HTML. */
export async function addComment(
  db: Db,
  author: { id: string; email: string; isOrganiser: boolean },
  input: { clauseId: string; amendmentId: string | null; parentId: string | null; body: string },
): Promise<DraftingResult<{ commentId: string }>> {
  const tooLong = textLimitProblem(input.body.trim(), COMMENT_MAX_LENGTH);
  if (tooLong) return { ok: false, code: codeFor(tooLong, COMMENT_CODES), detail: String(COMMENT_MAX_LENGTH) };
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  if (!body) return { ok: false, code: "comment_empty" };
  return db.transaction(async (tx) => {
    const draft = await currentDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    if (!author.isOrganiser && !(await isFoundingMember(tx, author.id))) return { ok: false, code: "not_founding_member" } as const;
    if (input.parentId) {
      // A parent that is not an id at all (a hostile form) is no comment: refused, not a database error.
      if (!isUuid(input.parentId)) return { ok: false, code: "parent_not_found" } as const;
      const [parent] = await tx.select().from(draftComments).where(eq(draftComments.id, input.parentId));
      const sameTarget = parent && parent.draftId === draft.id && parent.clauseId === input.clauseId && parent.amendmentId === input.amendmentId;
      if (!sameTarget) return { ok: false, code: "parent_not_found" } as const;
    }
    const [row] = await tx
      .insert(draftComments)
      .values({ draftId: draft.id, clauseId: input.clauseId, amendmentId: input.amendmentId, parentId: input.parentId, authorId: author.id, body })
      .returning({ id: draftComments.id });
    if (!row) throw new Error("comment not stored");
    await appendAudit(tx, {
      actor: { id: author.id, label: author.email },
      action: "constitution.comment_added",
      subjectType: input.amendmentId ? "amendment" : "clause",
      subjectId: input.amendmentId ?? input.clauseId,
      details: { commentId: row.id, reply: Boolean(input.parentId) },
    });
    return { ok: true, commentId: row.id } as const;
  });
}

/** The drafting committee's advice on an amendment (7.11), shown beside it and on the ballot. */
export async function setRecommendation(
  db: Db,
  actor: Actor,
  input: { amendmentId: string; kind: RecommendationKind; reasons: string; compromiseText: string },
): Promise<DraftingResult> {
  const reasonsLimit = textLimitProblem(input.reasons, MAX_RECOMMENDATION_REASONS_LENGTH);
  if (reasonsLimit) return { ok: false, code: codeFor(reasonsLimit, RECOMMENDATION_CODES) };
  const compromiseLimit = textLimitProblem(input.compromiseText, MAX_CLAUSE_TEXT_LENGTH);
  if (compromiseLimit) return { ok: false, code: codeFor(compromiseLimit, CLAUSE_TEXT_CODES) };
  const rules = await standingOrderRules();
  const maxWords = rules.recommendationMaxWords;
  const reasons = input.reasons.trim();
  if (wordCount(reasons) > maxWords) return { ok: false, code: "recommendation_reasons_too_long", detail: String(maxWords) };
  const compromise = input.compromiseText.replace(/\r\n?/g, "\n").trim();
  if (input.kind === "compromise" && !compromise) return { ok: false, code: "compromise_missing" };
  return db.transaction(async (tx) => {
    const draft = await lockedDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    if (draft.phase !== "drafting") return { ok: false, code: "not_drafting" } as const;
    const [row] = await tx
      .select()
      .from(amendments)
      .where(and(eq(amendments.id, input.amendmentId), eq(amendments.draftId, draft.id)));
    if (!row) return { ok: false, code: "amendment_not_found" } as const;
    const values = { kind: input.kind, reasons, compromiseText: input.kind === "compromise" ? compromise : null, updatedBy: actor.id, updatedAt: new Date() };
    await tx
      .insert(amendmentRecommendations)
      .values({ amendmentId: row.id, ...values })
      .onConflictDoUpdate({ target: amendmentRecommendations.amendmentId, set: values });
    await appendAudit(tx, {
      actor,
      action: "constitution.recommendation_set",
      subjectType: "amendment",
      subjectId: row.id,
      details: { number: row.number, kind: input.kind },
    });
    return { ok: true } as const;
  });
}

export interface AmendmentSummary {
  id: string;
  number: number;
  clauseId: string;
  operation: StoredOperation;
  engine: Amendment;
  reason: string;
  proposer: string;
  proposerId: string | null;
  byCommittee: boolean;
  status: AmendmentStatus;
  supporters: number;
  createdAt: Date;
  recommendation: { kind: RecommendationKind; reasons: string; compromiseText: string | null } | null;
}

/** Every amendment of a draft with its supporter count and recommendation, in number order. */
export async function listAmendments(db: DbOrTx, draftId: string, clauseId?: string): Promise<AmendmentSummary[]> {
  const where = clauseId ? and(eq(amendments.draftId, draftId), eq(amendments.clauseId, clauseId)) : eq(amendments.draftId, draftId);
  const rows = await db
    .select({
      a: amendments,
      proposer: users.displayName,
      supporters: sql<number>`(select count(*)::int from ${amendmentSupporters} s where s.amendment_id = ${amendments.id})`,
      rec: amendmentRecommendations,
    })
    .from(amendments)
    .leftJoin(users, eq(users.id, amendments.proposerId))
    .leftJoin(amendmentRecommendations, eq(amendmentRecommendations.amendmentId, amendments.id))
    .where(where)
    .orderBy(asc(amendments.number));
  return rows.map(({ a, proposer, supporters, rec }) => ({
    id: a.id,
    number: a.number,
    clauseId: a.clauseId,
    operation: a.operation,
    engine: toEngine(a),
    reason: a.reason,
    proposer: proposer ?? formerMemberName,
    proposerId: a.proposerId,
    byCommittee: a.byCommittee,
    status: a.status,
    supporters,
    createdAt: a.createdAt,
    recommendation: rec ? { kind: rec.kind, reasons: rec.reasons, compromiseText: rec.compromiseText } : null,
  }));
}

/** Names of an amendment's supporters: shown to founding members, as at a conference. */
export async function supporterNames(db: DbOrTx, amendmentIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (amendmentIds.length === 0) return result;
  const rows = await db
    .select({ amendmentId: amendmentSupporters.amendmentId, name: users.displayName })
    .from(amendmentSupporters)
    .innerJoin(users, eq(users.id, amendmentSupporters.userId))
    .where(inArray(amendmentSupporters.amendmentId, [...amendmentIds]))
    .orderBy(asc(amendmentSupporters.createdAt));
  for (const r of rows) result.set(r.amendmentId, [...(result.get(r.amendmentId) ?? []), r.name]);
  return result;
}

export async function supportedBy(db: DbOrTx, userId: string, amendmentIds: readonly string[]): Promise<Set<string>> {
  if (amendmentIds.length === 0) return new Set();
  const rows = await db
    .select({ id: amendmentSupporters.amendmentId })
    .from(amendmentSupporters)
    .where(and(eq(amendmentSupporters.userId, userId), inArray(amendmentSupporters.amendmentId, [...amendmentIds])));
  return new Set(rows.map((r) => r.id));
}

export interface CommentView {
  id: string;
  parentId: string | null;
  author: string;
  /** As shown: cut to the comment limit when stored longer (shown-text.ts). */
  body: string;
  /** The sentence saying the comment is cut short, or null. */
  cut: string | null;
  createdAt: Date;
}

export async function listComments(db: DbOrTx, draftId: string, clauseId: string, amendmentId: string | null): Promise<CommentView[]> {
  const rows = await db
    .select({ c: draftComments, author: users.displayName })
    .from(draftComments)
    .leftJoin(users, eq(users.id, draftComments.authorId))
    .where(
      and(
        eq(draftComments.draftId, draftId),
        eq(draftComments.clauseId, clauseId),
        amendmentId ? eq(draftComments.amendmentId, amendmentId) : sql`${draftComments.amendmentId} is null`,
      ),
    )
    .orderBy(asc(draftComments.createdAt));
  return rows.map(({ c, author }) => {
    const body = shownText(c.body, "comment");
    return { id: c.id, parentId: c.parentId, author: author ?? formerMemberName, body: body.text, cut: body.cut, createdAt: c.createdAt };
  });
}

/** Amendment counts per clause, for the table of contents. */
export async function amendmentCounts(db: DbOrTx, draftId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ clauseId: amendments.clauseId, n: count() })
    .from(amendments)
    .where(and(eq(amendments.draftId, draftId), sql`${amendments.status} <> 'withdrawn'`))
    .groupBy(amendments.clauseId);
  return new Map(rows.map((r) => [r.clauseId, r.n]));
}
