/**
 * What the list of polls (routes/polls._index.tsx) shows a viewer: the polls they may see, which
 * they are on the roll of, and the keys asked of them as a trustee. A trustee set is an
 * election's (decision 047) or a part of the road's (decision 048), so the list sees the whole road.
 */
import { electionOfTrusteeSet } from "~/modules/elections/election-trustees.server";
import { scopeOfSet } from "~/modules/polls/encrypted/scope-trustees.server";
import { trusteeSetOf, trusteeSetTasksOf } from "~/modules/polls/encrypted/trustee-sets.server";
import { listPolls } from "~/modules/polls/poll-list.server";
import { pollIdsOnRoll } from "~/modules/polls/roll.server";
import { scopeSetTitle } from "~/modules/polls/scope-trustee-messages";
import { pollTimeLine } from "~/modules/polls/status";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import { trusteeTasksOf } from "~/modules/polls/trustee-page.server";
import type { DbOrTx } from "~/utils/db.server";

/** The list for a viewer (null when no one is signed in); `canManage` for those who run polls. */
export async function pollListView(db: DbOrTx, userId: string | null, canManage: boolean) {
  const all = await listPolls(db);
  // Drafts are for those who run polls.
  const visible = all.filter((p) => p.status !== "draft" || canManage);
  const [mine, trusteeTasks, setTasks] = userId
    ? await Promise.all([
        pollIdsOnRoll(
          db,
          userId,
          visible.map((p) => p.id),
        ),
        trusteeTasksOf(db, userId),
        // An election's trustees make their key on the trustee set's page (decision 047).
        // A part of the road's trustees likewise (decision 048).
        trusteeSetTasksOf(db, userId).then((tasks) => Promise.all(tasks.map((t) => setTask(db, t.setId)))),
      ])
    : [new Set<string>(), [], []];
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

/**
 * A set's task line: for a part of the road's vote, or for an election's ballots. The scope is
 * asked first so that each set costs only the one more read its line needs.
 */
async function setTask(db: DbOrTx, setId: string) {
  const scope = await scopeOfSet(db, setId);
  if (scope) {
    const set = await trusteeSetOf(db, setId);
    return { setId, title: scopeSetTitle(scope, set?.groupName ?? ""), task: pollTrusteeText.taskScopeKey };
  }
  const election = await electionOfTrusteeSet(db, setId);
  return { setId, title: election?.title ?? pollTrusteeText.setTaskFallback, task: pollTrusteeText.taskSetKey };
}
