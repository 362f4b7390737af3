/**
 * Elections set up after their polls were created (decision 049): a constitution round of hundreds
 * of questions on a roll of thousands derives millions of public credentials, about a millisecond
 * each, so its polls are created as drafts with their roll (openPollBatch's deferElections), and a
 * background job gives each its election, then opens them all at once. Each election is made
 * outside any transaction and stored only if no other server stored one meanwhile: two servers
 * running the job at once do the same work twice at worst, never store two elections for a poll.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/utils/db.server";
import { pollElections, pollOptions, pollRoll, polls } from "../../../../db/schema";
import { electionRowFor } from "./poll-elections.server";
import { electionTrustees, trusteesOf } from "./poll-trustees.server";

/** Gives a draft poll its election, if it has none yet. True when it has one after this. */
export async function setUpDeferredElection(db: Db, pollId: string): Promise<boolean> {
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  if (!poll || poll.status !== "draft") return false;
  const [existing] = await db.select({ pollId: pollElections.pollId }).from(pollElections).where(eq(pollElections.pollId, pollId));
  if (existing) return true;
  const options = await db.select({ label: pollOptions.label }).from(pollOptions).where(eq(pollOptions.pollId, pollId)).orderBy(asc(pollOptions.position));
  const roll = (await db.select({ userId: pollRoll.userId }).from(pollRoll).where(eq(pollRoll.pollId, pollId)).orderBy(asc(pollRoll.userId))).map(
    (r) => r.userId,
  );
  const named = electionTrustees(await trusteesOf(db, pollId), poll);
  if (named === "missing") throw new Error("a deferred poll's trustees have no key");
  const row = await electionRowFor(poll, options, roll, named);
  await db.insert(pollElections).values(row).onConflictDoNothing({ target: pollElections.pollId });
  return true;
}

/** Of these draft polls, how many have their election: the preparation's progress. */
export async function deferredElectionsReady(db: DbOrTx, pollIds: readonly string[]): Promise<number> {
  if (pollIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pollElections)
    .where(inArray(pollElections.pollId, [...pollIds]));
  return row?.n ?? 0;
}

/**
 * Opens draft polls whose elections are all set up, in the caller's transaction; false (and
 * nothing changed) while one is missing.
 */
export async function openDeferredPolls(tx: DbOrTx, pollIds: readonly string[], openedAt: Date): Promise<boolean> {
  if ((await deferredElectionsReady(tx, pollIds)) < pollIds.length) return false;
  await tx
    .update(polls)
    .set({ status: "open", openedAt })
    .where(and(inArray(polls.id, [...pollIds]), eq(polls.status, "draft"), isNull(polls.openedAt)));
  return true;
}
