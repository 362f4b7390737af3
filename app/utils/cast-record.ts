/**
 * What one request has done with a ballot, kept in its context (context.casts) for the front
 * door should the rest of the request fail (decision 041). Once a ballot is committed, the voter
 * must be shown its receipt, which exists nowhere else: the page drawn after the commit reads the
 * database again, and when that fails the front door answers from this record instead. When a
 * ballot was sent but no answer came back, the voter is sent to the page that says whether they
 * have voted.
 *
 * Only the receipts are kept, never the ballot, and only for the life of the request.
 */
export interface CastRecord {
  /** Set when a ballot is sent to the database: the page where the voter sees whether they have voted. */
  sentFrom: string | null;
  /** The receipts of the ballot committed by this request, as the commit returned them. */
  stored: StoredCast | null;
}

export interface StoredCast {
  /** One per question: a poll's ballot has one, a clause's ballot one per question. */
  receipts: string[];
  /** Where the voter sees that they have voted. */
  checkAt: string;
}

export function newCastRecord(): CastRecord {
  return { sentFrom: null, stored: null };
}

/** A ballot is about to be sent to the database from this request. */
export function noteCastSent(record: CastRecord, checkAt: string): void {
  record.sentFrom = checkAt;
}

/** The ballot sent is committed: these are its receipts. */
export function noteCastStored(record: CastRecord, stored: StoredCast): void {
  record.stored = { receipts: [...stored.receipts], checkAt: stored.checkAt };
}

const POLL_BALLOT_PATH = /^\/polls\/([^/]{1,100})(?:\/ballot)?\/?$/;
const SITTING_PATH = /^\/constitution\/vote(?:\/[^/]{1,120})?\/?$/;

/**
 * For a page or address where ballots are cast, the page that says whether the voter has voted:
 * a poll's own page, or the constitution's voting progress. Null for any other address.
 */
export function castCheckPageFor(pathname: string): string | null {
  const poll = POLL_BALLOT_PATH.exec(pathname);
  if (poll) return poll[1] === "new" ? null : `/polls/${poll[1]}`;
  if (SITTING_PATH.test(pathname)) return "/constitution/vote";
  return null;
}
