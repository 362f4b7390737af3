import { and, eq, gt, isNotNull, isNull, lte } from "drizzle-orm";
import { appendAudit, systemActor } from "~/modules/audit/audit.server";
import { MAX_MAIL_REQUESTS_OVERALL, MAX_PLEDGES_PER_EMAIL, MAX_PLEDGES_PER_IP, type LimitedBy } from "~/modules/auth/rate-limit";
import { checkAndRecordRequest } from "~/modules/auth/request-limits.server";
import { generateToken, hashToken } from "~/modules/auth/tokens";
import { queueMail } from "~/modules/mail/outbox.server";
import { pledgeConfirmationMail, pledgeRepeatedMail } from "~/modules/mail/templates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { PENDING_PLEDGE_DAYS } from "~/utils/input-limits";
import { movement, pendingPledges, pledges } from "../../../db/schema";
import { applyCountChanges } from "./counts.server";
import { pledgeTotalsNow } from "./totals.server";
import type { PledgeInput } from "./pledge-form";

export const PLEDGE_CONSENT_VERSION = "pledge-2026-11";

const DAY_MS = 24 * 60 * 60 * 1000;

export type SubmitResult = { ok: true } | { ok: false; code: "rate_limited"; limitedBy: LimitedBy };

/**
 * Records a pledge and mails the confirmation link. The page says the same whatever the address
 * (so it tells nobody whether an address is known), and nothing already held changes until the
 * address's owner follows the mailed link: anyone can type anyone's address. A pledge with the
 * address of a withdrawn pledge waits in pending_pledges and renews it once confirmed
 * (`confirmPledge`); with the address of a pledge still standing, it changes nothing and the
 * owner gets a short notice.
 */
export async function submitPledge(db: Db, input: PledgeInput, context: { appUrl: string; ip: string; secret: string }): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const limit = await checkAndRecordRequest(tx, {
      scope: "pledge",
      email: input.email,
      ip: context.ip,
      limits: { maxPerEmail: MAX_PLEDGES_PER_EMAIL, maxPerIp: MAX_PLEDGES_PER_IP, maxOverall: MAX_MAIL_REQUESTS_OVERALL },
      secret: context.secret,
    });
    if (!limit.allowed) return { ok: false, code: "rate_limited", limitedBy: limit.limitedBy } as const;
    const [m] = await tx.select({ name: movement.name, partyName: movement.partyName }).from(movement).limit(1);
    const movementName = m?.name ?? "Breakaway";
    const now = new Date();
    const confirmToken = generateToken();
    const withdrawToken = generateToken();
    const details = { ...input, consentVersion: PLEDGE_CONSENT_VERSION };
    const tokens = { confirmTokenHash: hashToken(confirmToken), withdrawTokenHash: hashToken(withdrawToken) };
    // On conflict nothing is written: a double click or a race with the same address is harmless.
    const [inserted] = await tx
      .insert(pledges)
      .values({ ...details, ...tokens })
      .onConflictDoNothing({ target: pledges.email })
      .returning({ id: pledges.id });
    let pledgeId = inserted?.id;
    let action = "pledge.submitted";
    if (!pledgeId) {
      const [old] = await tx.select().from(pledges).where(eq(pledges.email, input.email)).for("update");
      if (!old?.withdrawnAt || old.erasedAt) {
        const mail = pledgeRepeatedMail({ movementName });
        await queueMail(tx, { to: input.email, subject: mail.subject, text: mail.text, kind: "pledge-repeated" });
        return { ok: true } as const;
      }
      // A newer pledge replaces one still waiting, whose link then stops working.
      const { email: _email, ...pendingDetails } = details;
      const pending = { ...pendingDetails, ...tokens, createdAt: now, expiresAt: new Date(now.getTime() + PENDING_PLEDGE_DAYS * DAY_MS) };
      await tx.delete(pendingPledges).where(lte(pendingPledges.expiresAt, now));
      await tx
        .insert(pendingPledges)
        .values({ pledgeId: old.id, ...pending })
        .onConflictDoUpdate({ target: pendingPledges.pledgeId, set: pending });
      pledgeId = old.id;
      action = "pledge.renewed";
    }
    const mail = pledgeConfirmationMail({
      movementName,
      partyName: m?.partyName ?? "the party",
      confirmLink: `${context.appUrl}/pledge/confirm?token=${confirmToken}`,
      withdrawLink: `${context.appUrl}/pledge/withdraw?token=${withdrawToken}`,
    });
    await queueMail(tx, { to: input.email, subject: mail.subject, text: mail.text, kind: "pledge-confirmation" });
    await appendAudit(tx, { actor: systemActor("pledge form"), action, subjectType: "pledge", subjectId: pledgeId });
    return { ok: true } as const;
  });
}

