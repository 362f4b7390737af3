import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { appendAudit, systemActor } from "~/modules/audit/audit.server";
import { MAX_PLEDGES_PER_EMAIL, MAX_PLEDGES_PER_IP } from "~/modules/auth/rate-limit";
import { checkAndRecordRequest } from "~/modules/auth/request-limits.server";
import { generateToken, hashToken } from "~/modules/auth/tokens";
import { queueMail } from "~/modules/mail/outbox.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { movement, pledges } from "../../../db/schema";
import { applyCountChanges } from "./counts.server";
import { pledgeConfirmationMail, pledgeRepeatedMail } from "./mail";
import type { PledgeInput } from "./pledge-form";

export const PLEDGE_CONSENT_VERSION = "pledge-2026-11";

export type SubmitResult = { ok: true } | { ok: false; code: "rate_limited"; limitedBy: "email" | "ip" };

/**
 * Records a pledge and mails the confirmation link. A second pledge with the same email changes
 * nothing and the page says the same either way; the address's owner gets a short notice. A
 * pledge that was withdrawn is renewed: it must be confirmed again, with the new answers.
 */
export async function submitPledge(db: Db, input: PledgeInput, context: { appUrl: string; ip: string; secret: string }): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const limit = await checkAndRecordRequest(tx, {
      scope: "pledge",
      email: input.email,
      ip: context.ip,
      maxPerEmail: MAX_PLEDGES_PER_EMAIL,
      maxPerIp: MAX_PLEDGES_PER_IP,
      secret: context.secret,
    });
    if (!limit.allowed) return { ok: false, code: "rate_limited", limitedBy: limit.limitedBy } as const;
    const [m] = await tx.select({ name: movement.name, partyName: movement.partyName }).from(movement).limit(1);
    const movementName = m?.name ?? "Breakaway";
    const confirmToken = generateToken();
    const withdrawToken = generateToken();
    const fresh = {
      ...input,
      consentVersion: PLEDGE_CONSENT_VERSION,
      confirmTokenHash: hashToken(confirmToken),
      withdrawTokenHash: hashToken(withdrawToken),
    };
    // On conflict nothing is written: a double click or a race with the same address is harmless.
    const [inserted] = await tx.insert(pledges).values(fresh).onConflictDoNothing({ target: pledges.email }).returning({ id: pledges.id });
    let pledgeId = inserted?.id;
    let action = "pledge.submitted";
    if (!pledgeId) {
      const [old] = await tx.select().from(pledges).where(eq(pledges.email, input.email)).for("update");
      const [renewed] = await tx
        .update(pledges)
        .set({ ...fresh, createdAt: new Date(), confirmedAt: null, withdrawnAt: null })
        .where(and(eq(pledges.email, input.email), isNotNull(pledges.withdrawnAt), isNull(pledges.erasedAt)))
        .returning({ id: pledges.id });
      if (!renewed) {
        const mail = pledgeRepeatedMail({ movementName });
        await queueMail(tx, { to: input.email, subject: mail.subject, text: mail.text, kind: "pledge-repeated" });
        return { ok: true } as const;
      }
      pledgeId = renewed.id;
      action = "pledge.renewed";
      // The renewed pledge counts again only once confirmed; its earlier confirmation and
      // withdrawal leave the totals, so they always equal a recount of the pledges.
      if (old?.confirmedAt) {
        const pence = old.monthlySubscriptionPence ?? 0;
        await applyCountChanges(tx, [
          { at: old.confirmedAt, region: old.region, relation: old.relation, confirmed: -1, subscriptionsPence: -pence },
          ...(old.withdrawnAt ? [{ at: old.withdrawnAt, region: old.region, relation: old.relation, withdrawn: -1, subscriptionsPence: pence }] : []),
        ]);
      }
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

export type TokenLookup = { ok: true; name: string; confirmed: boolean; withdrawn: boolean } | { ok: false; code: "link_invalid" };

/** Looks at a confirmation or withdrawal link without using it (mail scanners open links). */
export async function lookUpPledgeLink(db: DbOrTx, kind: "confirm" | "withdraw", token: string): Promise<TokenLookup> {
  const column = kind === "confirm" ? pledges.confirmTokenHash : pledges.withdrawTokenHash;
  const [row] = await db
    .select({ name: pledges.name, confirmedAt: pledges.confirmedAt, withdrawnAt: pledges.withdrawnAt })
    .from(pledges)
    .where(eq(column, hashToken(token)))
    .limit(1);
  if (!row) return { ok: false, code: "link_invalid" };
  return { ok: true, name: row.name, confirmed: row.confirmedAt !== null, withdrawn: row.withdrawnAt !== null };
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
    if (!row) return { ok: false, code: "link_invalid" } as const;
    await applyCountChanges(tx, [
      { at: now, region: row.region, relation: row.relation, confirmed: 1, subscriptionsPence: row.monthlySubscriptionPence ?? 0 },
    ]);
    await appendAudit(tx, { actor: systemActor("pledger"), action: "pledge.confirmed", subjectType: "pledge", subjectId: row.id });
    return { ok: true } as const;
  });
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
      const [m] = await tx.select({ name: movement.name, partyName: movement.partyName, phase: movement.phase, deadline: movement.deadline }).from(movement).limit(1);
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

export async function countAwaitingConfirmationLink(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pledges)
    .where(and(isNull(pledges.confirmedAt), isNull(pledges.withdrawnAt), isNull(pledges.erasedAt), isNull(pledges.confirmTokenHash)));
  return row?.n ?? 0;
}
