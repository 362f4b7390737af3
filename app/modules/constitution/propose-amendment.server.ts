/**
 * The form proposing an amendment to a clause (routes/constitution.clauses.$clauseId.amend.tsx):
 * what it shows, and proposing what it sends.
 */
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { refused, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { amendFormText as t } from "./amend-messages";
import { readAmendmentForm, type AmendmentKind } from "./amendment-form";
import { currentDraft, isFoundingMember, originalDocument, proposeAmendment } from "./drafting.server";
import { draftingProblemMessages, wordLimitMessages } from "./messages";
import { APPLY_ERROR_MESSAGES, type ApplyErrorCode } from "./text";
import { numberedView } from "./views.server";

type Who = { id: string; email: string; role: string };

/** What the form shows again after a refusal: the kind of amendment, its messages and what was typed. */
export interface AmendAnswer {
  kind: AmendmentKind;
  errors: FieldErrors;
  values: Record<string, string>;
}

/** The draft and the clause to amend, or why there is none (404). */
async function findClause(db: Db, clauseId: string | undefined) {
  const draft = await currentDraft(db);
  if (!draft) return { missing: t.noDraft } as const;
  const original = await originalDocument(db, draft.id);
  const view = numberedView(original.clauses, draft.lineWidth);
  const clause = view.find((c) => c.id === clauseId);
  if (!clause) return { missing: t.noClause } as const;
  return { draft, original, view, clause };
}

export async function amendFormView(db: Db, who: Who, clauseId: string | undefined) {
  const found = await findClause(db, clauseId);
  if (found.missing !== undefined) return { missing: found.missing };
  const { draft, view, clause } = found;
  const allowed = who.role === "organiser" || (await isFoundingMember(db, who.id));
  return {
    clause,
    open: draft.phase === "drafting",
    allowed,
    byCommittee: who.role === "organiser",
    reasonMaxWords: (await standingOrderRules()).amendmentStatementMaxWords,
    others: view.filter((c) => c.id !== clause.id).map((c) => ({ id: c.id, label: `${c.number}. ${c.title}` })),
  };
}

/** Proposes the amendment the form describes: its number once proposed, or the form to show again. */
export async function proposeFromForm(
  db: Db,
  who: Who,
  clauseId: string | undefined,
  kind: AmendmentKind,
  values: Record<string, string>,
): Promise<{ missing: string } | { proposed: number } | ActionAnswer<AmendAnswer>> {
  const found = await findClause(db, clauseId);
  if (found.missing !== undefined) return { missing: found.missing };
  const { draft, original, clause } = found;
  const read = readAmendmentForm(kind, values, {
    id: clause.id,
    text: original.clauses.find((c) => c.id === clause.id)?.text ?? "",
    entrenched: clause.entrenched,
    firstLine: clause.firstLine,
    lastLine: clause.lastLine,
    lineWidth: draft.lineWidth,
    clauseIds: original.clauses.map((c) => c.id),
  });
  if (!read.ok) return refused({ kind, errors: read.errors, values });
  const proposed = await proposeAmendment(
    db,
    { id: who.id, email: who.email, isOrganiser: who.role === "organiser" },
    { operation: read.operation, reason: read.reason },
  );
  if (proposed.ok) return { proposed: proposed.number };
  const message =
    proposed.code === "reason_too_long" && proposed.detail
      ? wordLimitMessages.reason(Number(proposed.detail))
      : proposed.code === "invalid_operation" && proposed.detail
        ? (APPLY_ERROR_MESSAGES[proposed.detail as ApplyErrorCode] ?? draftingProblemMessages.invalid_operation)
        : draftingProblemMessages[proposed.code];
  const field = proposed.code === "reason_too_long" || proposed.code === "reason_missing" ? "reason" : "form";
  return refused({ kind, errors: { [field]: message }, values }, proposed.code === "not_founding_member" ? 403 : 400);
}
