import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ClauseText } from "~/modules/constitution/components/clause-text";
import { BallotQuestionFields } from "~/modules/constitution/components/clause-ballot/question";
import { ErrorSummary, FieldError } from "~/components/forms";
import { clauseBallotText as t, sittingMessages } from "~/modules/constitution/sitting-messages";
import { clearedJustCastCookie, justCastCookie, readJustCast } from "~/modules/constitution/sitting";
import { castFromSitting, SITTING_PAGE, type ClauseCastAnswer } from "~/modules/constitution/sitting-actions.server";
import { clauseBallotView } from "~/modules/constitution/sitting-view.server";
import { JustCastBanner, SittingProgress } from "~/modules/constitution/components/sitting";
import { pollsText } from "~/modules/polls/messages";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { logFailure } from "~/utils/errors";
import { formValues } from "~/utils/form-values";
import { clauseCastProblems } from "~/modules/constitution/messages";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  // The receipts of the ballot cast just before the redirect here, shown once (modules/constitution/sitting.ts).
  const cast = readJustCast(request.headers.get("Cookie"));
  const page = await clauseBallotView(context.db, user.id, params.clauseId ?? "", cast);
  if (!page) throw new Response(clauseCastProblems.not_found, { status: 404 });
  // Its ballot papers are still being made (decision 049): the overview says how far.
  if (page === "preparing") throw redirect(SITTING_PAGE);
  return data(page, cast ? { headers: { "Set-Cookie": clearedJustCastCookie(context.secure) } } : undefined);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const clauseId = params.clauseId ?? "";
  const values = formValues(await request.formData());
  const done = await castFromSitting(context.db, context.casts, user.id, clauseId, values, (error) =>
    logFailure({ method: request.method, url: request.url }, error),
  );
  if (!done) throw new Response(clauseCastProblems.not_found, { status: 404 });
  if ("goTo" in done) return redirect(done.goTo, { headers: { "Set-Cookie": justCastCookie(done.cast, context.secure) } });
  return respond(done);
}

export default function ClauseBallot() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ClauseCastAnswer | undefined;
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
  // The ballot's own error (not a question's) belongs to the buttons that cast it.
  const castError = errors.form ? "cast-error" : undefined;
  const fieldIds = Object.fromEntries(
    d.questions.map((q) => [`q-${q.pollId}`, q.kind === "competing" ? `rank-${q.pollId}-${q.options[0]?.position ?? 0}` : `choice-${q.pollId}-yes`]),
  );
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ ...fieldIds, form: "cast" }} />
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
      <FieldError id="cast" message={errors.form} />
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
          <button type="submit" id="cast" className="button" name="then" value="next" disabled={busy} aria-describedby={castError}>
            {sittingMessages.cast}
          </button>
          {d.next ? (
            <button type="submit" className="button button--secondary" name="then" value="stop" disabled={busy} aria-describedby={castError}>
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
