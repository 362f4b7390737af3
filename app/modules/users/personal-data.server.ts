import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { appendAudit } from "~/modules/audit/audit.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { leavingRoleProblem, lockRoles } from "~/modules/roles/roles.server";
import type { RemovalProblem } from "~/modules/roles/role-rules";
import { erasedEmailHash } from "./erased-emails";
import {
  auditLog,
  emailChanges,
  erasedEmails,
  foundingMembers,
  outbox,
  pendingPledges,
  pledges,
  polls,
  pollVoters,
  registrationPacks,
  sessions,
  signInTokens,
  users,
} from "../../../db/schema";

/**
 * Everything held about a person, for them to download (UK GDPR right of access). Ballots are
 * not included because nothing links them to anyone; the polls they voted in are.
 */
export async function exportPersonalData(db: DbOrTx, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const [pledgeRows, founding, voted, activeSessions, mail, actions] = await Promise.all([
    db
      .select()
      .from(pledges)
      .where(or(eq(pledges.userId, userId), eq(pledges.email, user.email))),
    db.select().from(foundingMembers).where(eq(foundingMembers.userId, userId)),
    db.select({ pollId: polls.id, title: polls.title }).from(pollVoters).innerJoin(polls, eq(polls.id, pollVoters.pollId)).where(eq(pollVoters.userId, userId)),
    db.select({ expiresAt: sessions.expiresAt, createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.userId, userId)),
    db.select({ subject: outbox.subject, createdAt: outbox.createdAt, sentAt: outbox.sentAt }).from(outbox).where(eq(outbox.toAddress, user.email)),
    db
      .select({ at: auditLog.at, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(eq(auditLog.actorId, userId)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: { email: user.email, displayName: user.displayName, role: user.role, createdAt: user.createdAt },
    pledges: pledgeRows.map((p) => ({
      name: p.name,
      email: p.email,
      postcode: p.postcode,
      region: p.region,
      relation: p.relation,
      membershipNumber: p.membershipNumber,
      monthlySubscriptionPence: p.monthlySubscriptionPence,
      consentContact: p.consentContact,
      consentDataUse: p.consentDataUse,
      consentVersion: p.consentVersion,
      createdAt: p.createdAt,
      confirmedAt: p.confirmedAt,
      withdrawnAt: p.withdrawnAt,
    })),
    foundingMembership: founding.map((f) => ({
      invitedAt: f.invitedAt,
      acceptedAt: f.acceptedAt,
      membershipNumber: f.membershipNumber,
      statementVersion: f.statementVersion,
      consentVersion: f.consentVersion,
      mustResign: f.mustResign,
      resignedAt: f.resignedAt,
      leftAt: f.leftAt,
    })),
    pollsVotedIn: voted,
    sessions: activeSessions,
    mailSentToYou: mail,
    yourActionsInTheAuditLog: actions,
  };
}

/**
 * Removes a person's personal data on request. Name, email, postcode and membership details are
 * replaced; sessions, sign-in links and mail to them are deleted, and so are the stored
 * registration packs (they print names and emails; losing one costs only a render). What others
 * rely on stays: the fact that someone voted (so turnout still equals ballots), anonymous
 * ballots, counts, and the audit log (kept for accountability, see docs/decisions/008-personal-data.md).
 */
export async function eraseAccount(db: Db, userId: string): Promise<{ ok: true } | { ok: false; code: "not_found" | RemovalProblem }> {
  return db.transaction(async (tx) => {
    // The roles' lock before the person's row, in the order appointing and removing take them:
    // an erasure and a role change at the same moment wait for each other, never deadlock.
    await lockRoles(tx);
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user || user.erasedAt) return { ok: false, code: "not_found" } as const;
    // The role goes with the information: the movement keeps an organiser, and a running
    // election its returning officer (role-rules.ts), as when an organiser removes a role.
    const leaving = await leavingRoleProblem(tx, user);
    if (leaving) return { ok: false, code: leaving } as const;
    const now = new Date();
    const linked = await tx
      .select({ id: pledges.id, postcode: pledges.postcode, email: pledges.email })
      .from(pledges)
      .where(or(eq(pledges.userId, userId), eq(pledges.email, user.email)));
    const addresses = [...new Set([user.email, ...linked.map((p) => p.email)])];
    await tx
      .insert(erasedEmails)
      .values(addresses.map((a) => ({ emailHash: erasedEmailHash(a) })))
      .onConflictDoNothing();
    for (const p of linked) {
      await tx
        .update(pledges)
        .set({
          name: "",
          email: `erased-${p.id}@erased.invalid`,
          // The outward code's area is kept so that counts by region stay right.
          postcode: (p.postcode.split(" ")[0] ?? "").split(/\d/)[0] ?? "",
          membershipNumber: null,
          confirmTokenHash: null,
          withdrawTokenHash: null,
          erasedAt: now,
        })
        .where(eq(pledges.id, p.id));
    }
    // A pledge waiting for confirmation with their address holds details typed for it: gone too.
    if (linked.length > 0)
      await tx.delete(pendingPledges).where(
        inArray(
          pendingPledges.pledgeId,
          linked.map((p) => p.id),
        ),
      );
    await tx.delete(outbox).where(eq(outbox.toAddress, user.email));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(signInTokens).where(eq(signInTokens.userId, userId));
    await tx.delete(emailChanges).where(eq(emailChanges.userId, userId));
    await tx.delete(registrationPacks);
    // An erased member has left the founding roll: counted as left, on no later roll (decision 031).
    await tx
      .update(foundingMembers)
      .set({ leftAt: now })
      .where(and(eq(foundingMembers.userId, userId), isNull(foundingMembers.leftAt)));
    await tx
      .update(users)
      .set({ email: `erased-${userId}@erased.invalid`, displayName: "Removed member", role: "member", erasedAt: now })
      .where(eq(users.id, userId));
    await appendAudit(tx, {
      actor: { id: userId, label: "a member (removed at their request)" },
      action: "user.erased",
      subjectType: "user",
      subjectId: userId,
      details: { pledges: linked.length },
    });
    return { ok: true } as const;
  });
}
