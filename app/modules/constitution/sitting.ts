/**
 * Voting on every clause of a round in one sitting (issue 15, decision 034): where the member
 * is ("Clause 5 of 40", "12 left"), which clause comes next, and the receipts of the ballot just
 * cast carried across the redirect to it.
 *
 * The receipts go in a short-lived cookie of the voter's own browser, never in the address (it
 * sits in history and proxy logs) and never on the server beside the voter (that would tie a
 * receipt, and so a published ballot, to a person). The cookie is HttpOnly, lasts minutes, and
 * is cleared by the first page that shows it.
 */

export interface SittingClause {
  id: string;
  voted: boolean;
}

/** Where a clause sits in the round, and how many the member has left (this one included if unvoted). */
export function sittingProgress(clauses: readonly SittingClause[], clauseId: string): { number: number; total: number; left: number } {
  return { number: clauses.findIndex((c) => c.id === clauseId) + 1, total: clauses.length, left: clauses.filter((c) => !c.voted).length };
}

/**
 * The clause to go to after `clauseId`: the next one in the round's order not yet voted on,
 * going round to earlier ones the member skipped; null when every clause is voted on.
 */
export function nextUnvoted(clauses: readonly SittingClause[], clauseId: string): string | null {
  const at = clauses.findIndex((c) => c.id === clauseId);
  const ordered = [...clauses.slice(at + 1), ...clauses.slice(0, Math.max(at, 0))];
  return ordered.find((c) => !c.voted && c.id !== clauseId)?.id ?? null;
}

export const SITTING_COOKIE = "bk_cast";
/** Long enough to follow a redirect on a slow phone, short enough not to linger. */
const SITTING_SECONDS = 600;
// A plain ballot's receipt (letters and digits), or an encrypted ballot's tracker (Base64, decision 044).
const RECEIPT = /^[A-Za-z0-9+/]{8,64}$/;
const CLAUSE_ID = /^[A-Za-z0-9_.-]{1,120}$/;

export interface JustCast {
  clauseId: string;
  receipts: string[];
}

function attributes(secure: boolean, maxAge: number): string {
  // Path /constitution, not /constitution/vote: script-driven navigation reads
  // /constitution/vote.data, which a cookie for /constitution/vote would not be sent with.
  return ["Path=/constitution", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`, ...(secure ? ["Secure"] : [])].join("; ");
}

export function justCastCookie(cast: JustCast, secure: boolean): string {
  const value = Buffer.from(JSON.stringify({ c: cast.clauseId, r: cast.receipts }), "utf8").toString("base64url");
  return `${SITTING_COOKIE}=${value}; ${attributes(secure, SITTING_SECONDS)}`;
}

export function clearedJustCastCookie(secure: boolean): string {
  return `${SITTING_COOKIE}=; ${attributes(secure, 0)}`;
}

/** The ballot just cast, from the request's Cookie header; null when absent or not ours. */
export function readJustCast(cookieHeader: string | null): JustCast | null {
  if (!cookieHeader) return null;
  const pair = cookieHeader
    .split(";")
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${SITTING_COOKIE}=`));
  const raw = pair?.slice(SITTING_COOKIE.length + 1);
  if (!raw || raw.length > 3000) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { c, r } = parsed as { c?: unknown; r?: unknown };
    if (typeof c !== "string" || !CLAUSE_ID.test(c) || !Array.isArray(r) || r.length === 0 || r.length > 30) return null;
    if (!r.every((x): x is string => typeof x === "string" && RECEIPT.test(x))) return null;
    return { clauseId: c, receipts: r };
  } catch {
    return null;
  }
}
