import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { foundingInvitationMail } from "~/modules/mail/templates";
import { createPoll, openPoll } from "~/modules/polls/creation.server";
import { holdWithScopeTrustees, scopeKeysReady } from "~/modules/polls/encrypted/scope-trustees.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { findUserByEmail } from "~/modules/users/users.server";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { textLimitProblem } from "~/utils/text-limits";
import { foundingMembers, movement, pledges, pollRoll, users } from "../../../db/schema";
import { foundingRoll } from "./roll.server";
import { standingOrdersQuestion } from "./wording";

export const FOUNDING_STATEMENT_VERSION = "founding-statement-1";
export const FOUNDING_CONSENT_VERSION = "founding-2026-11";
// Membership numbers are issued one at a time across all servers.
const MEMBERSHIP_NUMBER_LOCK = 727_274_003;

export type FoundingResult<T = object> = ({ ok: true } & T) | { ok: false; code: FoundingProblem };
export type FoundingProblem =
  | "not_founding_phase"
  | "not_invited"
  | "already_accepted"
  | "not_accepted"
  | "no_need_to_resign"
  | "no_founding_members"
  | "already_open"
  | "closes_in_past"
  | "consent_missing"
  | "already_left"
  | "no_returning_officer"
  | "trustee_keys_missing"
  | "not_found"
  | "reason_missing"
  | "reason_too_long";

/** Locks the movement row, so that two organisers pressing a button at once act one after the other. */
async function inFoundingPhase(tx: DbOrTx) {
  const [m] = await tx.select().from(movement).where(eq(movement.id, 1)).for("update");
  return m?.phase === "founding" ? m : null;
}

/**
 * Invites everyone on the decision ballot's roll who still stands by their pledge and has not
 * been invited yet. Members of the old party are marked as needing to resign.
 */
export async function sendInvitations(db: Db, actor: Actor, appUrl: string): Promise<FoundingResult<{ sent: number }>> {
  return db.transaction(async (tx) => {
    const m = await inFoundingPhase(tx);
    if (!m?.decisionPollId) return { ok: false, code: "not_founding_phase" } as const;
    const candidates = await tx
      .select({ userId: pollRoll.userId, pledgeId: pledges.id, relation: pledges.relation, name: pledges.name, email: users.email })
      .from(pollRoll)
      .innerJoin(pledges, eq(pledges.userId, pollRoll.userId))
      .innerJoin(users, eq(users.id, pollRoll.userId))
      .leftJoin(foundingMembers, eq(foundingMembers.userId, pollRoll.userId))
      .where(
        and(
          eq(pollRoll.pollId, m.decisionPollId),
          isNull(pledges.withdrawnAt),
          isNull(pledges.erasedAt),
          isNull(users.erasedAt),
          isNull(foundingMembers.userId),
        ),
      );
    for (let i = 0; i < candidates.length; i += 1000) {
      await tx
        .insert(foundingMembers)
        .values(candidates.slice(i, i + 1000).map((c) => ({ userId: c.userId, pledgeId: c.pledgeId, mustResign: c.relation === "member" })))
        .onConflictDoNothing();
    }
    for (const c of candidates) {
      const mail = foundingInvitationMail({ name: c.name, email: c.email, movementName: m.name, link: `${appUrl}/login?redirectTo=%2Ffounding` });
      await queueMail(tx, { to: c.email, subject: mail.subject, text: mail.text, kind: "founding-invitation" });
    }
    await appendAudit(tx, { actor, action: "founding.invitations_sent", subjectType: "movement", subjectId: "1", details: { sent: candidates.length } });
    return { ok: true, sent: candidates.length } as const;
  });
}

/** Sends the invitation again to everyone invited who has not accepted yet. */
export async function resendInvitations(db: Db, actor: Actor, appUrl: string): Promise<FoundingResult<{ sent: number }>> {
  return db.transaction(async (tx) => {
    const m = await inFoundingPhase(tx);
    if (!m) return { ok: false, code: "not_founding_phase" } as const;
    const waiting = await tx
      .select({ userId: foundingMembers.userId, email: users.email, name: users.displayName })
      .from(foundingMembers)
      .innerJoin(users, eq(users.id, foundingMembers.userId))
      .where(and(isNull(foundingMembers.acceptedAt), isNull(foundingMembers.withdrawnAt), isNull(users.erasedAt)));
    if (waiting.length > 0) {
      await tx
        .update(foundingMembers)
        .set({ lastInvitedAt: new Date(), invitationsSent: sql`${foundingMembers.invitationsSent} + 1` })
        .where(
          inArray(
            foundingMembers.userId,
            waiting.map((w) => w.userId),
          ),
        );
    }
    for (const w of waiting) {
      const mail = foundingInvitationMail({
        name: w.name,
        email: w.email,
        movementName: m.name,
        link: `${appUrl}/login?redirectTo=%2Ffounding`,
        reminder: true,
      });
      await queueMail(tx, { to: w.email, subject: mail.subject, text: mail.text, kind: "founding-invitation" });
    }
    await appendAudit(tx, { actor, action: "founding.invitations_resent", subjectType: "movement", subjectId: "1", details: { sent: waiting.length } });
    return { ok: true, sent: waiting.length } as const;
  });
}

