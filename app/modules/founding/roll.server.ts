import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { foundingMembers } from "../../../db/schema";

/**
 * Who is on the founding roll: accepted, and not left (by their own choice or by having their
 * account erased). Every roll a vote or an election is opened to is built from this one
 * condition (decision 031), so that a member who left is on none of them.
 */
export const onFoundingRoll = and(isNotNull(foundingMembers.acceptedAt), isNull(foundingMembers.leftAt));

/** The founding roll's user ids, for a poll's roll. */
export async function foundingRoll(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ userId: foundingMembers.userId }).from(foundingMembers).where(onFoundingRoll);
  return rows.map((r) => r.userId);
}

/** Only founding members on the roll draft, nominate and vote (standing orders 3). */
export async function isFoundingMember(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: foundingMembers.userId })
    .from(foundingMembers)
    .where(and(eq(foundingMembers.userId, userId), onFoundingRoll));
  return Boolean(row);
}
