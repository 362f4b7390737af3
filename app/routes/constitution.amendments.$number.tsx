import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ClauseText, WordDiff } from "~/modules/constitution/components/clause-text";
import { CommentThread } from "~/components/comment-thread";
import { ErrorSummary, NotificationBanner, Radios, TextArea, type FieldErrors } from "~/components/forms";
import { amendmentEffect, competitors } from "~/modules/constitution/amendment-view";
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
} from "~/modules/constitution/drafting.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import {
  amendmentKindLabels,
  amendmentStatusLabels,
  draftingProblemMessages,
  recommendationLabels,
  recommendationReasonsLabel,
  tooLongToCompare,
  wordLimitMessages,
} from "~/modules/constitution/messages";
import { shownText } from "~/modules/constitution/shown-text";
import { constitutionAccess, numberedView } from "~/modules/constitution/views.server";
import { requireUser } from "~/utils/auth.server";
import { recommendationValues, type RecommendationKind } from "../../db/schema";

export const meta: MetaFunction = ({ params }) => [{ title: `Amendment A${params.number ?? ""} - Constitution - Breakaway` }];

async function find(context: LoaderFunctionArgs["context"], number: string | undefined) {
  const draft = await currentDraft(context.db);
  if (!draft) throw new Response("There is no draft constitution yet.", { status: 404 });
  const row = await amendmentByNumber(context.db, draft.id, Number(number));
  if (!row) throw new Response("There is no such amendment.", { status: 404 });
  return { draft, row };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireUser(request, context, "constitution.take_part");
  const access = await constitutionAccess(context);
  if (!access.seesDebate) throw new Response("Amendments are open to founding members. Accept your invitation on the Founding page first.", { status: 403 });
  const { draft, row } = await find(context, params.number);
  const onClause = await listAmendments(context.db, draft.id, row.clauseId);
  const [summary] = onClause.filter((a) => a.id === row.id);
  if (!summary) throw new Response("There is no such amendment.", { status: 404 });
  const original = await originalDocument(context.db, draft.id);
  const effect = amendmentEffect(original, summary.engine);
  const clauseView = numberedView(original.clauses, draft.lineWidth).find((c) => c.id === row.clauseId) ?? null;
  const afterView = effect.document ? numberedView(effect.document.clauses, draft.lineWidth) : [];
  const changedId = summary.engine.kind === "insertAfter" ? summary.engine.clause.id : row.clauseId;
  const names = await supporterNames(context.db, [row.id]);
  const mine = await supportedBy(context.db, auth.user.id, [row.id]);
  const comments = await listComments(context.db, draft.id, row.clauseId, row.id);
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
    isProposer: row.proposerId === auth.user.id,
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

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const { row } = await find(context, params.number);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const who = { id: user.id, email: user.email, isOrganiser: user.role === "organiser" };
  const fail = (code: keyof typeof draftingProblemMessages, extra: Record<string, unknown> = {}) =>
    data({ intent, error: draftingProblemMessages[code], done: null, ...extra }, { status: code === "not_founding_member" ? 403 : 400 });
  if (intent === "support" || intent === "unsupport") {
    const r = await setSupport(context.db, who, row.id, intent === "support");
    return r.ok ? { intent, error: undefined, done: intent === "support" ? "Your support is recorded." : "Your support is withdrawn." } : fail(r.code);
  }
  if (intent === "withdraw") {
    const r = await withdrawAmendment(context.db, who, row.id);
    return r.ok ? { intent, error: undefined, done: "Your amendment is withdrawn." } : fail(r.code);
  }
  if (intent === "comment") {
    const parentId = String(form.get("parentId") ?? "");
    const r = await addComment(context.db, who, {
      clauseId: row.clauseId,
      amendmentId: row.id,
      parentId: parentId || null,
      body: String(form.get("body") ?? ""),
    });
    return r.ok ? { intent, error: undefined, done: "Comment posted." } : fail(r.code, { errorFor: parentId });
  }
  if (intent === "recommend") {
    requireUser(request, context, "constitution.manage");
    const kind = String(form.get("kind") ?? "");
    const values = { reasons: String(form.get("reasons") ?? ""), compromiseText: String(form.get("compromiseText") ?? "") };
    if (!recommendationValues.includes(kind as RecommendationKind)) {
      return data({ intent, error: "Choose the committee's recommendation", field: "kind", done: null, values }, { status: 400 });
    }
    const r = await setRecommendation(context.db, { id: user.id, label: user.email }, { amendmentId: row.id, kind: kind as RecommendationKind, ...values });
    const error = r.ok
      ? undefined
      : r.code === "recommendation_reasons_too_long" && r.detail
        ? wordLimitMessages.recommendationReasons(Number(r.detail))
        : draftingProblemMessages[r.code];
    if (!r.ok)
      return data(
        { intent, error, field: r.code === "compromise_missing" || r.code.startsWith("clause_text_") ? "compromiseText" : "reasons", done: null, values },
        { status: 400 },
      );
    return { intent, error: undefined, done: "The recommendation is published." };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function AmendmentPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    | { intent: string; error?: string; done: string | null; errorFor?: string; field?: string; values?: { reasons: string; compromiseText: string } }
    | undefined;
  const [search] = useSearchParams();
  const recommendErrors: FieldErrors = result?.intent === "recommend" && result.error ? { [result.field ?? "reasons"]: result.error } : {};
  return (
    <div className="page">
      <ErrorSummary
        errors={result?.error && result.intent !== "comment" ? (result.intent === "recommend" ? recommendErrors : { support: result.error }) : {}}
        fieldIds={{ kind: "kind-accept", support: "support-actions" }}
      />
      {search.get("proposed") ? (
        <NotificationBanner title="Amendment proposed" kind="success">
          Ask other founding members to support it: share this page&rsquo;s address.
        </NotificationBanner>
      ) : null}
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          The page shows the change.
        </NotificationBanner>
      ) : null}
      <p>
        <Link to={`/constitution/clauses/${d.clause.id}`}>
          Back to {d.clause.number ? `${d.clause.number}. ` : ""}
          {d.clause.title}
        </Link>
      </p>
      <h1>
        Amendment A{d.number}: {d.kind}
      </h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Clause</dt>
          <dd>
            {d.clause.number ? `${d.clause.number}. ` : ""}
            {d.clause.title}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Proposed by</dt>
          <dd>{d.proposer}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>{d.status}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Supporters</dt>
          <dd>
            {d.byCommittee ? "A committee amendment needs no supporters. " : `${d.supporters.length} of ${d.supportersNeeded} needed. `}
            {d.supporters.length > 0 ? d.supporters.join(", ") : "None yet."}
          </dd>
        </div>
      </dl>
      <h2>Reason</h2>
      <p className="comment__body">{d.reason.text}</p>
      {d.reason.cut ? <p className="hint">{d.reason.cut}</p> : null}

      <h2>What it changes</h2>
      {d.effect.note ? <p>{d.effect.note}</p> : null}
      {!d.effect.applies ? <p>This amendment no longer fits the text.</p> : null}
      {d.competesWith.length > 0 ? (
        <p>
          <strong>Competes with {d.competesWith.map((n) => `A${n}`).join(", ")}:</strong> they change the same words, so the ballot will ask members to rank
          them against each other and &ldquo;No change&rdquo;.
        </p>
      ) : null}
      {d.effect.comparedWordByWord ? null : <p>{tooLongToCompare}</p>}
      {d.effect.cut.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {d.effect.segments.some((s) => s.kind !== "same") ? <WordDiff segments={d.effect.segments} label={`Changes made by amendment A${d.number}`} /> : null}
      {d.after ? (
        <details>
          <summary>The clause with only this amendment made, with line numbers</summary>
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
            <p>Supporting means you want the members to vote on it, not that you will vote for it.</p>
            <button type="submit" className={d.supported ? "button button--secondary" : "button"}>
              {d.supported ? `Withdraw my support for A${d.number}` : `Support A${d.number}`}
            </button>
          </Form>
        ) : null}
        {d.open && d.isProposer ? (
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button button--warning">
              Withdraw my amendment A{d.number}
            </button>
          </Form>
        ) : null}
      </div>

      <section aria-labelledby="recommendation-title" className="recommendation">
        <h2 id="recommendation-title">The drafting committee&rsquo;s recommendation</h2>
        {d.recommendation ? (
          <>
            <p>
              <strong>{recommendationLabels[d.recommendation.kind]}.</strong> {d.recommendation.reasons.text}
            </p>
            {d.recommendation.reasons.cut ? <p className="hint">{d.recommendation.reasons.cut}</p> : null}
            {d.recommendation.compromiseText.text ? (
              <>
                <h3>Compromise text</h3>
                <p className="comment__body">{d.recommendation.compromiseText.text}</p>
                {d.recommendation.compromiseText.cut ? <p className="hint">{d.recommendation.compromiseText.cut}</p> : null}
              </>
            ) : null}
            <p className="hint">Advice only: the members decide (standing orders 7.11).</p>
          </>
        ) : (
          <p>No recommendation yet.</p>
        )}
        {d.access.organiser && d.open ? (
          <details open={result?.intent === "recommend"}>
            <summary>{d.recommendation ? "Change the recommendation" : "Publish a recommendation"}</summary>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="recommend" />
              <Radios
                name="kind"
                idPrefix="kind"
                legend="The committee recommends"
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
                label="Compromise text (for a compromise)"
                hint="The clause as the committee would accept it."
                rows={6}
                defaultValue={result?.values?.compromiseText ?? d.recommendation?.compromiseText.text ?? ""}
                error={recommendErrors.compromiseText}
              />
              <button type="submit" className="button">
                Publish the recommendation
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">Comments on A{d.number}</h2>
        <CommentThread
          comments={d.comments}
          canComment={d.access.foundingMember || d.access.organiser}
          formId={`a${d.number}`}
          error={result?.intent === "comment" ? result.error : undefined}
          errorFor={result?.intent === "comment" ? result.errorFor : undefined}
        />
      </section>
    </div>
  );
}
