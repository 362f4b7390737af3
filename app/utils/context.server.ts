import { randomBytes } from "node:crypto";
import {
  clearedSessionCookie,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
  type ActiveSession,
  type SessionUser,
} from "~/modules/auth/session.server";
import { newCastRecord, type CastRecord } from "~/modules/polls/cast-record";
import type { Db } from "./db.server";
import type { AppEnv } from "./env.server";

/**
 * What every loader and action receives as `context`. A type alias, not an interface, so that it
 * fits Remix's index-signature AppLoadContext.
 */
export type AppContext = {
  db: Db;
  env: AppEnv;
  clientIp: string;
  secure: boolean;
  auth: { user: SessionUser; session: ActiveSession } | null;
  /** This request's script nonce: the page's policy runs only scripts that carry it. */
  cspNonce: string;
  /**
   * A form with a file, as the front door parsed it (the one multipart parser): pages read it
   * with readUploadForm instead of parsing the body again. Null for any other request.
   */
  uploadForm: FormData | null;
  /**
   * What this request has done with a ballot: its receipts once committed. The front door
   * answers from it when the rest of the request fails (decision 041).
   */
  casts: CastRecord;
  /**
   * Told of a page's failure (Remix's handleError), so that the front door can answer a failure
   * that means the database is gone with a 503 instead of the page's 500 (decision 040).
   */
  noteFailure?: (error: unknown) => void;
};

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
