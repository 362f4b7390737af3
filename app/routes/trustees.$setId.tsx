import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { CeremonyTask } from "~/modules/polls/components/trustee-ceremony";
import { GiveKeyTask } from "~/modules/polls/components/trustee-key";
import { BatchWork } from "~/modules/polls/components/trustee-batch";
import { trusteeSetAction, type TrusteeSetAnswer } from "~/modules/polls/trustee-set-actions.server";
import { trusteeText as t } from "~/modules/polls/trustee-messages";
import { trusteeSetPageView } from "~/modules/road/trustee-set-view.server";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

/**
 * A member of a trustee set at work before its polls open (an election's, decision 047, or a part
 * of the road's, decision 048): making
 * their key, or taking the threshold ceremony's steps, in their browser or with belenios-tool.
 * The key file never reaches the server. After the close they decrypt on each ballot's page.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  const page = await trusteeSetPageView(context.db, params.setId ?? "", user.id);
  if (!page) throw new Response(t.notTrustee, { status: 404 });
  return data(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  const values = formValues(await request.formData());
  const done = await trusteeSetAction(context.db, { id: user.id, label: user.email }, params.setId ?? "", values);
  if (!done) throw new Response(t.unknownRequest, { status: 400 });
  return respond(done);
}

export default function TrusteeSetPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as TrusteeSetAnswer | undefined;
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ share: "share" }} />
      {result?.ok ? (
        <div className="panel panel--confirmation" role="status">
          <p>{result.ceremonyStep ? t.stepSent : t.sent.key}</p>
        </div>
      ) : null}
      <h1>{t.title(d.title)}</h1>
      <p className="lead">{t.setLead(d.position, d.trustees, d.threshold, d.what)}</p>
      {d.task.kind === "give_key" ? <GiveKeyTask groupName={d.groupName} keyFingerprint={d.keyFingerprint} error={errors.share} /> : null}
      {d.task.kind === "ceremony" ? (
        <CeremonyTask
          page={{
            filesBase: `/trustees/${d.setId}`,
            groupName: d.groupName,
            position: d.position,
            trustees: d.trustees,
            threshold: d.threshold ?? d.trustees,
            ...d.task,
          }}
          error={errors.share}
        />
      ) : null}
      {d.ballots.length > 0 ? (
        <section aria-labelledby="ballots-title">
          <h2 id="ballots-title">{t.setBallotsTitle}</h2>
          <BatchWork groupName={d.groupName} threshold={d.threshold} ballots={d.ballots} />
          <ul className="list">
            {d.ballots.map((b) => (
              <li key={b.pollId}>
                <Link to={`/polls/${b.pollId}/trustee`}>{b.title}</Link>: {t.setBallotTask[b.task]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.task.kind === "wait_for_close" && d.ballots.length === 0 ? (
        <p>
          {d.keyFingerprint ? `${d.threshold === null ? t.keyGivenNow(d.keyFingerprint) : t.ceremonyDone(d.keyFingerprint)} ` : ""}
          {t.setWaitForBallots}
        </p>
      ) : null}
      <p>
        <Link to={d.back.href}>{d.back.label}</Link>
      </p>
    </div>
  );
}
