import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { polls, voteItems } from "../../../db/schema";

/**
 * Polls for the polls page. The questions of the constitution's clause ballots are left out:
 * there are dozens per round, and they are listed, and voted on, under Constitution.
 */
export async function listPolls(db: DbOrTx) {
  return db
    .select()
    .from(polls)
    .where(sql`not exists (select 1 from ${voteItems} v where v.poll_id = ${polls.id})`)
    .orderBy(asc(polls.closesAt));
}
