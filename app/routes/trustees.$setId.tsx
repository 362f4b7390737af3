import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { CeremonyTask } from "~/modules/polls/components/trustee-ceremony";
import { GiveKeyTask } from "~/modules/polls/components/trustee-key";
import { BatchWork } from "~/modules/polls/components/trustee-batch";
import { ballotsOfTrusteeSet, electionOfTrusteeSet } from "~/modules/elections/election-trustees.server";
import { giveSetKey } from "~/modules/polls/encrypted/trustee-sets.server";
import { pollsOfSet, scopeOfSet } from "~/modules/polls/encrypted/scope-trustees.server";
import { scopeSetTitle, scopeTrusteeText } from "~/modules/polls/scope-trustee-messages";
import { trusteeSetPage } from "~/modules/polls/trustee-set-page.server";
import { trusteePage } from "~/modules/polls/trustee-page.server";
import type { DbOrTx } from "~/utils/db.server";
import { trusteeProblems, trusteeText as t } from "~/modules/polls/trustee-messages";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Your part as a trustee - Breakaway" }];

/**
 * A member of a trustee set at work before its polls open (an election's, decision 047, or a part
 * of the road's, decision 048): making
 * their key, or taking the threshold ceremony's steps, in their browser or with belenios-tool.
 * The key file never reaches the server. After the close they decrypt on each ballot's page.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  const setId = params.setId ?? "";
  const page = await trusteeSetPage(context.db, setId, user.id);
  if (!page) throw new Response(t.notTrustee, { status: 404 });
  // An election's set (decision 047), or one named for a part of the road (decision 048).
  const [election, scope] = await Promise.all([electionOfTrusteeSet(context.db, setId), scopeOfSet(context.db, setId)]);
  const about = scope ? scopeTrusteeText(scope) : null;
  // Once the ballots are open: each one, and what it asks of this trustee now.
  const ballots = page.inUse ? await ballotTasks(context.db, setId, user.id, election !== null) : [];
  return data(
    {
      ...page,
      title: election?.title ?? (scope ? scopeSetTitle(scope, page.groupName) : t.setTitleFallback),
      what: about?.every ?? t.electionBallots,
      back: about?.back ?? { href: "/elections", label: t.electionsLink },
      ballots,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** Each ballot of the set, and what it asks of this trustee: the same task its own trustee page shows. */
async function ballotTasks(db: DbOrTx, setId: string, userId: string, ofElection: boolean) {
  const ballots = ofElection ? await ballotsOfTrusteeSet(db, setId) : await pollsOfSet(db, setId);
  return Promise.all(
    ballots.map(async (b) => {
      const page = await trusteePage(db, b.pollId, userId);
      const task = page?.task.kind ?? "wait_for_close";
      const kind =
        task === "shuffle" || task === "decrypt" ? ("yours" as const) : task === "done" || b.status === "closed" ? ("done" as const) : ("waiting" as const);
      // What the set's page needs to do this ballot's part in the browser with the others.
      const work =
        task === "shuffle" || task === "decrypt"
          ? { kind: task === "shuffle" ? ("shuffle" as const) : ("decryption" as const), shuffled: page?.shuffled ?? 0 }
          : null;
      return { pollId: b.pollId, title: b.title, task: kind, work, publicKey: page?.publicKey ?? null };
    }),
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  const form = await request.formData();
  const share = form.get("share");
  if (form.get("intent") !== "key") throw new Response("Unknown request.", { status: 400 });
  if (typeof share !== "string" || share.trim() === "")
    return data({ ok: false as const, errors: { share: trusteeProblems.empty } as FieldErrors }, { status: 400 });
  const result = await giveSetKey(context.db, { id: user.id, label: user.email }, params.setId ?? "", share);
  if (!result.ok) return data({ ok: false as const, errors: { share: trusteeProblems[result.code] } as FieldErrors }, { status: 400 });
  return data({ ok: true as const, ceremonyStep: result.step !== undefined });
}

export default function TrusteeSetPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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
