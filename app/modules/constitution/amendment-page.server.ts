/**
 * An amendment's page (routes/constitution.amendments.$number.tsx): what it does to its clause
 * (before and after, word by word), its reason, supporters, the committee's recommendation, the
 * amendments it competes with, and its comments; and what the viewer's forms there do (support,
 * withdraw, comment, and the committee's recommendation).
 */
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import { recommendationValues, type RecommendationKind } from "../../../db/schema";
import { amendmentEffect, competitors } from "./amendment-view";
import {
  addComment,
  amendmentByNumber,
  currentDraft,
  listAmendments,
  listComments,
  originalDocument,
  setRecommendation,
  setSupport,
  supportedBy,
  supporterNames,
  withdrawAmendment,
} from "./drafting.server";
import { amendmentKindLabels, amendmentPageText, amendmentStatusLabels, draftingProblemMessages, wordLimitMessages } from "./messages";
import { shownText } from "./shown-text";
import { numberedView, type ConstitutionAccess } from "./views.server";

/** The amendment numbered so in the current draft, or which of the two is missing. */
export async function findAmendment(db: Db, number: string | undefined) {
  const draft = await currentDraft(db);
  if (!draft) return { missing: amendmentPageText.noDraft } as const;
  const row = await amendmentByNumber(db, draft.id, Number(number));
  if (!row) return { missing: amendmentPageText.noSuchAmendment } as const;
  return { draft, row } as const;
}

type Found = Exclude<Awaited<ReturnType<typeof findAmendment>>, { missing: string }>;

/** What the page shows; null when the amendment is not among its clause's (withdrawn from the list meanwhile). */
export async function amendmentPageView(db: Db, userId: string, access: ConstitutionAccess, { draft, row }: Found) {
  const onClause = await listAmendments(db, draft.id, row.clauseId);
  const [summary] = onClause.filter((a) => a.id === row.id);
  if (!summary) return null;
  const original = await originalDocument(db, draft.id);
  const effect = amendmentEffect(original, summary.engine);
  const clauseView = numberedView(original.clauses, draft.lineWidth).find((c) => c.id === row.clauseId) ?? null;
  const afterView = effect.document ? numberedView(effect.document.clauses, draft.lineWidth) : [];
  const changedId = summary.engine.kind === "insertAfter" ? summary.engine.clause.id : row.clauseId;
  const names = await supporterNames(db, [row.id]);
  const mine = await supportedBy(db, userId, [row.id]);
  const comments = await listComments(db, draft.id, row.clauseId, row.id);
  const competesWith =
    competitors(
      original,
      onClause.filter((a) => a.status === "open" || a.status === "undecided"),
    ).get(row.number) ?? [];
  return {
    number: row.number,
    reasonsMaxWords: (await standingOrderRules()).recommendationMaxWords,
    open: draft.phase === "drafting" && row.status === "open",
    status: amendmentStatusLabels[row.status],
    kind: amendmentKindLabels[summary.operation.kind] ?? summary.operation.kind,
    proposer: summary.byCommittee ? `Drafting committee (${summary.proposer})` : summary.proposer,
    isProposer: row.proposerId === userId,
    byCommittee: summary.byCommittee,
    reason: shownText(summary.reason, "reason"),
    supportersNeeded: draft.supportersNeeded,
    supporters: names.get(row.id) ?? [],
    supported: mine.has(row.id),
    recommendation: summary.recommendation
      ? {
          kind: summary.recommendation.kind,
          reasons: shownText(summary.recommendation.reasons, "recommendationReasons"),
          compromiseText: shownText(summary.recommendation.compromiseText ?? "", "clauseText"),
        }
      : null,
    clause: clauseView ? { id: clauseView.id, number: clauseView.number, title: clauseView.title } : { id: row.clauseId, number: 0, title: effect.clauseTitle },
    effect: { note: effect.note, segments: effect.segments, comparedWordByWord: effect.comparedWordByWord, cut: effect.cut, applies: effect.document !== null },
    after: afterView.find((c) => c.id === changedId) ?? null,
    access,
    competesWith,
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  };
}

type Who = { id: string; email: string; isOrganiser: boolean };

/** What an amendment's page shows after a form: what was done, or what went wrong and where. */
export interface AmendmentAnswer {
  intent: string;
  done: string | null;
  error?: string;
  /** The comment (by its parent) a refused comment belongs under. */
  errorFor?: string;
  /** The recommendation's box a refusal is about, and what was typed in the boxes. */
  field?: string;
  values?: { reasons: string; compromiseText: string };
}

/**
 * Support, withdrawal and comments (any founding member); the recommendation (the drafting
 * committee: the page has checked the permission). The answer to show, and its HTTP status.
 */
export async function amendmentAction(
  db: Db,
  who: Who,
  row: Found["row"],
  intent: string,
  form: Record<string, string>,
): Promise<ActionAnswer<AmendmentAnswer> | null> {
  const fail = (code: keyof typeof draftingProblemMessages, extra: Partial<AmendmentAnswer> = {}) =>
    refused<AmendmentAnswer>({ intent, error: draftingProblemMessages[code], done: null, ...extra }, code === "not_founding_member" ? 403 : 400);
  const ok = (done: string) => succeeded<AmendmentAnswer>({ intent, done });
  switch (intent) {
    case "support":
    case "unsupport": {
      const r = await setSupport(db, who, row.id, intent === "support");
      return r.ok ? ok(intent === "support" ? amendmentPageText.supported : amendmentPageText.supportWithdrawn) : fail(r.code);
    }
    case "withdraw": {
      const r = await withdrawAmendment(db, who, row.id);
      return r.ok ? ok(amendmentPageText.withdrawn) : fail(r.code);
    }
    case "comment": {
      const parentId = form.parentId ?? "";
      const r = await addComment(db, who, { clauseId: row.clauseId, amendmentId: row.id, parentId: parentId || null, body: form.body ?? "" });
      return r.ok ? ok(amendmentPageText.commented) : fail(r.code, { errorFor: parentId });
    }
    case "recommend": {
      const kind = form.kind ?? "";
      const values = { reasons: form.reasons ?? "", compromiseText: form.compromiseText ?? "" };
      if (!recommendationValues.includes(kind as RecommendationKind))
        return refused<AmendmentAnswer>({ intent, error: amendmentPageText.recommendationMissing, field: "kind", done: null, values });
      const r = await setRecommendation(db, { id: who.id, label: who.email }, { amendmentId: row.id, kind: kind as RecommendationKind, ...values });
      if (r.ok) return ok(amendmentPageText.recommended);
      const error =
        r.code === "recommendation_reasons_too_long" && r.detail ? wordLimitMessages.recommendationReasons(Number(r.detail)) : draftingProblemMessages[r.code];
      const field = r.code === "compromise_missing" || r.code.startsWith("clause_text_") ? "compromiseText" : "reasons";
      return refused<AmendmentAnswer>({ intent, error, field, done: null, values });
    }
    default:
      return null;
  }
}
