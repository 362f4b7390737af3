/** Closing polls: counting them, or leaving them to their trustees, and rewriting their ballots on a fresh chain. */
import { asc, eq, inArray, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import type { DbOrTx } from "~/utils/db.server";
import { ballots, pollChains, pollOptions, polls, pollVoters, type BallotContent } from "../../../db/schema";
import { electionsOf, encryptedTallyOf, recordPendingTally, recordTally, tallyAndDecrypt } from "./encrypted/poll-elections.server";
import { ballotHash, GENESIS_BALLOT_HASH, checkBallotStrands, strandsDigest, countPoll, type PollResult } from "./ballot-rules";
import { insertBallotRows, type BallotRow } from "./ballot-rows.server";
import { countDecrypted } from "./decrypted-count";
import { rulesOf } from "./poll-rules.server";

/** result is null for a poll held by named trustees (decision 045): it is now "decrypting". */
export type ClosePollResult = { ok: true; result: PollResult | null } | { ok: false; code: "not_found" | "not_open" | "chain_broken" };

/**
 * Closes the poll, counts it, and stores the result, in one transaction (closePollBatch, with
 * its audit entry). The chain head of voting time goes in the audit log.
 */
export async function closePoll(db: DbOrTx, actor: Actor, pollId: string, options: { reason?: string } = {}): Promise<ClosePollResult> {
  return db.transaction(async (tx) => {
    const batch = await closePollBatch(tx, [pollId]);
    if (!batch.ok) return { ok: false, code: batch.code } as const;
    const [closed] = batch.closed;
    if (!closed) return { ok: false, code: batch.missing.length > 0 ? "not_found" : "not_open" } as const;
    await appendAudit(tx, { actor, action: "poll.closed", subjectType: "poll", subjectId: pollId, details: closedPollDetails(closed, options) });
    return { ok: true, result: closed.result } as const;
  });
}

export interface ClosedInBatch {
  pollId: string;
  /** Null for a poll held by named trustees: closed to voting, its result waits for their decryptions. */
  result: PollResult | null;
  ballots: number;
  /** The voting-time chain, checked before the rewrite: the digest of its strands' heads (strandsDigest). */
  votingChainHead: string;
  /** The head of the published chain, in receipt order. */
  chainHead: string;
}

/** What the audit log keeps of a poll's close. */
export function closedPollDetails(closed: ClosedInBatch, options: { reason?: string } = {}) {
  const { result } = closed;
  return {
    ballots: closed.ballots,
    ...(options.reason ? { closedEarlyBecause: options.reason } : {}),
    votingChainHead: closed.votingChainHead,
    chainHead: closed.chainHead,
    outcome: !result ? "awaiting_trustees" : result.kind === "yes-no" ? result.result.code : result.report.elected,
  };
}

/**
 * Closes and counts the given polls in a handful of statements, inside the caller's transaction;
 * polls already closed are left as they are. It also rewrites the ballots (sorted by receipt, on
 * a fresh chain) and the voters lists: each ballot was written in the same database transaction
 * as its voter's mark, and PostgreSQL keeps that transaction's id on both rows (xmin) and their
 * physical order; rewriting them in one transaction leaves nothing that pairs a voter with a
 * ballot. Every voting-time chain is checked before anything is written. It writes no audit
 * entry: the caller records what it returns (see closedPollDetails), as late as it can.
 */
export async function closePollBatch(
  tx: DbOrTx,
  pollIds: readonly string[],
): Promise<{ ok: true; closed: ClosedInBatch[]; missing: string[] } | { ok: false; code: "chain_broken"; pollId: string }> {
  const wanted = [...new Set(pollIds)].sort();
  if (wanted.length === 0) return { ok: true, closed: [], missing: [] };
  // Locked in one order, so two commands closing overlapping batches cannot deadlock.
  const locked = await tx.select().from(polls).where(inArray(polls.id, wanted)).orderBy(asc(polls.id)).for("update");
  const found = new Set(locked.map((p) => p.id));
  const missing = wanted.filter((id) => !found.has(id));
  const open = locked.filter((p) => p.status === "open");
  if (open.length === 0) return { ok: true, closed: [], missing };
  const openIds = open.map((p) => p.id);

  const optionRows = await tx.select().from(pollOptions).where(inArray(pollOptions.pollId, openIds)).orderBy(asc(pollOptions.position));
  // No ballot is being chained: each holds a key-share lock on its poll's row, which our lock waited for.
  const strandRows = await tx.select().from(pollChains).where(inArray(pollChains.pollId, openIds)).orderBy(asc(pollChains.strand));
  const elections = await electionsOf(tx, openIds);

  const closedAt = new Date();
  const closed: ClosedInBatch[] = [];
  const rechained: BallotRow[] = [];
  for (const poll of open) {
    // A poll at a time: reading, hashing and counting every ballot at once would keep the
    // server from answering anyone else for seconds; each read lets other requests run.
    const cast = await tx.select().from(ballots).where(eq(ballots.pollId, poll.id));
    const strands = strandRows.filter((s) => s.pollId === poll.id);
    if (!checkBallotStrands(cast, strands).ok) return { ok: false, code: "chain_broken", pollId: poll.id };
    const sorted = [...cast].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
    let head = GENESIS_BALLOT_HASH;
    for (const b of sorted) {
      const hash = ballotHash(head, b.receipt, b.content);
      rechained.push({ receipt: b.receipt, pollId: poll.id, content: b.content, prevHash: head, hash });
      head = hash;
    }
    const rules = rulesOf(
      poll,
      optionRows.filter((o) => o.pollId === poll.id),
    );
    const pollElection = elections.get(poll.id);
    let result: PollResult | null;
    if (pollElection?.trusteeKind === "members") {
      // Held by named trustees (decision 045): the tally waits for their shuffles and decryptions.
      await recordPendingTally(
        tx,
        poll.id,
        encryptedTallyOf(
          pollElection,
          sorted.map((b) => encryptedText(b.content)),
        ),
      );
      result = null;
    } else if (pollElection) {
      // Encrypted: the ballots are multiplied and only their sum is decrypted (decision 044).
      const tally = tallyAndDecrypt(
        pollElection,
        sorted.map((b) => encryptedText(b.content)),
      );
      await recordTally(tx, poll.id, tally);
      result = countDecrypted(rules, tally.outcome, poll.rollSize);
    } else {
      result = countPoll(
        rules,
        sorted.map((b) => b.content),
        poll.rollSize,
      );
    }
    closed.push({ pollId: poll.id, result, ballots: sorted.length, votingChainHead: strandsDigest(strands), chainHead: head });
  }

  await tx.delete(ballots).where(inArray(ballots.pollId, openIds));
  for (let i = 0; i < rechained.length; i += BALLOT_ROWS_PER_INSERT) {
    await tx.execute(insertBallotRows(rechained.slice(i, i + BALLOT_ROWS_PER_INSERT)));
  }
  // The voters, sorted, in one statement: every row is deleted before the first is put back.
  await tx.execute(sql`
    with gone as (delete from ${pollVoters} where ${inArray(pollVoters.pollId, openIds)} returning poll_id, user_id)
    insert into ${pollVoters} (poll_id, user_id) select poll_id, user_id from gone order by poll_id, user_id`);
  // The strands sealed the voting-time chain, which is gone now; their digest is in what we return.
  await tx.delete(pollChains).where(inArray(pollChains.pollId, openIds));
  const updates = closed.map((c) => ({ id: c.pollId, result: c.result, chain_head: c.chainHead, ballot_count: c.ballots }));
  await tx.execute(sql`
    update ${polls} set status = case when x.result is null then 'decrypting' else 'closed' end,
      closed_at = ${closedAt.toISOString()}::timestamptz, result = x.result,
      chain_head = x.chain_head, ballot_count = x.ballot_count
    from json_to_recordset(${JSON.stringify(updates)}::json) as x(id uuid, result jsonb, chain_head text, ballot_count integer)
    where ${polls.id} = x.id`);
  return { ok: true, closed, missing };
}

/** An encrypted ballot's exact text; a plain ballot in an encrypted poll is a broken record. */
function encryptedText(content: BallotContent): string {
  if (!("belenios" in content)) throw new Error("a plain ballot in a poll that takes encrypted ballots");
  return content.belenios;
}

/** Ballots a statement in closePollBatch: a few megabytes of JSON. */
const BALLOT_ROWS_PER_INSERT = 10_000;
