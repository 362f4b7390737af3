/**
 * A clause's comment form (routes/constitution.clauses.$clauseId._index.tsx): a comment, or a reply
 * to one, on the clause as drafted. The answer the page shows, and its HTTP status.
 */
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import { addComment } from "./drafting.server";
import { draftingProblemMessages } from "./messages";

/** The refusal's message and the comment (by its parent) it belongs under; or that the comment was posted. */
export type ClauseCommentAnswer = { error: string; errorFor: string; posted: false } | { error: undefined; errorFor: undefined; posted: true };

/** Posts the form's comment on the clause; someone not yet a founding member is refused with 403. */
export async function commentOnClause(
  db: Db,
  author: { id: string; email: string; isOrganiser: boolean },
  clauseId: string | undefined,
  form: Record<string, string>,
): Promise<ActionAnswer<ClauseCommentAnswer>> {
  const parentId = form.parentId ?? "";
  const added = await addComment(db, author, { clauseId: clauseId ?? "", amendmentId: null, parentId: parentId || null, body: form.body ?? "" });
  if (!added.ok)
    return refused<ClauseCommentAnswer>(
      { error: draftingProblemMessages[added.code], errorFor: parentId, posted: false },
      added.code === "not_founding_member" ? 403 : 400,
    );
  return succeeded<ClauseCommentAnswer>({ error: undefined, errorFor: undefined, posted: true });
}
