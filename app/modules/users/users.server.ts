import { eq } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { normaliseEmail } from "~/modules/auth/tokens";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isEmailAddress } from "~/utils/email";
import { users, type Role } from "../../../db/schema";

export function isPlausibleEmail(email: string): boolean {
  return isEmailAddress(email.trim());
}

export type GrantRoleResult = { ok: true; userId: string; created: boolean; previousRole: Role | null } | { ok: false; code: "invalid_email" };

/**
 * Creates the person if needed and gives them a role, recording who did it. Used by
 * `npm run create-organiser` and the demo seed.
 */
export async function grantRole(db: Db, input: { email: string; displayName?: string; role: Role; actor: Actor }): Promise<GrantRoleResult> {
  if (!isPlausibleEmail(input.email)) return { ok: false, code: "invalid_email" };
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    let userId: string;
    if (existing) {
      userId = existing.id;
      if (existing.role !== input.role) await tx.update(users).set({ role: input.role }).where(eq(users.id, userId));
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email, displayName: input.displayName ?? email.split("@")[0] ?? email, role: input.role })
        .returning({ id: users.id });
      if (!created) throw new Error("user was not created");
      userId = created.id;
    }
    if (!existing || existing.role !== input.role) {
      await appendAudit(tx, {
        actor: input.actor,
        action: existing ? "user.role_changed" : "user.created",
        subjectType: "user",
        subjectId: userId,
        details: { email, role: input.role, ...(existing ? { previousRole: existing.role } : {}) },
      });
    }
    return { ok: true, userId, created: !existing, previousRole: existing?.role ?? null } as const;
  });
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return user ?? null;
}
