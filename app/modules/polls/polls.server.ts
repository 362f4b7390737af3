import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { canonicalJson } from "~/modules/audit/chain";
import { generateToken } from "~/modules/auth/tokens";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import {
  ballots,
  pollOptions,
  pollRoll,
  polls,
  pollVoters,
  voteItems,
  type BallotContent,
  type PollMethod,
  type PublicationMode,
} from "../../../db/schema";
import {
  ballotHash,
  checkBallot,
  GENESIS_BALLOT_HASH,
  checkBallotChain,
  countPoll,
  pollBlt,
  publish,
  type BallotProblem,
  type PollResult,
  type PollRules,
} from "./ballot-rules";

type Poll = typeof polls.$inferSelect;

export interface NewPoll {
  title: string;
  description?: string;
  method: PollMethod;
  seats?: number;
  options: { label: string; isRon?: boolean }[];
  quorum?: { numerator: number; denominator: number };
  majority?: "simple" | "absolute" | "two-thirds";
  publication?: PublicationMode;
  closesAt: Date;
}

export type CreatePollResult = { ok: true; pollId: string } | { ok: false; code: "options_missing" | "seats_invalid" | "closes_in_past" };

export async function createPoll(db: DbOrTx, actor: Actor, input: NewPoll): Promise<CreatePollResult> {
  const options =
    input.method === "yes-no"
      ? [{ label: "Yes" }, { label: "No" }, { label: "Abstain" }]
      : input.options;
  if (input.method !== "yes-no" && options.length < 2) return { ok: false, code: "options_missing" };
  const seats = input.seats ?? 1;
  if (!Number.isInteger(seats) || seats < 1 || (input.method !== "yes-no" && seats >= options.length + 1)) {
    return { ok: false, code: "seats_invalid" };
  }
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(polls)
      .values({
        title: input.title,
        description: input.description ?? "",
        method: input.method,
        seats,
        quorumNumerator: input.quorum?.numerator ?? 0,
        quorumDenominator: input.quorum?.denominator ?? 1,
        majority: input.majority ?? "simple",
        publication: input.publication ?? "separate-lists",
        lotSeed: generateToken(),
        closesAt: input.closesAt,
        createdBy: actor.id,
      })
      .returning({ id: polls.id, lotSeed: polls.lotSeed });
    if (!poll) throw new Error("poll was not created");
    await tx.insert(pollOptions).values(
      options.map((o, position) => ({ pollId: poll.id, position, label: o.label, isRon: "isRon" in o ? Boolean(o.isRon) : false })),
    );
    await appendAudit(tx, {
      actor,
      action: "poll.created",
      subjectType: "poll",
      subjectId: poll.id,
      details: { title: input.title, method: input.method, seats, options: options.map((o) => o.label), lotSeed: poll.lotSeed },
    });
    return { ok: true, pollId: poll.id } as const;
  });
}

export type OpenPollResult = { ok: true; rollSize: number } | { ok: false; code: "not_found" | "not_draft" | "roll_empty" };

/** Opens the poll and freezes its roll: nobody added to the movement later can vote in it. */
export async function openPoll(db: DbOrTx, actor: Actor, pollId: string, roll: readonly string[]): Promise<OpenPollResult> {
  const unique = [...new Set(roll)];
  if (unique.length === 0) return { ok: false, code: "roll_empty" };
  return db.transaction(async (tx) => {
    const [poll] = await tx.select().from(polls).where(eq(polls.id, pollId)).for("update");
    if (!poll) return { ok: false, code: "not_found" } as const;
    if (poll.status !== "draft") return { ok: false, code: "not_draft" } as const;
    for (let i = 0; i < unique.length; i += 1000) {
      await tx.insert(pollRoll).values(unique.slice(i, i + 1000).map((userId) => ({ pollId, userId })));
    }
    await tx.update(polls).set({ status: "open", openedAt: new Date(), rollSize: unique.length }).where(eq(polls.id, pollId));
    await appendAudit(tx, {
      actor,
      action: "poll.opened",
      subjectType: "poll",
      subjectId: pollId,
      details: { rollSize: unique.length, lotSeed: poll.lotSeed, closesAt: poll.closesAt.toISOString() },
    });
    return { ok: true, rollSize: unique.length } as const;
  });
}

