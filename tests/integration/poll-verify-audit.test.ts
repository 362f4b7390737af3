import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { closingAuditMismatch } from "../../app/modules/polls/closing-audit.server";
import { ballotHash, countYesNoTotals, GENESIS_BALLOT_HASH } from "../../app/modules/polls/ballot-rules";
import { electionOf, recordTally, tallyAndDecrypt } from "../../app/modules/polls/encrypted/poll-elections.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { loadRules } from "../../app/modules/polls/poll-rules.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, ballots, polls, pollVoters } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * poll:verify holds an encrypted poll's ballots to what the audit log recorded when it closed:
 * someone who can write to the database, and holds APP_SECRET, can remove a ballot and rewrite
 * everything else in the poll to match (chain, count, tally, result), but not the audit log's
 * entry without breaking the audit chain.
 */
let database: TestDatabase;
const actor = systemActor("test");
const members: string[] = [];
let pollId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 5; i++) {
    const granted = await grantRole(database.db, { email: `verify${i}@example.org`, displayName: `Verify ${i}`, role: "member", actor });
    if (!granted.ok) throw new Error("member not made");
    members.push(granted.userId);
  }
  const created = await createPoll(database.db, actor, {
    title: "Adopt the statement",
    method: "yes-no",
    options: [],
    closesAt: new Date(Date.now() + 3600_000),
  });
  if (!created.ok) throw new Error(created.code);
  pollId = created.pollId;
  expect((await openPoll(database.db, actor, pollId, members)).ok).toBe(true);
  for (const [i, choice] of (["yes", "no", "no", "yes"] as const).entries()) {
    expect((await castBallot(database.db, { pollId, userId: members[i]!, choice })).ok).toBe(true);
  }
  expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
}, 120_000);
afterAll(() => database.drop());

/** A ballot removed, and the poll rewritten to match: its chain, its count, its tally and result, its voters. */
async function forgeWithoutOneBallot() {
  const db = database.db;
  const rows = (await db.select().from(ballots).where(eq(ballots.pollId, pollId))).sort((a, b) => (a.receipt < b.receipt ? -1 : 1));
  const [gone, ...kept] = rows;
  await db.delete(ballots).where(eq(ballots.receipt, gone!.receipt));
  await db.delete(pollVoters).where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, members[0]!)));
  let head = GENESIS_BALLOT_HASH;
  for (const b of kept) {
    const hash = ballotHash(head, b.receipt, b.content);
    await db.update(ballots).set({ prevHash: head, hash }).where(eq(ballots.receipt, b.receipt));
    head = hash;
  }
  const pollElection = await electionOf(db, pollId);
  const tally = tallyAndDecrypt(
    pollElection!,
    kept.map((b) => ("belenios" in b.content ? b.content.belenios : "")),
  );
  await recordTally(db, pollId, tally);
  const loaded = await loadRules(db, pollId);
  if (tally.outcome.kind !== "yes-no") throw new Error("a Yes/No poll");
  const result = countYesNoTotals(loaded!.rules, tally.outcome.counts, loaded!.poll.rollSize);
  await db.update(polls).set({ chainHead: head, ballotCount: kept.length, result }).where(eq(polls.id, pollId));
}

describe("poll:verify against the audit log", () => {
  it("accepts the poll as closed", async () => {
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 4, voted: 4 });
  });

  it("names the chain head when the count agrees but the head does not, and a poll the audit log never saw close", async () => {
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(await closingAuditMismatch(database.db, pollId, { ballots: 4, chainHead: poll!.chainHead })).toBeNull();
    expect(await closingAuditMismatch(database.db, pollId, { ballots: 4, chainHead: "f".repeat(64) })).toMatch(
      /recorded the chain head [0-9a-f]{64}; the ballots chain to f{64}/,
    );
    expect(await closingAuditMismatch(database.db, crypto.randomUUID(), { ballots: 0, chainHead: GENESIS_BALLOT_HASH })).toMatch(/no poll.closed entry/);
  });

  it("refuses a consistent forgery, naming the count the audit log recorded", async () => {
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "poll.closed"), eq(auditLog.subjectId, pollId)));
    expect(entry?.details).toMatchObject({ ballots: 4 });
    await forgeWithoutOneBallot();
    const verdict = await verifyPoll(database.db, pollId);
    expect(verdict).toMatchObject({ ok: false, problem: "audit_differs" });
    expect(verdict.ok ? "" : verdict.detail).toMatch(/recorded 4 ballots.*has 3/);
  });
});
