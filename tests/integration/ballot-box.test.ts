import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { SESSION_COOKIE } from "../../app/modules/auth/session.server";
import { generateToken, hashToken } from "../../app/modules/auth/tokens";
import { BallotBox, type SentBallot } from "../../app/modules/polls/ballot-box.server";
import { ballotProblemMessages } from "../../app/modules/polls/messages";
import { ballotsCast } from "../../app/modules/polls/turnout.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { getPublication } from "../../app/modules/polls/publication.server";
import { loadRules } from "../../app/modules/polls/poll-rules.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { grantRole } from "../../app/modules/users/users.server";
import { rowsOf } from "../../app/utils/db.server";
import { ballots, polls, pollVoters, sessions } from "../../db/schema";
import { createTestApp } from "../support/app-harness";
import { lockWaiters } from "../support/locks";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const onServer = Boolean(process.env.TEST_DATABASE_URL);
let database: TestDatabase;
const members: string[] = [];
const actor = systemActor("returning officer");

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 12; i += 1) {
    const r = await grantRole(database.db, { email: `boxvoter${i}@example.org`, role: "member", actor });
    if (r.ok) members.push(r.userId);
  }
});
afterAll(() => database.drop());

async function newPoll(method: "irv" | "yes-no" = "irv") {
  const created = await createPoll(database.db, actor, {
    title: method === "irv" ? "Leader" : "Motion",
    method,
    options: [{ label: "Ada" }, { label: "Ben" }, { label: "Re-open nominations", isRon: true }],
    closesAt: new Date(Date.now() + 3_600_000),
  });
  if (!created.ok) throw new Error(created.code);
  expect(await openPoll(database.db, actor, created.pollId, members.slice(0, 10))).toMatchObject({ ok: true });
  return created.pollId;
}

const ranked = (pollId: string, userId: string, ranking: number[]): SentBallot => ({ pollId, userId, read: () => ({ ok: true, ranking }) });

async function marksOf(pollId: string) {
  return database.db.select().from(pollVoters).where(eq(pollVoters.pollId, pollId));
}
/**
 * How many of the poll's ballots each transaction wrote, smallest first: rows written by one
 * transaction carry its id (xmin). Only while the poll is open: closing rewrites them all.
 */
