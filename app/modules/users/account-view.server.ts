/** What the account page (routes/account.tsx) shows: the person's details and any change of address waiting. */
import { pendingEmailChange } from "~/modules/auth/email-change.server";
import type { SessionUser } from "~/utils/context.server";
import type { DbOrTx } from "~/utils/db.server";

export async function accountPageView(db: DbOrTx, user: SessionUser, session: { expiresAt: Date }) {
  const pending = await pendingEmailChange(db, user.id);
  return {
    pendingEmail: pending?.newEmail ?? null,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    sessionExpires: session.expiresAt.toISOString(),
  };
}
