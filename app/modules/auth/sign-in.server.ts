import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { appendAudit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { noAccountMail, signInMail } from "~/modules/mail/templates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { movement, signInTokens, users } from "../../../db/schema";
import { MAX_LINKS_PER_EMAIL, MAX_LINKS_PER_IP, MAX_MAIL_REQUESTS_OVERALL, type LimitedBy } from "./rate-limit";
import { checkAndRecordRequest } from "./request-limits.server";
import { safeRedirectPath } from "./redirect";
import { createSession } from "./session.server";
import { generateToken, keyedHash, normaliseEmail } from "./tokens";

export const SIGN_IN_LINK_MINUTES = 15;

export type RequestLinkResult = { ok: true } | { ok: false; code: "rate_limited"; limitedBy: LimitedBy };

/**
 * Records the request, and mails a link only if the email belongs to someone. The caller shows
 * the same page either way, so the answer never tells whether an address is known. Both paths
 * do the same work in the same order (limit check and request row, person lookup, a fresh token
 * and its keyed hash, the movement's name, one queued mail); the one difference left is the
 * known person's sign_in_tokens row, a single small insert in the same transaction
 * (see docs/decisions/003-sessions-and-sign-in.md).
 */
export async function requestSignInLink(
  db: Db,
  input: { email: string; ip: string; redirectTo?: string; appUrl: string; secret: string },
): Promise<RequestLinkResult> {
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const decision = await checkAndRecordRequest(tx, {
      scope: "sign-in",
      email,
      ip: input.ip,
      limits: { maxPerEmail: MAX_LINKS_PER_EMAIL, maxPerIp: MAX_LINKS_PER_IP, maxOverall: MAX_MAIL_REQUESTS_OVERALL },
      secret: input.secret,
    });
    if (!decision.allowed) return { ok: false, code: "rate_limited", limitedBy: decision.limitedBy } as const;

    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.erasedAt)))
      .limit(1);
    // Made for an unknown address too, and thrown away, so that both paths do the same hashing.
    const link = newSignInLink(input.secret);
    const movementName = await currentMovementName(tx);
    if (!user) {
      const mail = noAccountMail({ movementName, appUrl: input.appUrl });
      await queueMail(tx, { to: email, subject: mail.subject, text: mail.text, kind: "sign-in-no-account" });
      return { ok: true } as const;
    }
    await storeAndMailLink(tx, link, { userId: user.id, email, appUrl: input.appUrl, redirectTo: input.redirectTo, movementName });
    return { ok: true } as const;
  });
}

/** Creates a one-time link for a known person and queues the mail that carries it. */
export async function issueSignInLink(
  tx: DbOrTx,
  input: { userId: string; email: string; appUrl: string; redirectTo?: string; secret: string },
): Promise<void> {
  const movementName = await currentMovementName(tx);
  await storeAndMailLink(tx, newSignInLink(input.secret), { ...input, movementName });
}

function newSignInLink(secret: string): { token: string; tokenHash: string } {
  const token = generateToken();
  return { token, tokenHash: keyedHash(secret, token) };
}

async function currentMovementName(tx: DbOrTx): Promise<string> {
  const [m] = await tx.select({ name: movement.name }).from(movement).limit(1);
  return m?.name ?? "Breakaway";
}

async function storeAndMailLink(
  tx: DbOrTx,
  link: { token: string; tokenHash: string },
  input: { userId: string; email: string; appUrl: string; redirectTo?: string; movementName: string },
): Promise<void> {
  await tx.insert(signInTokens).values({
    tokenHash: link.tokenHash,
    userId: input.userId,
    redirectTo: safeRedirectPath(input.redirectTo),
    expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
  });
  const mail = signInMail({
    movementName: input.movementName,
    link: `${input.appUrl}/login/verify?token=${link.token}`,
    minutes: SIGN_IN_LINK_MINUTES,
  });
  await queueMail(tx, { to: input.email, subject: mail.subject, text: mail.text, kind: "sign-in" });
}

export type LinkCheck = { ok: true; email: string } | { ok: false; code: "link_invalid" };

/** Looks at a link without using it up (mail scanners open links; only the button signs in). */
export async function checkSignInLink(db: DbOrTx, token: string, secret: string): Promise<LinkCheck> {
  const [row] = await db
    .select({ email: users.email })
    .from(signInTokens)
    .innerJoin(users, eq(users.id, signInTokens.userId))
    .where(and(eq(signInTokens.tokenHash, keyedHash(secret, token)), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, sql`now()`)))
    .limit(1);
  return row ? { ok: true, email: row.email } : { ok: false, code: "link_invalid" };
}

export type SignInResult = { ok: true; sessionToken: string; expiresAt: Date; redirectTo: string } | { ok: false; code: "link_invalid" };

/** Uses the link up and opens a session, in one transaction with its audit entry. */
export async function signInWithLink(db: Db, token: string, secret: string): Promise<SignInResult> {
  return db.transaction(async (tx) => {
    // The conditional UPDATE is what makes the link single-use, even under two clicks at once.
    const [used] = await tx
      .update(signInTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(signInTokens.tokenHash, keyedHash(secret, token)), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, sql`now()`)))
      .returning({ userId: signInTokens.userId, redirectTo: signInTokens.redirectTo });
    if (!used) return { ok: false, code: "link_invalid" } as const;
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, used.userId)).limit(1);
    if (!user) return { ok: false, code: "link_invalid" } as const;
    const session = await createSession(tx, user.id);
    await appendAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: "session.signed_in",
      subjectType: "user",
      subjectId: user.id,
    });
    return { ok: true, sessionToken: session.token, expiresAt: session.expiresAt, redirectTo: used.redirectTo } as const;
  });
}
