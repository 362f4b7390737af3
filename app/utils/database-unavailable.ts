import { innermostCause } from "./errors";

/**
 * Whether a failure means "the database cannot be used right now" (a 503, try again shortly)
 * rather than a fault in this request (a 500). Read from the innermost cause: drizzle wraps the
 * driver's error, whose code is either a system one (the connection) or PostgreSQL's SQLSTATE.
 */
const UNAVAILABLE_CODES = new Set([
  // The connection: refused, cut, reset, timed out, never made.
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  // postgres.js's own names for a connection that closed or never opened in time.
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // PostgreSQL: terminated by an administrator or a crash, shutting down, starting up,
  // too many connections, a read-only standby (a failover under way), a statement timeout
  // (the database is too busy to answer in time).
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "25006",
  "57014",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of [innermostCause(error), error]) {
    if (typeof candidate === "object" && candidate !== null && "code" in candidate) {
      if (UNAVAILABLE_CODES.has(String((candidate as { code: unknown }).code))) return true;
    }
  }
  return false;
}