export type CastResult =
  | { ok: true; receipt: string }
  | { ok: false; code: "not_found" | "not_open" | "not_on_roll" | "already_voted" | BallotProblem };

/**
 * One transaction (a savepoint when given one, so that a clause's questions are cast together):
 * mark the member as having voted (the primary key refuses a second time, even
 * concurrently), then store the ballot apart from them with a fresh receipt, chained to the last.
 */
export async function castBallot(
  db: DbOrTx,
  input: { pollId: string; userId: string; choice?: string; ranking?: readonly number[] },
): Promise<CastResult> {
  const rules = await loadRules(db, input.pollId);
  if (!rules) return { ok: false, code: "not_found" };
  const checked = checkBallot(rules.rules, input);
  if (!checked.ok) return checked;
  if (rules.poll.status !== "open" || rules.poll.closesAt.getTime() <= Date.now()) return { ok: false, code: "not_open" };
  try {
    return await db.transaction(async (tx) => {
      const [onRoll] = await tx
        .select({ userId: pollRoll.userId })
        .from(pollRoll)
        .where(and(eq(pollRoll.pollId, input.pollId), eq(pollRoll.userId, input.userId)));
      if (!onRoll) return { ok: false, code: "not_on_roll" } as const;
      // The primary key refuses a second mark, even from a request running at the same moment.
      const marked = await tx
        .insert(pollVoters)
        .values({ pollId: input.pollId, userId: input.userId })
        .onConflictDoNothing()
        .returning({ userId: pollVoters.userId });
      if (marked.length === 0) return { ok: false, code: "already_voted" } as const;
      // The poll row is the chain's lock: ballots of one poll are chained one at a time. Taken
      // last, so it is held only while the ballot is chained; NO KEY UPDATE does not conflict
      // with the key-share lock the voter's mark took on the poll row above.
      const [poll] = await tx
        .select({ status: polls.status, closesAt: polls.closesAt, chainHead: polls.chainHead, ballotCount: polls.ballotCount })
        .from(polls)
        .where(eq(polls.id, input.pollId))
        .for("no key update");
      // Closed meanwhile: throw, so that the voter's mark is rolled back with everything else.
      if (!poll || poll.status !== "open" || poll.closesAt.getTime() <= Date.now()) throw new PollNotOpen();
      const receipt = generateToken();
      const hash = ballotHash(poll.chainHead, receipt, checked.content);
      await tx.insert(ballots).values({ receipt, pollId: input.pollId, content: checked.content, prevHash: poll.chainHead, hash });
      await tx.update(polls).set({ chainHead: hash, ballotCount: poll.ballotCount + 1 }).where(eq(polls.id, input.pollId));
      return { ok: true, receipt } as const;
    });
  } catch (error) {
    if (error instanceof PollNotOpen) return { ok: false, code: "not_open" };
    throw error;
  }
}

class PollNotOpen extends Error {}

export type ClosePollResult = { ok: true; result: PollResult } | { ok: false; code: "not_found" | "not_open" | "chain_broken" };

/**
 * Closes the poll, counts it, and stores the result, in one transaction. It also rewrites the
 * ballots (sorted by receipt, on a fresh chain) and the voters list: each ballot was written in
 * the same database transaction as its voter's mark, and PostgreSQL keeps that transaction's id
 * on both rows (xmin) and their physical order; rewriting them in this one transaction leaves
 * nothing that pairs a voter with a ballot. The chain head of voting time goes in the audit log.
 */
