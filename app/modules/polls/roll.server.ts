import { users } from "../../../db/schema";
import type { DbOrTx } from "~/utils/db.server";

/**
 * Who is on the roll of a general poll opened from the polls page: everyone with an account.
 * Later phases (decision ballot, founding members) pass their own rolls to openPoll.
 */
export async function listRollCandidates(db: DbOrTx): Promise<string[]> {
  return (await db.select({ id: users.id }).from(users)).map((u) => u.id);
}
