import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ClauseText, WordDiff } from "~/modules/constitution/components/clause-text";
import { CommentThread } from "~/components/comment-thread";
import { ErrorSummary, NotificationBanner, Radios, TextArea, type FieldErrors } from "~/components/forms";
import { amendmentPageText, commentNamesShown, recommendationLabels, recommendationReasonsLabel, tooLongToCompare } from "~/modules/constitution/messages";
import { constitutionAccess } from "~/modules/constitution/views.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";
import { amendmentAction, amendmentPageView, findAmendment, type AmendmentAnswer } from "~/modules/constitution/amendment-page.server";
import { recommendationValues } from "../../db/schema";
import { respond } from "~/utils/action-answer.server";

export const meta: MetaFunction = ({ params }) => [{ title: `${amendmentPageText.metaTitle(params.number ?? "")} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireUser(request, context, "constitution.take_part");
  const access = await constitutionAccess(context);
  if (!access.seesDebate) throw new Response(amendmentPageText.notYetFoundingMember, { status: 403 });
  const found = await findAmendment(context.db, params.number);
  if ("missing" in found) throw new Response(found.missing, { status: 404 });
  const page = await amendmentPageView(context.db, auth.user.id, access, found);
  if (!page) throw new Response(amendmentPageText.noSuchAmendment, { status: 404 });
  return page;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const found = await findAmendment(context.db, params.number);
  if ("missing" in found) throw new Response(found.missing, { status: 404 });
  const form = formValues(await request.formData());
  const intent = form.intent ?? "";
  if (intent === "recommend") requireUser(request, context, "constitution.manage");
  const who = { id: user.id, email: user.email, isOrganiser: user.role === "organiser" };
  const done = await amendmentAction(context.db, who, found.row, intent, form);
  if (!done) throw new Response(amendmentPageText.unknownAction, { status: 400 });
  return respond(done);
}

export default function AmendmentPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AmendmentAnswer | undefined;
  const [search] = useSearchParams();
  const t = amendmentPageText;
  const clauseName = `${d.clause.number ? `${d.clause.number}. ` : ""}${d.clause.title}`;
  const recommendErrors: FieldErrors = result?.intent === "recommend" && result.error ? { [result.field ?? "reasons"]: result.error } : {};
  return (
    <div className="page">
      <ErrorSummary
        errors={result?.error && result.intent !== "comment" ? (result.intent === "recommend" ? recommendErrors : { support: result.error }) : {}}
        fieldIds={{ kind: "kind-accept", support: "support-actions" }}
      />
      {search.get("proposed") ? (
        <NotificationBanner title={t.proposed.title} kind="success">
          {t.proposed.body}
        </NotificationBanner>
      ) : null}
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          {t.doneBody}
        </NotificationBanner>
      ) : null}
      <p>
        <Link to={`/constitution/clauses/${d.clause.id}`}>{t.back(clauseName)}</Link>
      </p>
      <h1>{t.heading(d.number, d.kind)}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t.terms.clause}</dt>
          <dd>{clauseName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.terms.proposer}</dt>
          <dd>{d.proposer}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.terms.status}</dt>
          <dd>{d.status}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.terms.supporters}</dt>
          <dd>
            {d.byCommittee ? t.committeeNeedsNone : t.supportersNeeded(d.supporters.length, d.supportersNeeded)}
            {d.supporters.length > 0 ? d.supporters.join(", ") : t.noSupporters}
          </dd>
        </div>
      </dl>
      <h2>{t.reason}</h2>
      <p className="comment__body">{d.reason.text}</p>
      {d.reason.cut ? <p className="hint">{d.reason.cut}</p> : null}

      <h2>{t.whatItChanges}</h2>
      {d.effect.note ? <p>{d.effect.note}</p> : null}
      {!d.effect.applies ? <p>{t.noLongerFits}</p> : null}
      {d.competesWith.length > 0 ? (
        <p>
          <strong>{t.competesWith(d.competesWith.map((n) => `A${n}`).join(", "))}</strong>
          {t.competesExplained}
        </p>
      ) : null}
      {d.effect.comparedWordByWord ? null : <p>{tooLongToCompare}</p>}
      {d.effect.cut.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {d.effect.segments.some((s) => s.kind !== "same") ? <WordDiff segments={d.effect.segments} label={t.changesMadeBy(d.number)} /> : null}
      {d.after ? (
        <details>
          <summary>{t.withOnlyThis}</summary>
          <h3>
            {d.after.number}. {d.after.title}
          </h3>
          <ClauseText lines={d.after.lines} cut={d.after.cut} />
        </details>
      ) : null}

      <div id="support-actions">
        {d.open && d.access.foundingMember && !d.isProposer ? (
          <Form method="post">
            <input type="hidden" name="intent" value={d.supported ? "unsupport" : "support"} />
            <p>{t.supportingMeans}</p>
            <button type="submit" className={d.supported ? "button button--secondary" : "button"}>
              {d.supported ? t.withdrawSupport(d.number) : t.support(d.number)}
            </button>
          </Form>
        ) : null}
        {d.open && d.isProposer ? (
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button button--warning">
              {t.withdrawMine(d.number)}
            </button>
          </Form>
        ) : null}
      </div>

      <section aria-labelledby="recommendation-title" className="recommendation">
        <h2 id="recommendation-title">{t.recommendation.heading}</h2>
        {d.recommendation ? (
          <>
            <p>
              <strong>{recommendationLabels[d.recommendation.kind]}.</strong> {d.recommendation.reasons.text}
            </p>
            {d.recommendation.reasons.cut ? <p className="hint">{d.recommendation.reasons.cut}</p> : null}
            {d.recommendation.compromiseText.text ? (
              <>
                <h3>{t.recommendation.compromise}</h3>
                <p className="comment__body">{d.recommendation.compromiseText.text}</p>
                {d.recommendation.compromiseText.cut ? <p className="hint">{d.recommendation.compromiseText.cut}</p> : null}
              </>
            ) : null}
            <p className="hint">{t.recommendation.adviceOnly}</p>
          </>
        ) : (
          <p>{t.recommendation.none}</p>
        )}
        {d.access.organiser && d.open ? (
          <details open={result?.intent === "recommend"}>
            <summary>{d.recommendation ? t.recommendation.change : t.recommendation.publish}</summary>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="recommend" />
              <Radios
                name="kind"
                idPrefix="kind"
                legend={t.recommendation.legend}
                choices={recommendationValues.map((k) => [k, recommendationLabels[k]] as const)}
                checked={d.recommendation?.kind}
                error={recommendErrors.kind}
              />
              <TextArea
                name="reasons"
                label={recommendationReasonsLabel(d.reasonsMaxWords)}
                defaultValue={result?.values?.reasons ?? d.recommendation?.reasons.text ?? ""}
                error={recommendErrors.reasons}
              />
              <TextArea
                name="compromiseText"
                label={t.recommendation.compromiseLabel}
                hint={t.recommendation.compromiseHint}
                rows={6}
                defaultValue={result?.values?.compromiseText ?? d.recommendation?.compromiseText.text ?? ""}
                error={recommendErrors.compromiseText}
              />
              <button type="submit" className="button">
                {t.recommendation.submit}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t.comments(d.number)}</h2>
        <CommentThread
          comments={d.comments}
          canComment={d.access.foundingMember || d.access.organiser}
          formId={`a${d.number}`}
          error={result?.intent === "comment" ? result.error : undefined}
          errorFor={result?.intent === "comment" ? result.errorFor : undefined}
          whoSeesNames={commentNamesShown}
        />
      </section>
    </div>
  );
}
