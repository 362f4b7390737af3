import { randomBytes } from "node:crypto";
import { clearedSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "~/modules/auth/session.server";
import { newCastRecord } from "~/utils/cast-record";
import type { AppContext } from "~/utils/context.server";
import type { Db } from "~/utils/db.server";
import type { AppEnv } from "~/utils/env.server";

export interface RequestFacts {
  cookieHeader: string | undefined;
  ip: string;
  secure: boolean;
}

/**
 * Resolves the session once per request, before any route runs. Returns the cookies the
 * response must carry: a slid expiry, or a clearing cookie for a dead session.
 */
export async function buildRequestContext(deps: { db: Db; env: AppEnv }, facts: RequestFacts): Promise<{ context: AppContext; setCookies: string[] }> {
  const setCookies: string[] = [];
  let auth: AppContext["auth"] = null;
  const token = readSessionToken(facts.cookieHeader);
  if (token) {
    const result = await validateSessionToken(deps.db, token, { maxAgeDays: deps.env.sessionMaxDays });
    if (result.status === "valid") {
      auth = { user: result.user, session: result.session };
      if (result.refreshed) setCookies.push(sessionCookie(token, result.session.expiresAt, facts.secure));
    } else {
      setCookies.push(clearedSessionCookie(facts.secure));
    }
  }
  return {
    context: {
      db: deps.db,
      env: deps.env,
      clientIp: facts.ip,
      secure: facts.secure,
      auth,
      cspNonce: randomBytes(16).toString("base64"),
      uploadForm: null,
      casts: newCastRecord(),
    },
    setCookies,
  };
}
