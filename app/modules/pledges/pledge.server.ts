import { and, eq, isNull } from "drizzle-orm";
import { appendAudit, systemActor } from "~/modules/audit/audit.server";
import { generateToken, hashToken } from "~/modules/auth/tokens";
import { queueMail } from "~/modules/mail/outbox.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { movement, pledges } from "../../../db/schema";
import { applyCountChanges } from "./counts.server";
import { pledgeConfirmationMail, pledgeRepeatedMail } from "./mail";
import type { PledgeInput } from "./pledge-form";

export const PLEDGE_CONSENT_VERSION = "pledge-2026-11";

/**
 * Records a pledge and mails the confirmation link. A second pledge with the same email changes
 * nothing and the page says the same either way; the address's owner gets a short notice.
 */
export async function submitPledge(db: Db, input: PledgeInput, appUrl: string): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const [m] = await tx.select({ name: movement.name, partyName: movement.partyName }).from(movement).limit(1);
    const movementName = m?.name ?? "Breakaway";
    const [existing] = await tx.select({ id: pledges.id }).from(pledges).where(eq(pledges.email, input.email)).limit(1);
    if (existing) {
      const mail = pledgeRepeatedMail({ movementName });
      await queueMail(tx, { to: input.email, subject: mail.subject, text: mail.text, kind: "pledge-repeated" });
      return { ok: true } as const;
    }
    const confirmToken = generateToken();
    const withdrawToken = generateToken();
    const [row] = await tx
      .insert(pledges)
      .values({
        ...input,
        consentVersion: PLEDGE_CONSENT_VERSION,
        confirmTokenHash: hashToken(confirmToken),
        withdrawTokenHash: hashToken(withdrawToken),
      })
      .returning({ id: pledges.id });
    if (!row) throw new Error("pledge was not stored");
    const mail = pledgeConfirmationMail({
      movementName,
      partyName: m?.partyName ?? "the party",
      confirmLink: `${appUrl}/pledge/confirm?token=${confirmToken}`,
      withdrawLink: `${appUrl}/pledge/withdraw?token=${withdrawToken}`,
    });
    await queueMail(tx, { to: input.email, subject: mail.subject, text: mail.text, kind: "pledge-confirmation" });
    await appendAudit(tx, { actor: systemActor("pledge form"), action: "pledge.submitted", subjectType: "pledge", subjectId: row.id });
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

export type ConfirmResult = { ok: true } | { ok: false; code: "link_invalid" | "withdrawn" };

export async function confirmPledge(db: Db, token: string): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    const now = new Date();
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