/** A pending pledge whose link is still good, for a withdrawn pledge that has not been erased. */
function livePendingPledge(db: DbOrTx, column: typeof pendingPledges.confirmTokenHash | typeof pendingPledges.withdrawTokenHash, token: string) {
  return db
    .select({ pending: pendingPledges, pledge: pledges })
    .from(pendingPledges)
    .innerJoin(pledges, eq(pledges.id, pendingPledges.pledgeId))
    .where(and(eq(column, hashToken(token)), gt(pendingPledges.expiresAt, new Date()), isNotNull(pledges.withdrawnAt), isNull(pledges.erasedAt)))
    .limit(1);
}

export type TokenLookup = { ok: true; name: string; confirmed: boolean; withdrawn: boolean } | { ok: false; code: "link_invalid" };

/** Looks at a confirmation or withdrawal link without using it (mail scanners open links). */
export async function lookUpPledgeLink(db: DbOrTx, kind: "confirm" | "withdraw", token: string): Promise<TokenLookup> {
  const column = kind === "confirm" ? pledges.confirmTokenHash : pledges.withdrawTokenHash;
  const [row] = await db
    .select({ name: pledges.name, confirmedAt: pledges.confirmedAt, withdrawnAt: pledges.withdrawnAt })
    .from(pledges)
    .where(eq(column, hashToken(token)))
    .limit(1);
  if (row) return { ok: true, name: row.name, confirmed: row.confirmedAt !== null, withdrawn: row.withdrawnAt !== null };
  // A pledge waiting for its owner: until confirmed there is nothing in force to withdraw.
  const pendingColumn = kind === "confirm" ? pendingPledges.confirmTokenHash : pendingPledges.withdrawTokenHash;
  const [waiting] = await livePendingPledge(db, pendingColumn, token);
  if (!waiting) return { ok: false, code: "link_invalid" };
  return { ok: true, name: waiting.pending.name, confirmed: false, withdrawn: kind === "withdraw" };
}

export type ConfirmResult = { ok: true } | { ok: false; code: "link_invalid" | "closed" };

/** Confirmation counts only while the campaign runs: the figures and the decision roll are fixed at the deadline. */
export async function confirmPledge(db: Db, token: string): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [m] = await tx.select({ phase: movement.phase, deadline: movement.deadline }).from(movement).limit(1);
    if (!m || m.phase !== "campaign" || m.deadline.getTime() <= now.getTime()) return { ok: false, code: "closed" } as const;
    const [row] = await tx
      .update(pledges)
      .set({ confirmedAt: now, confirmTokenHash: null })
      .where(and(eq(pledges.confirmTokenHash, hashToken(token)), isNull(pledges.confirmedAt), isNull(pledges.withdrawnAt)))
      .returning();
    if (!row) return confirmPendingPledge(tx, token, now);
    await applyCountChanges(tx, [{ at: now, region: row.region, relation: row.relation, confirmed: 1, subscriptionsPence: row.monthlySubscriptionPence ?? 0 }]);
    await appendAudit(tx, { actor: systemActor("pledger"), action: "pledge.confirmed", subjectType: "pledge", subjectId: row.id });
    return { ok: true } as const;
  });
}

/**
 * Follows the link of a pledge made with a withdrawn pledger's address: its details replace the
 * old record's and it counts from now. The old confirmation and withdrawal leave the totals, so
 * they always equal a recount of the pledges.
 */