export async function closePoll(db: DbOrTx, actor: Actor, pollId: string, options: { reason?: string } = {}): Promise<ClosePollResult> {
  return db.transaction(async (tx) => {
    const [poll] = await tx.select().from(polls).where(eq(polls.id, pollId)).for("update");
    if (!poll) return { ok: false, code: "not_found" } as const;
    if (poll.status !== "open") return { ok: false, code: "not_open" } as const;
    const rules = await rulesFor(tx, poll);
    const stored = await tx.select().from(ballots).where(eq(ballots.pollId, pollId));
    const votingChain = checkBallotChain(stored, poll.chainHead);
    if (!votingChain.ok) return { ok: false, code: "chain_broken" } as const;
    const sorted = [...stored].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
    let head = GENESIS_BALLOT_HASH;
    const rechained = sorted.map((b) => {
      const hash = ballotHash(head, b.receipt, b.content);
      const row = { receipt: b.receipt, pollId, content: b.content, prevHash: head, hash };
      head = hash;
      return row;
    });
    await tx.delete(ballots).where(eq(ballots.pollId, pollId));
    for (let i = 0; i < rechained.length; i += 1000) await tx.insert(ballots).values(rechained.slice(i, i + 1000));
    const voters = await tx.select().from(pollVoters).where(eq(pollVoters.pollId, pollId)).orderBy(asc(pollVoters.userId));
    await tx.delete(pollVoters).where(eq(pollVoters.pollId, pollId));
    for (let i = 0; i < voters.length; i += 1000) await tx.insert(pollVoters).values(voters.slice(i, i + 1000));

    const contents = rechained.map((b) => b.content);
    const result = countPoll(rules, contents, poll.rollSize);
    await tx.update(polls).set({ status: "closed", closedAt: new Date(), result, chainHead: head }).where(eq(polls.id, pollId));
    await appendAudit(tx, {
      actor,
      action: "poll.closed",
      subjectType: "poll",
      subjectId: pollId,
      details: {
        ballots: contents.length,
        ...(options.reason ? { closedEarlyBecause: options.reason } : {}),
        votingChainHead: poll.chainHead,
        chainHead: head,
        outcome: result.kind === "yes-no" ? result.result.code : result.report.elected,
      },
    });
    return { ok: true, result } as const;
  });
}

async function rulesFor(db: DbOrTx, poll: Poll): Promise<PollRules> {
  const options = await db.select().from(pollOptions).where(eq(pollOptions.pollId, poll.id)).orderBy(asc(pollOptions.position));
  return {
    title: poll.title,
    method: poll.method,
    seats: poll.seats,
    quorum: { numerator: poll.quorumNumerator, denominator: poll.quorumDenominator },
    majority: poll.majority,
    lotSeed: poll.lotSeed,
    options: options.map((o) => ({ position: o.position, label: o.label, isRon: o.isRon, withdrawn: o.withdrawn })),
  };
}

export async function loadRules(db: DbOrTx, pollId: string): Promise<{ poll: Poll; rules: PollRules } | null> {
  if (!isUuid(pollId)) return null;
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  return poll ? { poll, rules: await rulesFor(db, poll) } : null;
}

export async function hasVoted(db: DbOrTx, pollId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: pollVoters.userId })
    .from(pollVoters)
    .where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, userId)));
  return Boolean(row);
}

export async function isOnRoll(db: DbOrTx, pollId: string, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: pollRoll.userId }).from(pollRoll).where(and(eq(pollRoll.pollId, pollId), eq(pollRoll.userId, userId)));
  return Boolean(row);
}

export async function countVoters(db: DbOrTx, pollId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(pollVoters).where(eq(pollVoters.pollId, pollId));
  return row?.n ?? 0;
}

/** What is published after close; nothing before. */
export async function getPublication(db: DbOrTx, pollId: string) {
  const loaded = await loadRules(db, pollId);
  if (!loaded || loaded.poll.status !== "closed") return null;
  const rows = await db.select({ receipt: ballots.receipt, content: ballots.content }).from(ballots).where(eq(ballots.pollId, pollId));
  return {
    poll: loaded.poll,
    rules: loaded.rules,
    voted: await countVoters(db, pollId),
    ballotCount: rows.length,
    chainHead: loaded.poll.chainHead,
    publication: publish(loaded.poll.publication, rows),
    blt: loaded.rules.method === "yes-no" ? null : pollBlt(loaded.rules, rows.map((r) => r.content)),
  };
}

