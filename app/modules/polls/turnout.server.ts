/** Who has voted in a poll, and how many ballots it has. */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { pollChains, polls, pollVoters } from "../../../db/schema";

export async function hasVoted(db: DbOrTx, pollId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: pollVoters.userId })
    .from(pollVoters)
    .where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, userId)));
  return Boolean(row);
}

/**
 * Ballots cast so far: while the poll is open, the sum over its chain's strands (a few rows, no
 * count over the ballots); once closed, the number counted.
 */
export function ballotsCastSql() {
  return sql<number>`(case when ${polls.status} = 'open'
    then coalesce((select sum(c.ballots) from ${pollChains} c where c.poll_id = ${polls.id}), 0)
    else ${polls.ballotCount} end)::int`;
}

export async function ballotsCast(db: DbOrTx, pollId: string): Promise<number> {
  if (!isUuid(pollId)) return 0;
  const [row] = await db.select({ n: ballotsCastSql() }).from(polls).where(eq(polls.id, pollId));
  return row?.n ?? 0;
}

export async function countVoters(db: DbOrTx, pollId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pollVoters)
    .where(eq(pollVoters.pollId, pollId));
  return row?.n ?? 0;
}
