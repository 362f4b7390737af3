import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { appendAudit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { noAccountMail, signInMail } from "~/modules/mail/templates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { movement, signInTokens, users } from "../../../db/schema";
import { MAX_LINKS_PER_EMAIL, MAX_LINKS_PER_IP } from "./rate-limit";
import { checkAndRecordRequest } from "./request-limits.server";
import { safeRedirectPath } from "./redirect";
import { createSession } from "./session.server";
import { generateToken, hashToken, normaliseEmail } from "./tokens";

export const SIGN_IN_LINK_MINUTES = 15;

export type RequestLinkResult = { ok: true } | { ok: false; code: "rate_limited"; limitedBy: "email" | "ip" };

/**
 * Records the request, and mails a link only if the email belongs to someone. The caller shows
 * the same page either way, so the answer never tells whether an address is known.
 */
export async function requestSignInLink(
  db: Db,
  input: { email: string; ip: string; redirectTo?: string; appUrl: string },
): Promise<RequestLinkResult> {
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const decision = await checkAndRecordRequest(tx, {
      scope: "sign-in",
      email,
      ip: input.ip,
      maxPerEmail: MAX_LINKS_PER_EMAIL,
      maxPerIp: MAX_LINKS_PER_IP,
    });
    if (!decision.allowed) return { ok: false, code: "rate_limited", limitedBy: decision.limitedBy } as const;

    const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), isNull(users.erasedAt))).limit(1);
    if (!user) {
      // Mail either way, so the request takes much the same work whether or not the address is known.
      const [m] = await tx.select({ name: movement.name }).from(movement).limit(1);
      const mail = noAccountMail({ movementName: m?.name ?? "Breakaway", appUrl: input.appUrl });
      await queueMail(tx, { to: email, subject: mail.subject, text: mail.text, kind: "sign-in-no-account" });
      return { ok: true } as const;
    }

    await issueSignInLink(tx, { userId: user.id, email, appUrl: input.appUrl, redirectTo: input.redirectTo });
    return { ok: true } as const;
  });
}

/** Creates a one-time link for a known person and queues the mail that carries it. */
export async function issueSignInLink(
  tx: DbOrTx,
  input: { userId: string; email: string; appUrl: string; redirectTo?: string },
): Promise<void> {
  const token = generateToken();
  await tx.insert(signInTokens).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    redirectTo: safeRedirectPath(input.redirectTo),
    expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
  });
  const [m] = await tx.select({ name: movement.name }).from(movement).limit(1);
  const mail = signInMail({
    movementName: m?.name ?? "Breakaway",
    link: `${input.appUrl}/login/verify?token=${token}`,
    minutes: SIGN_IN_LINK_MINUTES,
  });
  await queueMail(tx, { to: input.email, subject: mail.subject, text: mail.text, kind: "sign-in" });
}

export type LinkCheck = { ok: true; email: string } | { ok: false; code: "link_invalid" };

/** Looks at a link without using it up (mail scanners open links; only the button signs in). */
export async function checkSignInLink(db: DbOrTx, token: string): Promise<LinkCheck> {
  const [row] = await db
    .select({ email: users.email })
    .from(signInTokens)
    .innerJoin(users, eq(users.id, signInTokens.userId))
    .where(
      and(
        eq(signInTokens.tokenHash, hashToken(token)),
        isNull(signInTokens.usedAt),
        gt(signInTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ? { ok: true, email: row.email } : { ok: false, code: "link_invalid" };
}

export type SignInResult =
  | { ok: true; sessionToken: string; expiresAt: Date; redirectTo: string }
  | { ok: false; code: "link_invalid" };

/** Uses the link up and opens a session, in one transaction with its audit entry. */
export async function signInWithLink(db: Db, token: string): Promise<SignInResult> {
  return db.transaction(async (tx) => {
    // The conditional UPDATE is what makes the link single-use, even under two clicks at once.
    const [used] = await tx
      .update(signInTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(signInTokens.tokenHash, hashToken(token)),
          isNull(signInTokens.usedAt),
          gt(signInTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: signInTokens.userId, redirectTo: signInTokens.redirectTo });
    if (!used) return { ok: false, code: "link_invalid" } as const;
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, used.userId))
      .limit(1);
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