export type ReceiptCheck =
  | { status: "counted"; content: BallotContent | null }
  | { status: "not_found" }
  | { status: "not_closed" };

/** A voter checks that their ballot is in the count; its content is shown only where the poll publishes it. */
export async function checkReceipt(db: DbOrTx, pollId: string, receipt: string): Promise<ReceiptCheck> {
  if (!isUuid(pollId)) return { status: "not_closed" };
  const [poll] = await db.select({ status: polls.status, publication: polls.publication }).from(polls).where(eq(polls.id, pollId));
  if (!poll || poll.status !== "closed") return { status: "not_closed" };
  const [row] = await db
    .select({ content: ballots.content })
    .from(ballots)
    .where(and(eq(ballots.pollId, pollId), eq(ballots.receipt, receipt.trim().toLowerCase())));
  if (!row) return { status: "not_found" };
  return { status: "counted", content: poll.publication === "receipts-with-rankings" ? row.content : null };
}

export type PollVerification =
  | { ok: true; ballots: number; voted: number; chainHead: string }
  | {
      ok: false;
      problem: "not_closed" | "chain_broken" | "counts_differ" | "result_differs";
      detail?: string;
    };

/** Re-checks a closed poll from the stored ballots: chain, numbers, and the count itself. */
export async function verifyPoll(db: DbOrTx, pollId: string): Promise<PollVerification> {
  const loaded = await loadRules(db, pollId);
  if (!loaded || loaded.poll.status !== "closed") return { ok: false, problem: "not_closed" };
  const rows = await db.select().from(ballots).where(eq(ballots.pollId, pollId));
  const chain = checkBallotChain(rows, loaded.poll.chainHead);
  if (!chain.ok) return { ok: false, problem: "chain_broken", detail: chain.code };
  const voted = await countVoters(db, pollId);
  if (voted !== rows.length || loaded.poll.ballotCount !== rows.length) {
    return { ok: false, problem: "counts_differ", detail: `${voted} voted, ${rows.length} ballots` };
  }
  const recount = countPoll(loaded.rules, rows.map((r) => r.content), loaded.poll.rollSize);
  // jsonb reorders keys, so compare canonical forms.
  if (canonicalJson(recount) !== canonicalJson(loaded.poll.result)) return { ok: false, problem: "result_differs" };
  return { ok: true, ballots: rows.length, voted, chainHead: loaded.poll.chainHead };
}

/**
 * Polls for the polls page. The questions of the constitution's clause ballots are left out:
 * there are dozens per round, and they are listed, and voted on, under Constitution.
 */
export async function listPolls(db: DbOrTx) {
  return db
    .select()
    .from(polls)
    .where(sql`not exists (select 1 from ${voteItems} v where v.poll_id = ${polls.id})`)
    .orderBy(asc(polls.closesAt));
}

export async function pollIdsOnRoll(db: DbOrTx, userId: string, pollIds: string[]): Promise<Set<string>> {
  if (pollIds.length === 0) return new Set();
  const rows = await db
    .select({ pollId: pollRoll.pollId })
    .from(pollRoll)
    .where(and(eq(pollRoll.userId, userId), inArray(pollRoll.pollId, pollIds)));
  return new Set(rows.map((r) => r.pollId));
}

/**
 * Closes and counts every open poll whose closing time has passed. Safe to run on several
 * servers at once: closePoll locks the poll and does nothing to one already closed.
 */
export async function closeDuePolls(db: Db): Promise<number> {
  const due = await db
    .select({ id: polls.id })
    .from(polls)
    .where(and(eq(polls.status, "open"), sql`${polls.closesAt} <= now()`));
  let closed = 0;
  for (const { id } of due) {
    const result = await closePoll(db, { id: null, label: "automatic close at the closing time" }, id);
    if (result.ok) closed += 1;
  }
  return closed;
}

/** Starts the background loop that closes polls on time; returns a function that stops it. */
export function startPollCloser(db: Db, intervalMs = 15_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = closeDuePolls(db)
      .catch((error: unknown) => console.error("poll closer:", error))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
