import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { DEFAULT_SESSION_MAX_DAYS } from "~/utils/env.server";
import type { ActiveSession, SessionUser } from "~/utils/context.server";
import { sessions, users } from "../../../db/schema";
import { generateToken, hashToken } from "./tokens";

/**
 * Sessions last 30 days from the last use; used in the last 15 days, they slide forward, but never
 * past an absolute lifetime counted from sign-in (SESSION_MAX_DAYS, 90 days unless set): a stolen
 * or forgotten session on a shared computer cannot be kept alive for ever by using it.
 */
// The session as every page sees it is declared with the request context, which knows no domain.
export type { ActiveSession, SessionUser };

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_MS = SESSION_DAYS * DAY_MS;
const REFRESH_WITHIN_MS = 15 * DAY_MS;

export const SESSION_COOKIE = "breakaway_session";

export async function createSession(tx: DbOrTx, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SESSION_MS);
  await tx.insert(sessions).values({ id: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

export type SessionValidation = { status: "valid"; user: SessionUser; session: ActiveSession; refreshed: boolean } | { status: "invalid" };

export async function validateSessionToken(db: DbOrTx, token: string, options: { maxAgeDays?: number } = {}): Promise<SessionValidation> {
  const maxAgeMs = (options.maxAgeDays ?? DEFAULT_SESSION_MAX_DAYS) * DAY_MS;
  const sessionId = hashToken(token);
  const [row] = await db
    .select({
      id: sessions.id,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return { status: "invalid" };
  const now = Date.now();
  const endOfLife = row.createdAt.getTime() + maxAgeMs;
  if (now >= row.expiresAt.getTime() || now >= endOfLife) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return { status: "invalid" };
  }
  let expiresAt = row.expiresAt;
  let refreshed = false;
  // Slide only while there is still life to give: at the end of its lifetime a session stays put.
  if (now >= expiresAt.getTime() - REFRESH_WITHIN_MS && expiresAt.getTime() < endOfLife) {
    expiresAt = new Date(Math.min(now + SESSION_MS, endOfLife));
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
    refreshed = true;
  }
  return {
    status: "valid",
    user: { id: row.userId, email: row.email, displayName: row.displayName, role: row.role },
    session: { id: sessionId, expiresAt },
    refreshed,
  };
}

export async function invalidateSession(tx: DbOrTx, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(tx: DbOrTx, userId: string): Promise<number> {
  const removed = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return removed.length;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      // Tokens are base32: anything else is not ours and is ignored.
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}
