/** Casting a clause's ballot from its page in the sitting (routes/constitution.vote.$clauseId.tsx). */
import { refused, type ActionAnswer } from "~/utils/action-answer.server";
import { noteCastSent, noteCastStored, type CastRecord } from "~/utils/cast-record";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { loadClauseBallot, loadSitting } from "./ballot.server";
import { readClauseAnswers } from "./clause-ballot-form";
import { clauseCastProblems } from "./messages";
import { castClauseBallot } from "./round.server";
import { nextUnvoted, type JustCast } from "./sitting";

/** The progress page of the sitting, where the receipts are checked. */
export const SITTING_PAGE = "/constitution/vote";

export type ClauseCastAnswer = { errors: FieldErrors; values: Record<string, string> };

/**
 * The ballot cast: where to go next (the next clause not yet voted on, or the progress page when
 * the member chose to stop or has voted on them all) with the receipts to carry there; the form
 * again with its problems; or null when the clause is on no open round's ballot. `failed` hears
 * of a failure after the ballot is stored.
 */
export async function castFromSitting(
  db: Db,
  casts: CastRecord,
  userId: string,
  clauseId: string,
  values: Record<string, string>,
  failed: (error: unknown) => void,
): Promise<{ goTo: string; cast: JustCast } | ActionAnswer<ClauseCastAnswer> | null> {
  const sitting = await loadSitting(db, userId);
  const ballot = sitting && (await loadClauseBallot(db, sitting, clauseId));
  if (!ballot) return null;
  const read = readClauseAnswers(ballot.questions, values);
  if (!read.ok) return refused({ errors: read.errors, values });
  // Noted in the request's context, so that the receipts are shown even if what follows the
  // commit fails (the front door answers from it; decision 041).
  noteCastSent(casts, SITTING_PAGE);
  const cast = await castClauseBallot(db, userId, clauseId, read.answers);
  if (!cast.ok) {
    const key = cast.pollId && cast.code === "answer_invalid" ? `q-${cast.pollId}` : "form";
    return refused(
      { errors: { [key]: clauseCastProblems[cast.code] ?? clauseCastProblems.answer_invalid } as FieldErrors, values },
      cast.code === "not_on_roll" ? 403 : 400,
    );
  }
  const receipts = cast.receipts.map((r) => r.receipt);
  noteCastStored(casts, { receipts, checkAt: SITTING_PAGE });
  // Straight on to the next clause not yet voted on (or back to the progress page when the
  // member chose to stop, or has voted on them all), carrying the receipts across in a cookie.
  const next = values.then === "stop" ? null : await nextClauseAfterCast(db, userId, clauseId, failed);
  return { goTo: next ? `/constitution/vote/${next}` : SITTING_PAGE, cast: { clauseId, receipts } };
}

/**
 * The next clause to vote on, once a ballot is stored; null for the progress page. Looking it up
 * reads the database again: if that fails, the ballot is stored all the same, so the member goes
 * to the progress page with the receipts in the cookie (with JavaScript, a failed action would
 * lose them) and the failure is logged.
 */
async function nextClauseAfterCast(db: Db, userId: string, clauseId: string, failed: (error: unknown) => void): Promise<string | null> {
  try {
    const sitting = await loadSitting(db, userId);
    return sitting ? nextUnvoted(sitting.clauses, clauseId) : null;
  } catch (error) {
    failed(error);
    return null;
  }
}
