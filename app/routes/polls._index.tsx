import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PollList } from "~/modules/polls/components/poll-list/poll-list";
import { pollListText as t } from "~/modules/polls/poll-list-messages";
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

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

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
  return <PollList {...useLoaderData<typeof loader>()} />;
}
