/** Polls' rolls: who goes on a general poll's roll, and who is on a poll's roll. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { pollRoll, users } from "../../../db/schema";
import type { DbOrTx } from "~/utils/db.server";

/**
 * Who is on the roll of a general poll opened from the polls page: everyone with an account who
 * has not asked to be removed.
 * Later phases (decision ballot, founding members) pass their own rolls to openPoll.
 */
export async function listRollCandidates(db: DbOrTx): Promise<string[]> {
  // Removed people can never sign in again; counting them would make the quorum harder to reach.
  return (await db.select({ id: users.id }).from(users).where(isNull(users.erasedAt))).map((u) => u.id);
}

export async function isOnRoll(db: DbOrTx, pollId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: pollRoll.userId })
    .from(pollRoll)
    .where(and(eq(pollRoll.pollId, pollId), eq(pollRoll.userId, userId)));
  return Boolean(row);
}

export async function pollIdsOnRoll(db: DbOrTx, userId: string, pollIds: string[]): Promise<Set<string>> {
  if (pollIds.length === 0) return new Set();
  const rows = await db
    .select({ pollId: pollRoll.pollId })
    .from(pollRoll)
    .where(and(eq(pollRoll.userId, userId), inArray(pollRoll.pollId, pollIds)));
  return new Set(rows.map((r) => r.pollId));
}
