/**
 * Preparing a large voting round in the background (decision 049). openRound creates the round
 * and its questions as drafts with their frozen roll; this job gives each question its Belenios
 * election (a public credential per member, derived by the worker pool outside any transaction),
 * one at a time, then opens every question at once. The pages show how far it has got. Safe on
 * several servers: a question's election is stored once (setUpDeferredElection), and the round
 * is opened by whichever server locks it first with every question ready.
 */
import { and, asc, eq } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { deferredElectionsReady, openDeferredPolls, setUpDeferredElection } from "~/modules/polls/encrypted/deferred-elections.server";
import { startBackgroundLoop } from "~/utils/background-loop.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { voteItems, votingRounds } from "../../../db/schema";

const PREPARER: Actor = { id: null, label: "round preparation" };

async function questionsOf(db: DbOrTx, roundId: string): Promise<string[]> {
  return (await db.select({ pollId: voteItems.pollId }).from(voteItems).where(eq(voteItems.roundId, roundId)).orderBy(asc(voteItems.position))).map(
    (r) => r.pollId,
  );
}

/** How many of a preparing round's questions are ready, of how many. */
export async function roundPreparation(db: DbOrTx, roundId: string): Promise<{ ready: number; total: number }> {
  const pollIds = await questionsOf(db, roundId);
  return { ready: await deferredElectionsReady(db, pollIds), total: pollIds.length };
}

/** Prepares every round waiting to be: its questions' elections, then voting opens. How many opened. */
export async function prepareRounds(db: Db, actor: Actor = PREPARER): Promise<number> {
  const waiting = await db.select({ id: votingRounds.id }).from(votingRounds).where(eq(votingRounds.preparing, true));
  let opened = 0;
  for (const { id } of waiting) {
    const pollIds = await questionsOf(db, id);
    for (const pollId of pollIds) await setUpDeferredElection(db, pollId);
    const done = await db.transaction(async (tx) => {
      const [round] = await tx
        .select()
        .from(votingRounds)
        .where(and(eq(votingRounds.id, id), eq(votingRounds.preparing, true)))
        .for("update");
      if (!round) return false;
      const now = new Date();
      if (!(await openDeferredPolls(tx, pollIds, now))) return false;
      await tx.update(votingRounds).set({ preparing: false, openedAt: now }).where(eq(votingRounds.id, id));
      await appendAudit(tx, {
        actor,
        action: "constitution.round_ready",
        subjectType: "constitution_draft",
        subjectId: round.draftId,
        details: { round: round.number, questions: pollIds.length },
      });
      return true;
    });
    if (done) opened += 1;
  }
  return opened;
}

/** Starts the background job; returns a function that stops it. */
export function startRoundPreparation(db: Db, intervalMs = 5_000): () => Promise<void> {
  return startBackgroundLoop("round preparation", intervalMs, () => prepareRounds(db));
}