async function transactionSizes(pollId: string): Promise<number[]> {
  const rows = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from ${ballots} where poll_id = ${pollId} group by xmin::text`));
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
}

async function ballotsOf(pollId: string) {
  return database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
}

describe("the ballot box", () => {
  it("writes ballots sent together in one transaction, and each is all there: mark, ballot, strand", async () => {
    const pollId = await newPoll();
    // One transaction at a time: the first ballot goes alone, the other seven wait and go together.
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
    const results = await Promise.all(members.slice(0, 8).map((userId, i) => box.cast(ranked(pollId, userId, [i % 3]))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.receipt : ""))).size).toBe(8);
    expect(await marksOf(pollId)).toHaveLength(8);
    expect(await ballotsOf(pollId)).toHaveLength(8);
    expect(await ballotsCast(database.db, pollId)).toBe(8);
    // Two transactions: the first ballot alone, then the seven that waited for it.
    expect(await transactionSizes(pollId)).toEqual([1, 7]);
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 8, voted: 8 });
  });

  it("keeps a member's repeat out of the transaction their first ballot is in, and refuses it after", async () => {
    const pollId = await newPoll();
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
    const [first, second, other, repeat] = await Promise.all([
      box.cast(ranked(pollId, members[0]!, [0])),
      box.cast(ranked(pollId, members[1]!, [1])),
      box.cast(ranked(pollId, members[2]!, [2])),
      box.cast(ranked(pollId, members[1]!, [0])),
    ]);
    expect([first?.ok, second?.ok, other?.ok]).toEqual([true, true, true]);
    expect(repeat).toEqual({ ok: false, code: "already_voted" });
    const stored = await ballotsOf(pollId);
    expect(stored).toHaveLength(3);
    // The member's first ballot is the one kept: its receipt is stored, and once the poll closes
    // the decrypted rankings are the three first ballots' (the repeat's [0] would make two).
    expect(stored.map((b) => b.receipt)).toContain(second?.ok ? second.receipt : "");
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    const published = await getPublication(database.db, pollId);
    expect(published?.publication.contents.map((c) => JSON.stringify(c)).sort()).toEqual(['{"ranking":[0]}', '{"ranking":[1]}', '{"ranking":[2]}']);
  });

  it("refuses, each for its own reason, ballots of people not on the roll, bad ballots and unknown polls, and writes the rest", async () => {
    const pollId = await newPoll();
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
    const results = await Promise.all([
      box.cast(ranked(pollId, members[0]!, [0])),
      box.cast(ranked(pollId, members[11]!, [0])), // not on the roll of ten
      box.cast({ pollId, userId: members[2]!, read: () => ({ ok: false, code: "ranking_gap" }) }),
      box.cast(ranked(pollId, members[3]!, [7])), // no such option
      box.cast(ranked(crypto.randomUUID(), members[4]!, [0])),
      box.cast(ranked("not-a-poll", members[4]!, [0])),
      box.cast(ranked(pollId, members[5]!, [1, 0])),
    ]);
    expect(results.map((r) => (r.ok ? "cast" : r.code))).toEqual([
      "cast",
      "not_on_roll",
      "ranking_gap",
      "ranking_unknown_option",
      "not_found",
      "not_found",
      "cast",
    ]);
    expect((await marksOf(pollId)).map((m) => m.userId).sort()).toEqual([members[0]!, members[5]!].sort());
    expect(await ballotsOf(pollId)).toHaveLength(2);
  });

  it("writes ballots of several polls in one transaction, each on its own poll's chain", async () => {
    const [a, b] = [await newPoll(), await newPoll()];
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
    const results = await Promise.all(
      members.slice(0, 6).flatMap((userId, i) => [box.cast(ranked(a, userId, [i % 2])), box.cast(ranked(b, userId, [1 - (i % 2)]))]),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    for (const pollId of [a, b]) {
      expect(await ballotsCast(database.db, pollId)).toBe(6);
      expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
      expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 6, voted: 6 });
    }
  });

  it("takes back the marks of ballots whose poll closed after it was read, and stores none of them", async () => {
    const pollId = await newPoll();
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
    // Loaded while open, as by a page a moment before the close.
    const loaded = (await loadRules(database.db, pollId))!;
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    const result = await box.cast({ ...ranked(pollId, members[0]!, [0]), loaded });
    expect(result).toEqual({ ok: false, code: "not_open" });
    expect(await marksOf(pollId)).toEqual([]);
    expect(await ballotsOf(pollId)).toEqual([]);
  });

  it("fails every ballot of a transaction that fails, and leaves none of them written", async () => {
    const pollId = await newPoll();
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
    const blocker = box.cast(ranked(pollId, members[0]!, [0]));
    // These three wait for the first transaction and go together; the bad id fails the statement.
    const together = [
      box.cast(ranked(pollId, members[1]!, [0])),
      box.cast({ pollId, userId: "not-a-uuid", read: () => ({ ok: true, ranking: [1] }) }),
      box.cast(ranked(pollId, members[2]!, [1])),
    ];
    expect((await blocker).ok).toBe(true);
    const settled = await Promise.allSettled(together);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect((await marksOf(pollId)).map((m) => m.userId)).toEqual([members[0]]);
    expect(await ballotsOf(pollId)).toHaveLength(1);
    // The box carries on: the next ballots are written.
    expect((await box.cast(ranked(pollId, members[1]!, [0]))).ok).toBe(true);
  });

  it.skipIf(!onServer)("waits for a close that holds its polls, without deadlocking, whatever order its ballots came in", async () => {
    const [first, second] = [await newPoll(), await newPoll()].sort() as [string, string];
    const elsewhere = await newPoll();
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
    // A command that locks the polls' rows in id order, as closePollBatch does: the first now,
    // the second once the batch below is waiting for the first.
    let lockSecond = () => {};
    const secondWanted = new Promise<void>((resolve) => (lockSecond = resolve));
    let firstHeld = () => {};
    const firstLocked = new Promise<void>((resolve) => (firstHeld = resolve));
    const closing = database.db.transaction(async (tx) => {
      await tx.select().from(polls).where(eq(polls.id, first)).for("update");
      firstHeld();
      await secondWanted;
      await tx.select().from(polls).where(eq(polls.id, second)).for("update");
    });
    await firstLocked;
    const blocker = box.cast(ranked(elsewhere, members[0]!, [0]));
    // These two go together, the second poll's first: the batch must still take the first poll first.
    const batch = [box.cast(ranked(second, members[1]!, [0])), box.cast(ranked(first, members[1]!, [1]))];
    expect((await blocker).ok).toBe(true);
    await expect.poll(() => lockWaiters(database.db), { timeout: 5000 }).toBe(1);
    lockSecond();
    await closing;
    expect((await Promise.all(batch)).map((r) => r.ok)).toEqual([true, true]);
  });

  it("takes at most ballotsPerTransaction ballots into a transaction", async () => {
    const pollId = await newPoll();
    const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 3 });
    const results = await Promise.all(members.slice(0, 10).map((userId) => box.cast(ranked(pollId, userId, [0]))));
    expect(results.every((r) => r.ok)).toBe(true);
    // 1 alone, then the nine that waited, 3 at a time.
    expect(await transactionSizes(pollId)).toEqual([1, 3, 3, 3]);
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 10 });
  });
});

describe("the ballot endpoint (POST /polls/:id/ballot)", () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const cookies: string[] = [];
  beforeAll(async () => {
    app = await createTestApp(database.db);
    for (const userId of members) {
      const token = generateToken();
      await database.db.insert(sessions).values({ id: hashToken(token), userId, expiresAt: new Date(Date.now() + 86_400_000) });
      cookies.push(`${SESSION_COOKIE}=${token}`);
    }
  });
  const send = async (pollId: string, form: Record<string, string>, options: { cookie?: string | null; origin?: string | null } = {}) => {
    const response = await app.request(`/polls/${pollId}/ballot`, { form, ...options });
    const text = await response.text();
    return { status: response.status, body: response.status === 403 && !text.startsWith("{") ? text : JSON.parse(text) };
  };

  it("casts the signed-in member's ballot from the page's form fields and answers with the receipt", async () => {
    const pollId = await newPoll();
    const answer = await send(pollId, { intent: "cast", "rank-0": "2", "rank-1": "1", "rank-2": "" }, { cookie: cookies[0] });
    expect(answer.status).toBe(200);
    // The receipt is the encrypted ballot's tracker (decision 044).
    expect(answer.body).toEqual({ ok: true, receipt: expect.stringMatching(/^[A-Za-z0-9+/]{43}$/) });
    expect((await ballotsOf(pollId)).map((b) => b.receipt)).toEqual([answer.body.receipt]);
    expect((await marksOf(pollId)).map((m) => m.userId)).toEqual([members[0]]);
    // Encrypted as it came: the ranking the form gave is what the close decrypts.
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    expect((await getPublication(database.db, pollId))?.publication.contents).toEqual([{ ranking: [1, 0] }]);
  });

  it("refuses with the reason, as the page would word it, and writes nothing", async () => {
    const pollId = await newPoll();
    expect(await send(pollId, { "rank-0": "1", "rank-1": "3" }, { cookie: cookies[1] })).toMatchObject({
      status: 400,
      body: { ok: false, code: "ranking_gap", message: ballotProblemMessages.ranking_gap },
    });
    expect(await send(pollId, { "rank-0": "1" }, { cookie: cookies[11] })).toMatchObject({ status: 409, body: { code: "not_on_roll" } });
    expect(await send(crypto.randomUUID(), { "rank-0": "1" }, { cookie: cookies[1] })).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect(await send(pollId, { "rank-0": "1" }, { cookie: null })).toMatchObject({ status: 401, body: { ok: false, code: "signed_out" } });
    // From another site: refused before anything is read, as every form is (decision 003).
    expect((await send(pollId, { "rank-0": "1" }, { cookie: cookies[1], origin: "https://elsewhere.example" })).status).toBe(403);
    expect(await marksOf(pollId)).toEqual([]);
    expect(await ballotsOf(pollId)).toEqual([]);

    expect(await send(pollId, { "rank-0": "1" }, { cookie: cookies[1] })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await send(pollId, { "rank-0": "2", "rank-1": "1" }, { cookie: cookies[1] })).toMatchObject({ status: 409, body: { code: "already_voted" } });
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    expect(await send(pollId, { "rank-0": "1" }, { cookie: cookies[2] })).toMatchObject({ status: 409, body: { code: "not_open" } });
    const [{ n } = { n: -1 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(pollVoters)
      .where(and(eq(pollVoters.pollId, pollId)));
    expect(n).toBe(1);
  });

  it("answers a failed transaction with a 500 the page can word, stores nothing, and logs no voter or ballot", async () => {
    const pollId = await newPoll();
    await database.db.execute(
      sql.raw(`create function refuse_ballot() returns trigger language plpgsql as $$ begin raise exception 'disk full (test)'; end $$`),
    );
    await database.db.execute(sql.raw(`create trigger refuse_ballot before insert on ballots for each row execute function refuse_ballot()`));
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    try {
      const answer = await send(pollId, { "rank-0": "1" }, { cookie: cookies[4] });
      expect(answer).toEqual({ status: 500, body: { ok: false, code: "server_error", message: ballotProblemMessages.server_error } });
    } finally {
      spy.mockRestore();
      await database.db.execute(sql.raw(`drop trigger refuse_ballot on ballots`));
      await database.db.execute(sql.raw(`drop function refuse_ballot()`));
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^ballot endpoint: the ballot's transaction failed \(\w+/);
    expect(logged[0]).not.toContain(members[4]!);
    expect(logged[0]).not.toContain("ranking");
    expect(await marksOf(pollId)).toEqual([]);
    expect(await ballotsOf(pollId)).toEqual([]);
    // Nothing was cast, so the member votes again.
    expect(await send(pollId, { "rank-0": "1" }, { cookie: cookies[4] })).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("takes a yes/no ballot's choice", async () => {
    const pollId = await newPoll("yes-no");
    expect(await send(pollId, {}, { cookie: cookies[3] })).toMatchObject({ status: 400, body: { code: "choice_missing" } });
    expect(await send(pollId, { choice: "yes" }, { cookie: cookies[3] })).toMatchObject({ status: 200, body: { ok: true } });
    // The poll's address typed in capitals is the same poll.
    expect(await send(pollId.toUpperCase(), { choice: "no" }, { cookie: cookies[5] })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await send(pollId.toUpperCase(), { choice: "no" }, { cookie: cookies[5] })).toMatchObject({ status: 409, body: { code: "already_voted" } });
    // Stored encrypted (issue 17): no choice in the database; the close decrypts only the total.
    expect((await ballotsOf(pollId)).map((b) => Object.keys(b.content))).toEqual([["belenios"], ["belenios"]]);
    const closed = await closePoll(database.db, actor, pollId);
    expect(closed.ok && closed.result?.kind === "yes-no" ? closed.result.result.tally : null).toMatchObject({ yes: 1, no: 1, abstain: 0 });
  });
});