/** A person's invitation and how far they have come; null if none stands (never sent, or withdrawn). */
export async function getFoundingMembership(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(foundingMembers)
    .where(and(eq(foundingMembers.userId, userId), isNull(foundingMembers.withdrawnAt)));
  return row ?? null;
}

/**
 * Withdraws an invitation sent in error (decision 028), found by the invited person's email
 * address, before it is accepted, with a reason; audited. The row stays, marked, so that
 * "invite everyone" does not send it again and the founding record can list the withdrawal.
 */
export async function withdrawInvitation(db: Db, actor: Actor, input: { email: string; reason: string }): Promise<FoundingResult> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, code: "reason_missing" };
  if (textLimitProblem(reason, MAX_CORRECTION_REASON_LENGTH)) return { ok: false, code: "reason_too_long" };
  return db.transaction(async (tx) => {
    if (!(await inFoundingPhase(tx))) return { ok: false, code: "not_founding_phase" } as const;
    const person = await findUserByEmail(tx, input.email);
    const [row] = person ? await tx.select().from(foundingMembers).where(eq(foundingMembers.userId, person.id)).for("update") : [];
    if (!row || row.withdrawnAt) return { ok: false, code: "not_found" } as const;
    if (row.acceptedAt) return { ok: false, code: "already_accepted" } as const;
    await tx.update(foundingMembers).set({ withdrawnAt: new Date(), withdrawalReason: reason }).where(eq(foundingMembers.userId, row.userId));
    await appendAudit(tx, { actor, action: "founding.invitation_withdrawn", subjectType: "user", subjectId: row.userId, details: { reason } });
    return { ok: true } as const;
  });
}

/**
 * The member accepts the founding statement with fresh consent and gets the next membership
 * number, in order of acceptance.
 */
