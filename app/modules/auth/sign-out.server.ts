import { appendAudit } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { invalidateAllSessions, invalidateSession, type SessionUser } from "./session.server";

export async function signOut(db: Db, user: SessionUser, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await invalidateSession(tx, sessionId);
    await appendAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: "session.signed_out",
      subjectType: "user",
      subjectId: user.id,
    });
  });
}

/** Ends every session of the person, on every device (for a lost phone or a shared computer). */
export async function signOutEverywhere(db: Db, user: SessionUser): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await invalidateAllSessions(tx, user.id);
    await appendAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: "session.signed_out_everywhere",
      subjectType: "user",
      subjectId: user.id,
      details: { sessionsEnded: ended },
    });
    return ended;
  });
}
