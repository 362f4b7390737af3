import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPolls } from "~/modules/polls/poll-list.server";
import { pollIdsOnRoll } from "~/modules/polls/roll.server";
import { pollTimeLine } from "~/modules/polls/status";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import { trusteeTasksOf } from "~/modules/polls/trustee-page.server";
import { trusteeSetOf, trusteeSetTasksOf } from "~/modules/polls/encrypted/trustee-sets.server";
import { electionOfTrusteeSet } from "~/modules/elections/election-trustees.server";
import { scopeOfSet } from "~/modules/polls/encrypted/scope-trustees.server";
import { scopeSetTitle } from "~/modules/polls/scope-trustee-messages";
import type { DbOrTx } from "~/utils/db.server";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Polls - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const all = await listPolls(context.db);
  const canManage = isAllowed(principalOf(context), "poll.manage");
  // Drafts are for those who run polls.
  const visible = all.filter((p) => p.status !== "draft" || canManage);
  const [mine, trusteeTasks] = auth
    ? await Promise.all([
        pollIdsOnRoll(
          context.db,
          auth.user.id,
          visible.map((p) => p.id),
        ),
        trusteeTasksOf(context.db, auth.user.id),
      ])
    : [new Set<string>(), []];
  // An election's trustees make their key on the trustee set's page (decision 047).
  // A part of the road's trustees likewise (decision 048).
  const setTasks = auth ? await Promise.all((await trusteeSetTasksOf(context.db, auth.user.id)).map((t) => setTask(context.db, t.setId))) : [];
  const now = new Date();
  return {
    canManage,
    setTasks,
    // A trustee's drafts are not listed for them, but their key is needed before the poll opens (decision 045).
    trusteeTasks,
    polls: visible.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      // A poll closed early is listed with the time it closed (decision 039).
      timeLine: pollTimeLine(p, now),
      onRoll: mine.has(p.id),
    })),
  };
}

/** A set's task line: for an election's ballots, or for a part of the road's vote. */
async function setTask(db: DbOrTx, setId: string) {
  const [election, scope, set] = await Promise.all([electionOfTrusteeSet(db, setId), scopeOfSet(db, setId), trusteeSetOf(db, setId)]);
  if (scope) return { setId, title: scopeSetTitle(scope, set?.groupName ?? ""), task: pollTrusteeText.taskScopeKey };
  return { setId, title: election?.title ?? pollTrusteeText.setTaskFallback, task: pollTrusteeText.taskSetKey };
}

export default function Polls() {
  const { polls, canManage, trusteeTasks, setTasks } = useLoaderData<typeof loader>();
  const groups = [
    { status: "open", title: "Open now" },
    { status: "draft", title: "Not yet open" },
    { status: "decrypting", title: "Closed, waiting for the trustees to decrypt the result" },
    { status: "closed", title: "Closed, with results" },
  ] as const;
  return (
    <div className="page">
      <h1>Polls</h1>
      <p className="lead">Secret ballots of the movement. Results are published when each poll closes, with everything needed to check the count.</p>
      <p>
        Votes on the constitution&rsquo;s clauses are under <Link to="/constitution">Constitution</Link>, with their{" "}
        <Link to="/constitution/results">results</Link>.
      </p>
      <p>
        <Link to="/trustees">Trustees: who holds the key of each vote</Link>
      </p>
      {canManage ? (
        <p>
          <Link to="/polls/new" className="button">
            Create a poll
          </Link>
        </p>
      ) : null}
      {trusteeTasks.length + setTasks.length > 0 ? (
        <section aria-labelledby="trustee-tasks" className="panel">
          <h2 id="trustee-tasks">{pollTrusteeText.tasksHeading}</h2>
          <ul className="list">
            {trusteeTasks.map((p) => (
              <li key={p.id}>
                <Link to={`/polls/${p.id}/trustee`}>{p.title}</Link>: {p.status === "draft" ? pollTrusteeText.taskKey : pollTrusteeText.taskDecrypt}
              </li>
            ))}
            {setTasks.map((t) => (
              <li key={t.setId}>
                <Link to={`/trustees/${t.setId}`}>{t.title}</Link>: {t.task}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {polls.length === 0 ? <p>There are no polls yet.</p> : null}
      {groups.map((g) => {
        const list = polls.filter((p) => p.status === g.status);
        if (list.length === 0) return null;
        return (
          <section key={g.status} aria-labelledby={`group-${g.status}`}>
            <h2 id={`group-${g.status}`}>{g.title}</h2>
            <ul className="list">
              {list.map((p) => (
                <li key={p.id}>
                  <Link to={`/polls/${p.id}`}>{p.title}</Link>. {p.timeLine}
                  {p.status === "open" && p.onRoll ? " (you can vote)" : ""}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