async function confirmPendingPledge(tx: DbOrTx, token: string, now: Date): Promise<ConfirmResult> {
  const [found] = await livePendingPledge(tx, pendingPledges.confirmTokenHash, token).for("update");
  if (!found) return { ok: false, code: "link_invalid" };
  const { pending, pledge: old } = found;
  const { pledgeId, confirmTokenHash: _used, expiresAt: _expiresAt, ...details } = pending;
  await tx.delete(pendingPledges).where(eq(pendingPledges.pledgeId, pledgeId));
  const [row] = await tx
    .update(pledges)
    .set({ ...details, confirmedAt: now, withdrawnAt: null, confirmTokenHash: null })
    .where(eq(pledges.id, pledgeId))
    .returning();
  if (!row) return { ok: false, code: "link_invalid" };
  const oldPence = old.monthlySubscriptionPence ?? 0;
  await applyCountChanges(tx, [
    ...(old.confirmedAt ? [{ at: old.confirmedAt, region: old.region, relation: old.relation, confirmed: -1, subscriptionsPence: -oldPence }] : []),
    ...(old.confirmedAt && old.withdrawnAt
      ? [{ at: old.withdrawnAt, region: old.region, relation: old.relation, withdrawn: -1, subscriptionsPence: oldPence }]
      : []),
    { at: now, region: row.region, relation: row.relation, confirmed: 1, subscriptionsPence: row.monthlySubscriptionPence ?? 0 },
  ]);
  await appendAudit(tx, { actor: systemActor("pledger"), action: "pledge.renewal_confirmed", subjectType: "pledge", subjectId: row.id });
  return { ok: true };
}

export type WithdrawResult = { ok: true } | { ok: false; code: "link_invalid" | "already_withdrawn" };

/** Withdrawal is recorded, not deleted: the campaign reports how many withdrew. */
export async function withdrawPledge(db: Db, token: string): Promise<WithdrawResult> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(pledges)
      .set({ withdrawnAt: now, confirmTokenHash: null })
      .where(and(eq(pledges.withdrawTokenHash, hashToken(token)), isNull(pledges.withdrawnAt)))
      .returning();
    if (!row) {
      const seen = await lookUpPledgeLink(tx, "withdraw", token);
      return { ok: false, code: seen.ok ? "already_withdrawn" : "link_invalid" } as const;
    }
    if (row.confirmedAt) {
      await applyCountChanges(tx, [
        { at: now, region: row.region, relation: row.relation, withdrawn: 1, subscriptionsPence: -(row.monthlySubscriptionPence ?? 0) },
      ]);
    }
    await appendAudit(tx, { actor: systemActor("pledger"), action: "pledge.withdrawn", subjectType: "pledge", subjectId: row.id });
    return { ok: true } as const;
  });
}

/**
 * Pledges that came in unconfirmed (from an imported sign-up file) and have no confirmation link
 * yet get one by email, with their withdrawal link: they count once their owners confirm. Runs
 * in batches, each one transaction; returns how many were sent.
 */
export async function sendPendingConfirmations(db: Db, actor: { id: string | null; label: string }, appUrl: string): Promise<{ sent: number }> {
  let sent = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const [m] = await tx
        .select({ name: movement.name, partyName: movement.partyName, phase: movement.phase, deadline: movement.deadline })
        .from(movement)
        .limit(1);
      if (!m || m.phase !== "campaign" || m.deadline.getTime() <= Date.now()) return 0;
      const waiting = await tx
        .select({ id: pledges.id, email: pledges.email })
        .from(pledges)
        .where(and(isNull(pledges.confirmedAt), isNull(pledges.withdrawnAt), isNull(pledges.erasedAt), isNull(pledges.confirmTokenHash)))
        .limit(500)
        .for("update", { skipLocked: true });
      for (const p of waiting) {
        const confirmToken = generateToken();
        const withdrawToken = generateToken();
        await tx
          .update(pledges)
          .set({ confirmTokenHash: hashToken(confirmToken), withdrawTokenHash: hashToken(withdrawToken) })
          .where(eq(pledges.id, p.id));
        const mail = pledgeConfirmationMail({
          movementName: m.name,
          partyName: m.partyName,
          confirmLink: `${appUrl}/pledge/confirm?token=${confirmToken}`,
          withdrawLink: `${appUrl}/pledge/withdraw?token=${withdrawToken}`,
        });
        await queueMail(tx, { to: p.email, subject: mail.subject, text: mail.text, kind: "pledge-confirmation" });
      }
      if (waiting.length > 0) {
        await appendAudit(tx, { actor, action: "pledges.confirmations_sent", subjectType: "movement", subjectId: "1", details: { sent: waiting.length } });
      }
      return waiting.length;
    });
    sent += batch;
    if (batch < 500) return { sent };
  }
}

/** Pledges waiting for a confirmation link to be sent, from the running totals (totals.server.ts). */
export async function countAwaitingConfirmationLink(db: DbOrTx): Promise<number> {
  return (await pledgeTotalsNow(db)).awaitingLink;
}
