import { and, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { appendAudit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { emailChangeNewMail, emailChangeOldMail } from "~/modules/mail/templates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { emailChanges, movement, pledges, users } from "../../../db/schema";
import { MAX_LINKS_PER_EMAIL, MAX_LINKS_PER_IP, MAX_MAIL_REQUESTS_OVERALL, type LimitedBy } from "./rate-limit";
import { checkAndRecordRequest } from "./request-limits.server";
import { generateToken, keyedHash, normaliseEmail } from "./tokens";

/** How long the two links of a change of e-mail address last: a day, to reach both inboxes. */
export const EMAIL_CHANGE_LINK_HOURS = 24;

export type EmailChangeProblem = "same_address" | "address_in_use" | "rate_limited";
export type RequestEmailChangeResult = { ok: true } | { ok: false; code: EmailChangeProblem; limitedBy?: LimitedBy };

/** Is the address someone else's: another account's, or a pledge of another person's? */
async function usedByAnother(tx: DbOrTx, userId: string, email: string): Promise<boolean> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, userId)))
    .limit(1);
  if (user) return true;
  const [pledge] = await tx
    .select({ id: pledges.id })
    .from(pledges)
    .where(and(eq(pledges.email, email), or(isNull(pledges.userId), ne(pledges.userId, userId))))
    .limit(1);
  return Boolean(pledge);
}

/**
 * Starts a change of e-mail address: one link to the new address, one to the old, both needed
 * (decision 031). A new request replaces one still waiting. The audit entry records the fact,
 * never the addresses (organisers read the audit log).
 */
export async function requestEmailChange(
  db: Db,
  user: { id: string; email: string; displayName: string },
  input: { newEmail: string; ip: string; appUrl: string; secret: string },
): Promise<RequestEmailChangeResult> {
  const newEmail = normaliseEmail(input.newEmail);
  if (newEmail === normaliseEmail(user.email)) return { ok: false, code: "same_address" };
  return db.transaction(async (tx) => {
    const limit = await checkAndRecordRequest(tx, {
      scope: "email-change",
      email: newEmail,
      ip: input.ip,
      limits: { maxPerEmail: MAX_LINKS_PER_EMAIL, maxPerIp: MAX_LINKS_PER_IP, maxOverall: MAX_MAIL_REQUESTS_OVERALL },
      secret: input.secret,
    });
    if (!limit.allowed) return { ok: false, code: "rate_limited", limitedBy: limit.limitedBy } as const;
    if (await usedByAnother(tx, user.id, newEmail)) return { ok: false, code: "address_in_use" } as const;
    await tx.delete(emailChanges).where(eq(emailChanges.userId, user.id));
    const newToken = generateToken();
    const oldToken = generateToken();
    await tx.insert(emailChanges).values({
      userId: user.id,
      newEmail,
      newTokenHash: keyedHash(input.secret, newToken),
      oldTokenHash: keyedHash(input.secret, oldToken),
      expiresAt: new Date(Date.now() + EMAIL_CHANGE_LINK_HOURS * 3_600_000),
    });
    const [m] = await tx.select({ name: movement.name }).from(movement).limit(1);
    const movementName = m?.name ?? "Breakaway";
    const link = (token: string) => `${input.appUrl}/account/email?token=${token}`;
    const toNew = emailChangeNewMail({ movementName, link: link(newToken), hours: EMAIL_CHANGE_LINK_HOURS });
    await queueMail(tx, { to: newEmail, subject: toNew.subject, text: toNew.text, kind: "email-change-new" });
    const toOld = emailChangeOldMail({ movementName, link: link(oldToken), hours: EMAIL_CHANGE_LINK_HOURS, appUrl: input.appUrl });
    await queueMail(tx, { to: user.email, subject: toOld.subject, text: toOld.text, kind: "email-change-old" });
    // Labelled by name: the audit log records that the address changed, never either address.
    await appendAudit(tx, { actor: { id: user.id, label: user.displayName }, action: "user.email_change_requested", subjectType: "user", subjectId: user.id });
    return { ok: true } as const;
  });
}

/** The change a link belongs to (still waiting, not expired), and which of its two links it is. */
async function findByToken(tx: DbOrTx, token: string, secret: string, lock: boolean) {
  const hash = keyedHash(secret, token);
  const query = tx
    .select()
    .from(emailChanges)
    .where(and(or(eq(emailChanges.newTokenHash, hash), eq(emailChanges.oldTokenHash, hash)), gt(emailChanges.expiresAt, sql`now()`)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  return { row, side: row.newTokenHash === hash ? ("new" as const) : ("old" as const) };
}

export type EmailChangeLink = { ok: true; side: "new" | "old"; alreadyConfirmed: boolean } | { ok: false; code: "link_invalid" };

/** Looks at a link without using it (mail scanners open links; only the button confirms). */
export async function checkEmailChangeLink(db: DbOrTx, token: string, secret: string): Promise<EmailChangeLink> {
  const found = token ? await findByToken(db, token, secret, false) : null;
  if (!found) return { ok: false, code: "link_invalid" };
  const confirmed = found.side === "new" ? found.row.newConfirmedAt : found.row.oldConfirmedAt;
  return { ok: true, side: found.side, alreadyConfirmed: confirmed !== null };
}

export type ConfirmEmailChangeResult =
  | { ok: true; changed: false; side: "new" | "old" }
  | { ok: true; changed: true }
  | { ok: false; code: "link_invalid" | "address_in_use" };

/**
 * Confirms one side of a change. Once both are confirmed the address changes, and the pledge's
 * address with it; sessions already open stay open.
 */
export async function confirmEmailChange(db: Db, token: string, secret: string): Promise<ConfirmEmailChangeResult> {
  return db.transaction(async (tx) => {
    const found = await findByToken(tx, token, secret, true);
    if (!found) return { ok: false, code: "link_invalid" } as const;
    const { row, side } = found;
    const now = new Date();
    const newConfirmedAt = side === "new" ? (row.newConfirmedAt ?? now) : row.newConfirmedAt;
    const oldConfirmedAt = side === "old" ? (row.oldConfirmedAt ?? now) : row.oldConfirmedAt;
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).for("update");
    if (!user || user.erasedAt) return { ok: false, code: "link_invalid" } as const;
    if (!newConfirmedAt || !oldConfirmedAt) {
      await tx.update(emailChanges).set({ newConfirmedAt, oldConfirmedAt }).where(eq(emailChanges.id, row.id));
      return { ok: true, changed: false, side } as const;
    }
    await tx.delete(emailChanges).where(eq(emailChanges.id, row.id));
    // Someone may have taken the address while the links were on their way.
    if (await usedByAnother(tx, user.id, row.newEmail)) return { ok: false, code: "address_in_use" } as const;
    await tx.update(users).set({ email: row.newEmail }).where(eq(users.id, user.id));
    await tx
      .update(pledges)
      .set({ email: row.newEmail })
      .where(and(eq(pledges.userId, user.id), isNull(pledges.erasedAt)));
    await appendAudit(tx, { actor: { id: user.id, label: user.displayName }, action: "user.email_changed", subjectType: "user", subjectId: user.id });
    return { ok: true, changed: true } as const;
  });
}

/** Whether the person has a change waiting, for their account page (never the tokens). */
export async function pendingEmailChange(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      newEmail: emailChanges.newEmail,
      newConfirmedAt: emailChanges.newConfirmedAt,
      oldConfirmedAt: emailChanges.oldConfirmedAt,
      expiresAt: emailChanges.expiresAt,
    })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), gt(emailChanges.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}
