import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClauseText } from "~/modules/constitution/components/clause-text";
import { ClauseAmendments } from "~/modules/constitution/components/clause-page/amendments";
import { CommentThread } from "~/components/comment-thread";
import { NotificationBanner } from "~/components/forms";
import { clausePageText as t } from "~/modules/constitution/clause-page-messages";
import { clausePageView } from "~/modules/constitution/clause-page-view.server";
import { commentOnClause } from "~/modules/constitution/clause-page-actions.server";
import { commentNamesShown } from "~/modules/constitution/messages";
import { respond } from "~/utils/action-answer.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${t.metaTitle(d ? `${d.clause.number}. ${d.clause.title}` : null)} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const page = await clausePageView(context, params.clauseId);
  if ("missing" in page) throw new Response(page.missing, { status: 404 });
  return page;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const form = formValues(await request.formData());
  if (form.intent !== "comment") throw new Response(t.unknownAction, { status: 400 });
  const who = { id: user.id, email: user.email, isOrganiser: user.role === "organiser" };
  return respond(await commentOnClause(context.db, who, params.clauseId, form));
}

export default function ClausePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const c = d.clause;
  return (
    <div className="page">
      <p>
        <Link to={`/constitution/read/${c.id}`}>{t.back}</Link>
      </p>
      {result?.posted ? (
        <NotificationBanner title={t.commentPosted.title} kind="success">
          {t.commentPosted.body}
        </NotificationBanner>
      ) : null}
      <h1>
        {c.number}. {c.title} {c.entrenched ? <span className="tag tag--entrenched">{t.entrenched}</span> : null}
      </h1>
      <p className="clause__lines-note">
        {d.phaseLabel}. {c.firstLine !== null ? t.lines(c.firstLine, c.lastLine) : null}
      </p>
      <ClauseText lines={c.lines} cut={c.cut} />
      {d.canPropose ? (
        <p>
          <Link to={`/constitution/clauses/${c.id}/amend`} className="button">
            {t.propose}
          </Link>
        </p>
      ) : null}

      <ClauseAmendments clauseId={c.id} view={d} />

      {d.access.seesDebate ? (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t.comments}</h2>
          <CommentThread
            comments={d.comments}
            canComment={d.access.foundingMember || d.access.organiser}
            formId="clause"
            error={result?.error}
            errorFor={result?.errorFor}
            whoSeesNames={commentNamesShown}
          />
        </section>
      ) : null}
    </div>
  );
}
