import { isNull } from "drizzle-orm";
import { users } from "../../../db/schema";
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
