import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClauseText, CompactDiff, compactSegments } from "~/modules/constitution/components/clause-text";
import { CommentThread } from "~/components/comment-thread";
import { NotificationBanner } from "~/components/forms";
import { amendmentEffect, competitors } from "~/modules/constitution/amendment-view";
import { addComment, currentDraft, listAmendments, listComments, originalDocument } from "~/modules/constitution/drafting.server";
import { amendmentKindLabels, amendmentStatusLabels, draftingProblemMessages, phaseLabels, tooLongToCompare } from "~/modules/constitution/messages";
import { shownText } from "~/modules/constitution/shown-text";
import { constitutionAccess, numberedView } from "~/modules/constitution/views.server";
import { requirePermission, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d ? `${d.clause.number}. ${d.clause.title}` : "Clause"} - Constitution - Breakaway` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const draft = await currentDraft(context.db);
  if (!draft) throw new Response("There is no draft constitution yet.", { status: 404 });
  const original = await originalDocument(context.db, draft.id);
  const view = numberedView(original.clauses, draft.lineWidth);
  const clause = view.find((c) => c.id === params.clauseId);
  if (!clause) throw new Response("There is no such clause in the draft.", { status: 404 });
  const access = await constitutionAccess(context);
  const amendments = access.seesDebate ? await listAmendments(context.db, draft.id, clause.id) : [];
  const comments = access.seesDebate ? await listComments(context.db, draft.id, clause.id, null) : [];
  const competing = competitors(
    original,
    amendments.filter((a) => a.status === "open" || a.status === "undecided"),
  );
  return {
    phase: draft.phase,
    phaseLabel: phaseLabels[draft.phase],
    supportersNeeded: draft.supportersNeeded,
    clause: { ...clause, text: "" },
    access,
    canPropose: draft.phase === "drafting" && (access.foundingMember || access.organiser),
    amendments: amendments.map((a) => {
      const effect = amendmentEffect(original, a.engine);
      return {
        number: a.number,
        kind: amendmentKindLabels[a.operation.kind] ?? a.operation.kind,
        proposer: a.byCommittee ? "Drafting committee" : a.proposer,
        status: amendmentStatusLabels[a.status],
        supporters: a.supporters,
        byCommittee: a.byCommittee,
        reason: shownText(a.reason, "reason"),
        note: effect.note,
        segments: compactSegments(effect.segments),
        comparedWordByWord: effect.comparedWordByWord,
        cut: effect.cut,
        recommendation: a.recommendation?.kind ?? null,
        competesWith: competing.get(a.number) ?? [],
      };
    }),
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const form = await request.formData();
  if (form.get("intent") !== "comment") throw new Response("Unknown action", { status: 400 });
  const parentId = String(form.get("parentId") ?? "");
  const added = await addComment(
    context.db,
    { id: user.id, email: user.email, isOrganiser: user.role === "organiser" },
    {
      clauseId: params.clauseId ?? "",
      amendmentId: null,
      parentId: parentId || null,
      body: String(form.get("body") ?? ""),
    },
  );
  if (!added.ok)
    return data(
      { error: draftingProblemMessages[added.code], errorFor: parentId, posted: false },
      { status: added.code === "not_founding_member" ? 403 : 400 },
    );
  return { error: undefined, errorFor: undefined, posted: true };
}

export default function ClausePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const c = d.clause;
  return (
    <div className="page">
      <p>
        <Link to={`/constitution/read/${c.id}`}>Back to the clause in the constitution</Link>
      </p>
      {result?.posted ? (
        <NotificationBanner title="Comment posted" kind="success">
          Your comment is below.
        </NotificationBanner>
      ) : null}
      <h1>
        {c.number}. {c.title} {c.entrenched ? <span className="tag tag--entrenched">Entrenched</span> : null}
      </h1>
      <p className="clause__lines-note">
        {d.phaseLabel}. {c.firstLine !== null ? `Lines ${c.firstLine} to ${c.lastLine}.` : null}
      </p>
      <ClauseText lines={c.lines} cut={c.cut} />
      {d.canPropose ? (
        <p>
          <Link to={`/constitution/clauses/${c.id}/amend`} className="button">
            Propose an amendment to this clause
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="amendments-title">
        <h2 id="amendments-title">Amendments</h2>
        {!d.access.seesDebate ? (
          <p>
            Founding members see and propose amendments here.{" "}
            {d.access.signedIn ? null : <Link to={`/login?redirectTo=/constitution/clauses/${c.id}`}>Sign in</Link>}
          </p>
        ) : d.amendments.length === 0 ? (
          <p>No amendments to this clause yet.</p>
        ) : (
          d.amendments.map((a) => (
            <article key={a.number} className="amendment" aria-labelledby={`a${a.number}-title`}>
              <h3 id={`a${a.number}-title`}>
                <Link to={`/constitution/amendments/${a.number}`}>Amendment A{a.number}</Link>: {a.kind}
              </h3>
              <p>
                Proposed by {a.proposer}. Status: {a.status}.{" "}
                {a.byCommittee ? "Committee amendments need no supporters." : `Supporters: ${a.supporters} of ${d.supportersNeeded} needed.`}
                {a.recommendation ? ` The drafting committee has made a recommendation.` : ""}
              </p>
              {a.note ? <p>{a.note}</p> : null}
              {a.competesWith.length > 0 ? (
                <p>
                  <strong>Competes with {a.competesWith.map((n) => `A${n}`).join(", ")}:</strong> they change the same words, so they will be ranked against
                  each other and &ldquo;No change&rdquo;.
                </p>
              ) : null}
              {a.comparedWordByWord ? null : <p>{tooLongToCompare}</p>}
              {a.cut.map((sentence) => (
                <p key={sentence}>{sentence}</p>
              ))}
              {a.segments.some((s) => s.kind !== "same") ? <CompactDiff segments={a.segments} label={`Changes made by amendment A${a.number}`} /> : null}
              <p>
                <strong>Reason:</strong> {a.reason.text}
              </p>
              {a.reason.cut ? <p className="hint">{a.reason.cut}</p> : null}
              <p>
                <Link to={`/constitution/amendments/${a.number}`}>Read, support or comment on A{a.number}</Link>
              </p>
            </article>
          ))
        )}
      </section>

      {d.access.seesDebate ? (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">Comments on this clause</h2>
          <CommentThread
            comments={d.comments}
            canComment={d.access.foundingMember || d.access.organiser}
            formId="clause"
            error={result?.error}
            errorFor={result?.errorFor}
          />
        </section>
      ) : null}
    </div>
  );
}
