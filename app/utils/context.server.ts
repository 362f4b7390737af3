import type { Role } from "../../db/schema";
import type { CastRecord } from "./cast-record";
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

/** The signed-in person, as every page sees it (resolved from the session cookie by the front door). */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface ActiveSession {
  id: string;
  expiresAt: Date;
}
