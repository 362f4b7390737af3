/**
 * A closed poll held to what the audit log recorded when it closed (the "poll.closed" entry: see
 * closedPollDetails). The poll's own rows can be rewritten consistently by whoever can write to
 * the database (and, for an encrypted poll, holds APP_SECRET to redo the tally): a ballot
 * removed, the chain and the count redone to match. The audit log's entry cannot be rewritten
 * without breaking the audit chain, which `npm run audit:verify` checks.
 */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { auditLog } from "../../../db/schema";

/** What the poll holds now: its number of ballots and the head of their chain. */
export interface ClosedPollState {
  ballots: number;
  chainHead: string;
}

/** The first thing that differs from the close's audit entry, in words; null when all agree. */
export async function closingAuditMismatch(db: DbOrTx, pollId: string, now: ClosedPollState): Promise<string | null> {
  const [entry] = await db
    .select({ id: auditLog.id, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, "poll.closed"), eq(auditLog.subjectType, "poll"), eq(auditLog.subjectId, pollId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (!entry) return "the audit log has no poll.closed entry for this poll";
  const recorded = entry.details;
  if (typeof recorded.ballots !== "number" || typeof recorded.chainHead !== "string") {
    return `audit entry ${entry.id} (poll.closed) records no ballot count or chain head`;
  }
  if (recorded.ballots !== now.ballots) {
    return `audit entry ${entry.id} (poll.closed) recorded ${recorded.ballots} ballots; the poll has ${now.ballots}`;
  }
  if (recorded.chainHead !== now.chainHead) {
    return `audit entry ${entry.id} (poll.closed) recorded the chain head ${recorded.chainHead}; the ballots chain to ${now.chainHead}`;
  }
  return null;
}
