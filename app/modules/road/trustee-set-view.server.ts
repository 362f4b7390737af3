/**
 * What a trustee set's page (routes/trustees.$setId.tsx) shows: the set, what it asks of this
 * trustee, and, once its ballots are open, each ballot's task. A set is an election's (decision
 * 047) or one named for a part of the road (decision 048), so the page sees the whole road.
 */
import { ballotsOfTrusteeSet, electionOfTrusteeSet } from "~/modules/elections/election-trustees.server";
import { pollsOfSet, scopeOfSet } from "~/modules/polls/encrypted/scope-trustees.server";
import { scopeSetTitle, scopeTrusteeText } from "~/modules/polls/scope-trustee-messages";
import { trusteeText as t } from "~/modules/polls/trustee-messages";
import { trusteePage } from "~/modules/polls/trustee-page.server";
import { trusteeSetPage } from "~/modules/polls/trustee-set-page.server";
import type { DbOrTx } from "~/utils/db.server";

/** The set's page for one of its trustees; null for anyone else (or no such set). */
export async function trusteeSetPageView(db: DbOrTx, setId: string, userId: string) {
  const page = await trusteeSetPage(db, setId, userId);
  if (!page) return null;
  // An election's set (decision 047), or one named for a part of the road (decision 048).
  const [election, scope] = await Promise.all([electionOfTrusteeSet(db, setId), scopeOfSet(db, setId)]);
  const about = scope ? scopeTrusteeText(scope) : null;
  // Once the ballots are open: each one, and what it asks of this trustee now.
  const ballots = page.inUse ? await ballotTasks(db, setId, userId, election !== null) : [];
  return {
    ...page,
    title: election?.title ?? (scope ? scopeSetTitle(scope, page.groupName) : t.setTitleFallback),
    what: about?.every ?? t.electionBallots,
    back: about?.back ?? { href: "/elections", label: t.electionsLink },
    ballots,
  };
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
