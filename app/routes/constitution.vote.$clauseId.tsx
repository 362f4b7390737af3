import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ClauseText } from "~/modules/constitution/components/clause-text";
import { BallotQuestionFields } from "~/modules/constitution/components/clause-ballot/question";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { loadClauseBallot, loadSitting } from "~/modules/constitution/ballot.server";
import { clauseBallotText as t, sittingMessages } from "~/modules/constitution/sitting-messages";
import { clearedJustCastCookie, justCastCookie, nextUnvoted, readJustCast, sittingProgress } from "~/modules/constitution/sitting";
import { JustCastBanner, SittingProgress } from "~/modules/constitution/components/sitting";
import { castClauseBallot } from "~/modules/constitution/round.server";
import { pollsText } from "~/modules/polls/messages";
import { noteCastSent, noteCastStored } from "~/utils/cast-record";
import { requireUser } from "~/utils/auth.server";
import { logFailure } from "~/utils/errors";
import { formValues } from "~/utils/form-values";
import { readClauseAnswers } from "~/modules/constitution/clause-ballot-form";
import { clauseCastProblems } from "~/modules/constitution/messages";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const clauseId = params.clauseId ?? "";
  const ballot = await loadClauseBallot(context.db, user.id, clauseId);
  const sitting = await loadSitting(context.db, user.id);
  if (!ballot || !sitting) throw new Response(clauseCastProblems.not_found, { status: 404 });
  // Its ballot papers are still being made (decision 049): the overview says how far.
  if (sitting.round.preparing) throw redirect("/constitution/vote");
  const { titleOf, round, ...rest } = ballot;
  // The receipts of the ballot cast just before the redirect here, shown once (modules/constitution/sitting.ts).
  const cast = readJustCast(request.headers.get("Cookie"));
  return data(
    {
      ...rest,
      round: { number: round.number },
      progress: sittingProgress(sitting.clauses, clauseId),
      next: nextUnvoted(sitting.clauses, clauseId),
      justCast: cast ? { title: titleOf(cast.clauseId) ?? sittingMessages.previousClause, receipts: cast.receipts } : null,
    },
    cast ? { headers: { "Set-Cookie": clearedJustCastCookie(context.secure) } } : undefined,
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const clauseId = params.clauseId ?? "";
  const ballot = await loadClauseBallot(context.db, user.id, clauseId);
  if (!ballot) throw new Response(clauseCastProblems.not_found, { status: 404 });
  const values = formValues(await request.formData());
  const read = readClauseAnswers(ballot.questions, values);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  // Noted in the request's context, so that the receipts are shown even if what follows the
  // commit fails (the front door answers from it; decision 041).
  noteCastSent(context.casts, SITTING_PAGE);
  const cast = await castClauseBallot(context.db, user.id, clauseId, read.answers);
  if (!cast.ok) {
    const key = cast.pollId && cast.code === "answer_invalid" ? `q-${cast.pollId}` : "form";
    return data(
      { errors: { [key]: clauseCastProblems[cast.code] ?? clauseCastProblems.answer_invalid } as FieldErrors, values },
      { status: cast.code === "not_on_roll" ? 403 : 400 },
    );
  }
  const receipts = cast.receipts.map((r) => r.receipt);
  noteCastStored(context.casts, { receipts, checkAt: SITTING_PAGE });
  // Straight on to the next clause not yet voted on (or back to the progress page when the
  // member chose to stop, or has voted on them all), carrying the receipts across in a cookie.
  const next = values.then === "stop" ? null : await nextClauseAfterCast(request, context, user.id, clauseId);
  return redirect(next ? `/constitution/vote/${next}` : SITTING_PAGE, {
    headers: { "Set-Cookie": justCastCookie({ clauseId, receipts }, context.secure) },
  });
}

const SITTING_PAGE = "/constitution/vote";

/**
 * The next clause to vote on, once a ballot is stored; null for the progress page. Looking it up
 * reads the database again: if that fails, the ballot is stored all the same, so the member goes
 * to the progress page with the receipts in the cookie (with JavaScript, a failed action would
 * lose them) and the failure is logged.
 */
async function nextClauseAfterCast(request: Request, context: AppLoadContext, userId: string, clauseId: string): Promise<string | null> {
  try {
    const sitting = await loadSitting(context.db, userId);
    return sitting ? nextUnvoted(sitting.clauses, clauseId) : null;
  } catch (error) {
    logFailure({ method: request.method, url: request.url }, error);
    return null;
  }
}

export default function ClauseBallot() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const title = d.clause ? `${d.clause.number}. ${d.clause.title}` : t.thisClause;
  if (d.voted) {
    return (
      <div className="page page--narrow">
        <JustCastBanner cast={d.justCast} />
        <h1>{title}</h1>
        <p>{clauseCastProblems.already_voted}</p>
        <SittingProgress progress={d.progress} next={d.next} />
      </div>
    );
  }
  const fieldIds = Object.fromEntries(
    d.questions.map((q) => [`q-${q.pollId}`, q.kind === "competing" ? `rank-${q.pollId}-${q.options[0]?.position ?? 0}` : `choice-${q.pollId}-yes`]),
  );
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ ...fieldIds, form: "ballot-form" }} />
      <JustCastBanner cast={d.justCast} />
      <p className="caption">{sittingMessages.position(d.progress)}</p>
      <h1>{t.heading(title)}</h1>
      <p className="lead">{t.lead(d.round.number, d.questions.length)}</p>
      {d.encrypted ? <p className="hint">{pollsText.clauseBallotServerTrustee}</p> : null}
      {d.clause ? (
        <details>
          <summary>{t.clauseNow(d.clause.firstLine, d.clause.lastLine)}</summary>
          <ClauseText lines={d.clause.lines} cut={d.clause.cut} />
        </details>
      ) : null}
      {errors.form ? <p className="error-message">{errors.form}</p> : null}
      <Form method="post" noValidate id="ballot-form">
        {d.questions.map((q, i) => (
          <BallotQuestionFields
            key={q.pollId}
            question={q}
            index={i}
            clauseTitle={title}
            onlyQuestion={d.questions.length === 1}
            error={errors[`q-${q.pollId}`]}
            values={values}
          />
        ))}
        <p className="hint">{d.next ? sittingMessages.castThenNext : sittingMessages.castThenDone}</p>
        <div className="button-group">
          <button type="submit" className="button" name="then" value="next" disabled={busy}>
            {sittingMessages.cast}
          </button>
          {d.next ? (
            <button type="submit" className="button button--secondary" name="then" value="stop" disabled={busy}>
              {sittingMessages.castAndStop}
            </button>
          ) : null}
        </div>
      </Form>
      <p>
        <Link to="/constitution/vote">{sittingMessages.stopLink}</Link> {sittingMessages.stopHint}
      </p>
    </div>
  );
}
