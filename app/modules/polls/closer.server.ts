/** The poll closer: the background job that closes polls at their closing time, or calls their owners to. */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { startBackgroundLoop } from "~/utils/background-loop.server";
import { describeFailure } from "~/utils/errors";
import type { Actor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { pollElections, polls, type PollOwner } from "../../../db/schema";
import { closePoll } from "./closing.server";

/** The actor of every close and count the poll closer makes. */
export const AUTOMATIC_CLOSE: Actor = { id: null, label: "automatic close at the closing time" };

/**
 * What the poll closer calls when polls of an owner have passed their closing time: the owner
 * closes and counts them in its own order (an election counts its offices before its committee),
 * and answers how many polls it closed. See app/modules/road/poll-owners.server.ts.
 */
export type DueOwners = Partial<Record<PollOwner, (db: Db) => Promise<number>>>;

/**
 * Closes and counts every open free-standing poll whose closing time has passed, and calls the
 * owner of any owned poll that is due (decision 027): the closer never counts an owned poll on
 * its own. Safe to run on several servers at once: closePoll locks the poll and does nothing to
 * one already closed, and each owner locks its own row. An owner that fails is logged by kind
 * and the others still run.
 */
export async function closeDuePolls(db: Db, owners: DueOwners = {}, finishStalled?: (db: Db) => Promise<number>): Promise<number> {
  const due = await db
    .select({ id: polls.id, owner: polls.owner })
    .from(polls)
    .where(and(eq(polls.status, "open"), sql`${polls.closesAt} <= now()`));
  let closed = 0;
  for (const { id } of due.filter((p) => p.owner === null)) {
    const result = await closePoll(db, AUTOMATIC_CLOSE, id);
    if (result.ok) closed += 1;
  }
  // A poll left with enough trustees' shares but no result (its server stopped in between) is finished first.
  if (finishStalled) {
    try {
      closed += await finishStalled(db);
    } catch (error) {
      console.error(`poll closer: ${describeFailure(error)} (finishing decryptions)`);
    }
  }
  // Owned polls its trustees have decrypted are counted by their owner too (decision 047).
  const decrypted = await db
    .selectDistinct({ owner: polls.owner })
    .from(polls)
    .innerJoin(pollElections, eq(pollElections.pollId, polls.id))
    .where(and(eq(polls.status, "decrypting"), isNotNull(polls.owner), isNotNull(pollElections.result)));
  const dueOwners = new Set([...due, ...decrypted].flatMap((p) => (p.owner === null ? [] : [p.owner])));
  for (const owner of [...dueOwners].sort()) {
    const handler = owners[owner];
    if (!handler) continue;
    try {
      closed += await handler(db);
    } catch (error) {
      // By kind only, as every failure is (describeFailure); the owners after it still run.
      console.error(`poll closer: ${describeFailure(error)} (the ${owner} polls)`);
    }
  }
  return closed;
}

/** Starts the background loop that closes polls on time; returns a function that stops it. */
export function startPollCloser(db: Db, intervalMs = 15_000, owners: DueOwners = {}, finishStalled?: (db: Db) => Promise<number>): () => Promise<void> {
  return startBackgroundLoop("poll closer", intervalMs, () => closeDuePolls(db, owners, finishStalled));
}