export async function acceptInvitation(
  db: Db,
  user: { id: string; email: string },
  input: { acceptStatement: boolean; consent: boolean },
): Promise<FoundingResult<{ membershipNumber: number }>> {
  if (!input.acceptStatement || !input.consent) return { ok: false, code: "consent_missing" };
  return db.transaction(async (tx) => {
    if (!(await inFoundingPhase(tx))) return { ok: false, code: "not_founding_phase" } as const;
    await tx.execute(sql`select pg_advisory_xact_lock(${MEMBERSHIP_NUMBER_LOCK})`);
    const [row] = await tx.select().from(foundingMembers).where(eq(foundingMembers.userId, user.id)).for("update");
    if (!row || row.withdrawnAt) return { ok: false, code: "not_invited" } as const;
    if (row.leftAt) return { ok: false, code: "already_left" } as const;
    if (row.acceptedAt) return { ok: false, code: "already_accepted" } as const;
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${foundingMembers.membershipNumber}), 0)::int` }).from(foundingMembers);
    const membershipNumber = (last?.n ?? 0) + 1;
    await tx
      .update(foundingMembers)
      .set({ acceptedAt: new Date(), membershipNumber, statementVersion: FOUNDING_STATEMENT_VERSION, consentVersion: FOUNDING_CONSENT_VERSION })
      .where(eq(foundingMembers.userId, user.id));
    await appendAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: "founding.accepted",
      subjectType: "user",
      subjectId: user.id,
      details: { membershipNumber, statementVersion: FOUNDING_STATEMENT_VERSION, consentVersion: FOUNDING_CONSENT_VERSION },
    });
    return { ok: true, membershipNumber } as const;
  });
}

/**
 * A founding member leaves the roll: counted as left from now on, and on no later roll. Ballots
 * already cast stay, and so does their place on a roll already opened (decision 031).
 */
export async function leaveFoundingRoll(db: Db, user: { id: string; email: string }): Promise<FoundingResult<{ leftAt: Date }>> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(foundingMembers).where(eq(foundingMembers.userId, user.id)).for("update");
    if (!row) return { ok: false, code: "not_invited" } as const;
    if (!row.acceptedAt) return { ok: false, code: "not_accepted" } as const;
    if (row.leftAt) return { ok: false, code: "already_left" } as const;
    const leftAt = new Date();
    await tx.update(foundingMembers).set({ leftAt }).where(eq(foundingMembers.userId, user.id));
    await appendAudit(tx, { actor: { id: user.id, label: user.email }, action: "founding.left", subjectType: "user", subjectId: user.id });
    return { ok: true, leftAt } as const;
  });
}

export async function confirmResigned(db: Db, user: { id: string; email: string }): Promise<FoundingResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(foundingMembers).where(eq(foundingMembers.userId, user.id)).for("update");
    if (!row) return { ok: false, code: "not_invited" } as const;
    if (!row.acceptedAt) return { ok: false, code: "not_accepted" } as const;
    if (row.leftAt) return { ok: false, code: "already_left" } as const;
    if (!row.mustResign) return { ok: false, code: "no_need_to_resign" } as const;
    if (!row.resignedAt) {
      await tx.update(foundingMembers).set({ resignedAt: new Date() }).where(eq(foundingMembers.userId, user.id));
      await appendAudit(tx, { actor: { id: user.id, label: user.email }, action: "founding.resigned", subjectType: "user", subjectId: user.id });
    }
    return { ok: true } as const;
  });
}

export async function setLeavingDay(db: Db, actor: Actor, day: string): Promise<FoundingResult> {
  return db.transaction(async (tx) => {
    if (!(await inFoundingPhase(tx))) return { ok: false, code: "not_founding_phase" } as const;
    await tx.update(movement).set({ leavingDay: day, updatedAt: new Date() }).where(eq(movement.id, 1));
    await appendAudit(tx, { actor, action: "founding.leaving_day_set", subjectType: "movement", subjectId: "1", details: { day } });
    return { ok: true } as const;
  });
}

/**
 * The first vote of the founding members: a yes/no ballot on the interim standing orders, with
 * the quorum and majority the standing orders themselves set for their adoption. The ballot names
 * the first returning officer, whom a yes vote confirms (4.1): it does not open until someone
 * holds that role (decision 028).
 */
export async function openStandingOrdersVote(
  db: Db,
  actor: Actor,
  input: { closesAt: Date; quorumPercent: number; majority: "simple" | "absolute" | "two-thirds" },
): Promise<FoundingResult<{ pollId: string; rollSize: number }>> {
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  return db.transaction(async (tx) => {
    const m = await inFoundingPhase(tx);
    if (!m) return { ok: false, code: "not_founding_phase" } as const;
    if (m.standingOrdersPollId) return { ok: false, code: "already_open" } as const;
    const roll = await foundingRoll(tx);
    if (roll.length === 0) return { ok: false, code: "no_founding_members" } as const;
    const officers = (
      await tx
        .select({ name: users.displayName })
        .from(users)
        .where(and(eq(users.role, "returning_officer"), isNull(users.erasedAt)))
        .orderBy(users.createdAt)
    ).map((u) => u.name);
    if (officers.length === 0) return { ok: false, code: "no_returning_officer" } as const;
    // Trustees named for the standing orders hold the vote's key (decision 048).
    if (!(await scopeKeysReady(tx, "standing_orders"))) return { ok: false, code: "trustee_keys_missing" } as const;
    const created = await createPoll(tx, actor, {
      title: "Adopt the interim standing orders",
      description: standingOrdersQuestion(officers),
      method: "yes-no",
      owner: "standing_orders",
      options: [],
      quorum: { numerator: input.quorumPercent, denominator: 100 },
      majority: input.majority,
      closesAt: input.closesAt,
    });
    if (!created.ok) throw new Error(`standing orders poll refused: ${created.code}`);
    if ((await holdWithScopeTrustees(tx, "standing_orders", created.pollId)) === "keys_missing") throw new Error("standing orders trustees' keys went missing");
    const opened = await openPoll(tx, actor, created.pollId, roll);
    if (!opened.ok) throw new Error(`standing orders poll not opened: ${opened.code}`);
    await tx.update(movement).set({ standingOrdersPollId: created.pollId, updatedAt: new Date() }).where(eq(movement.id, 1));
    await appendAudit(tx, {
      actor,
      action: "founding.standing_orders_vote_opened",
      subjectType: "poll",
      subjectId: created.pollId,
      details: { returningOfficers: officers },
    });
    return { ok: true, pollId: created.pollId, rollSize: opened.rollSize } as const;
  });
}

// Read from running totals (totals.server.ts): the page never counts the roll.
export { foundingFigures, type FoundingFigures } from "./totals.server";
