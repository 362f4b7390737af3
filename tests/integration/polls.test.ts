import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ballotHash, checkBallotChain, checkBallotStrands, GENESIS_BALLOT_HASH, strandsDigest } from "../../app/modules/polls/ballot-rules";
import { ballotsCast } from "../../app/modules/polls/turnout.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { CHAIN_STRANDS, createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { checkReceipt, getPublication } from "../../app/modules/polls/publication.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { grantRole } from "../../app/modules/users/users.server";
import { parseBlt } from "../../app/modules/ballots";
import { auditLog, ballots, pollChains, pollRoll, polls, pollVoters } from "../../db/schema";
import { migrationsFolder } from "../../app/utils/db.server";
import { holdLocks, lockWaiters } from "../support/locks";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const onServer = Boolean(process.env.TEST_DATABASE_URL);

let database: TestDatabase;
const members: string[] = [];
const actor = systemActor("returning officer");
const inAnHour = () => new Date(Date.now() + 3600_000);

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 12; i += 1) {
    const r = await grantRole(database.db, { email: `voter${i}@example.org`, role: "member", actor });
    if (r.ok) members.push(r.userId);
  }
});
afterAll(() => database.drop());

async function newRankedPoll(extra: Partial<Parameters<typeof createPoll>[2]> = {}) {
  const created = await createPoll(database.db, actor, {
    title: "Leader",
    method: "irv",
    options: [{ label: "Ada" }, { label: "Ben" }, { label: "Cy" }, { label: "Re-open nominations", isRon: true }],
    closesAt: inAnHour(),
    ...extra,
  });
  if (!created.ok) throw new Error(created.code);
  const opened = await openPoll(database.db, actor, created.pollId, members.slice(0, 10));
  expect(opened).toEqual({ ok: true, rollSize: 10 });
  return created.pollId;
}

describe("secret ballots", () => {
  it("counts a ranked poll, hides nothing of the voter in the ballot, and publishes after close", async () => {
    const pollId = await newRankedPoll({ publication: "receipts-with-rankings" });
    const rankings = [[0, 1], [0], [1, 0], [1, 2], [2, 1], [0, 2], [1], [0, 1, 2]];
    const receipts: string[] = [];
    for (const [i, ranking] of rankings.entries()) {
      const cast = await castBallot(database.db, { pollId, userId: members[i]!, ranking });
      expect(cast.ok).toBe(true);
      if (cast.ok) receipts.push(cast.receipt);
    }
    // Each receipt is its encrypted ballot's tracker (decision 044).
    for (const r of receipts) expect(r).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(await getPublication(database.db, pollId)).toBeNull();

    // The ballot table has no column that could identify the voter or the moment of voting.
    const columns = await database.db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'ballots' order by 1`,
    );
    const names = (Array.isArray(columns) ? columns : (columns as unknown as { rows: { column_name: string }[] }).rows).map((c) => c.column_name);
    expect(names).toEqual(["content", "hash", "poll_id", "prev_hash", "receipt"]);

    const closed = await closePoll(database.db, actor, pollId);
    expect(closed.ok).toBe(true);
    if (closed.ok && closed.result?.kind === "ranked") expect(closed.result.report.elected).toEqual(["Ada"]);

    const published = await getPublication(database.db, pollId);
    expect(published?.voted).toBe(8);
    expect(published?.ballotCount).toBe(8);
    // Encrypted and shuffled, a ranking is never published beside its receipt, whatever the poll
    // was set to (decision 044): the receipts and the rankings are two lists.
    expect(published?.publication.pairs).toEqual([]);
    expect(published?.publication.receipts).toEqual([...receipts].sort());
    expect(published?.publication.contents.map((c) => JSON.stringify(c)).sort()).toEqual(rankings.map((ranking) => JSON.stringify({ ranking })).sort());
    const recount = parseBlt(published?.blt ?? "");
    expect(recount.ballots.reduce((n, b) => n + b.weight, 0)).toBe(8);
    expect(recount.candidates).toEqual(["Ada", "Ben", "Cy", "Re-open nominations"]);

    const mine = await checkReceipt(database.db, pollId, receipts[2]!);
    expect(mine).toEqual({ status: "counted", content: null });
    expect(await checkReceipt(database.db, pollId, "a".repeat(32))).toEqual({ status: "not_found" });
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 8, voted: 8 });
  });

  it("publishes receipts and rankings as separate lists when the poll says so", async () => {
    const pollId = await newRankedPoll();
    const r1 = await castBallot(database.db, { pollId, userId: members[0]!, ranking: [2] });
    await castBallot(database.db, { pollId, userId: members[1]!, ranking: [0, 1] });
    await closePoll(database.db, actor, pollId);
    const published = await getPublication(database.db, pollId);
    expect(published?.publication.pairs).toEqual([]);
    expect(published?.publication.receipts).toHaveLength(2);
    expect(published?.publication.contents).toHaveLength(2);
    if (r1.ok) expect(await checkReceipt(database.db, pollId, r1.receipt)).toEqual({ status: "counted", content: null });
  });

  it("refuses a second ballot from the same member, even sent at the same moment", async () => {
    const pollId = await newRankedPoll();
    const results = await Promise.all(Array.from({ length: 6 }, () => castBallot(database.db, { pollId, userId: members[3]!, ranking: [1] })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(Array(5).fill("already_voted"));
    const [{ n } = { n: 0 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ballots)
      .where(eq(ballots.pollId, pollId));
    expect(n).toBe(1);
  });

  it("keeps every concurrent ballot, each on one strand of the chain", async () => {
    const pollId = await newRankedPoll();
    const results = await Promise.all(members.slice(0, 10).map((userId, i) => castBallot(database.db, { pollId, userId, ranking: [i % 3] })));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
    const strands = await database.db.select().from(pollChains).where(eq(pollChains.pollId, pollId));
    expect(strands).toHaveLength(CHAIN_STRANDS);
    expect(checkBallotStrands(rows, strands)).toMatchObject({ ok: true, length: 10 });
    expect(strands.reduce((n, s) => n + s.ballots, 0)).toBe(10);
    expect(await ballotsCast(database.db, pollId)).toBe(10);
  });

  it.skipIf(!onServer)("chains a ballot onto a free strand while another is held, and waits only when every strand is held", async () => {
    const pollId = await newRankedPoll();
    const holdStrands = (which: number[]) =>
      holdLocks(database.db, (tx) =>
        tx
          .select()
          .from(pollChains)
          .where(and(eq(pollChains.pollId, pollId), inArray(pollChains.strand, which)))
          .for("no key update"),
      );

    // Strand 0 held (a ballot being chained): the next ballot takes another strand, at once.
    const releaseFirst = await holdStrands([0]);
    const passing = await castBallot(database.db, { pollId, userId: members[0]!, ranking: [0] });
    expect(passing.ok).toBe(true);
    await releaseFirst();
    const strandsAfterOne = await database.db.select().from(pollChains).where(eq(pollChains.pollId, pollId));
    expect(strandsAfterOne.find((s) => s.strand === 0)?.ballots).toBe(0);
    expect(strandsAfterOne.reduce((n, s) => n + s.ballots, 0)).toBe(1);

    // Every strand held: the ballot waits for one, then is chained onto it.
    const releaseAll = await holdStrands(Array.from({ length: CHAIN_STRANDS }, (_, k) => k));
    const waiting = castBallot(database.db, { pollId, userId: members[1]!, ranking: [1] });
    await expect.poll(() => lockWaiters(database.db), { timeout: 5000 }).toBe(1);
    await releaseAll();
    expect((await waiting).ok).toBe(true);

    const closed = await closePoll(database.db, actor, pollId);
    expect(closed.ok).toBe(true);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 2 });
  });

  it.skipIf(!onServer)("closes a poll whose ballots are on several strands: checks each, records their digest, and re-chains them on one chain", async () => {
    const pollId = await newRankedPoll();
    // Ballots on strands 3, 0 and 3 again, as if cast while the others were busy: only the
    // wanted strand is left free, the others held by another transaction.
    const strandOrder = [3, 0, 3];
    for (const [i, strand] of strandOrder.entries()) {
      const others = Array.from({ length: CHAIN_STRANDS }, (_, k) => k).filter((k) => k !== strand);
      const release = await holdLocks(database.db, (tx) =>
        tx
          .select()
          .from(pollChains)
          .where(and(eq(pollChains.pollId, pollId), inArray(pollChains.strand, others)))
          .for("no key update"),
      );
      try {
        expect((await castBallot(database.db, { pollId, userId: members[i]!, ranking: [i % 3] })).ok).toBe(true);
      } finally {
        await release();
      }
    }
    const strands = await database.db.select().from(pollChains).where(eq(pollChains.pollId, pollId));
    expect(
      strands
        .filter((s) => s.ballots > 0)
        .map((s) => [s.strand, s.ballots])
        .sort(),
    ).toEqual([
      [0, 1],
      [3, 2],
    ]);
    const digest = strandsDigest(strands);

    const closed = await closePoll(database.db, actor, pollId);
    expect(closed.ok).toBe(true);
    const [entry] = (await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "poll.closed"), eq(auditLog.subjectId, pollId)))) as { details: Record<string, unknown> }[];
    expect(entry?.details).toMatchObject({ ballots: 3, votingChainHead: digest });
    // The strands are gone with the chain they sealed; the published chain is one, from the genesis.
    expect(await database.db.select().from(pollChains).where(eq(pollChains.pollId, pollId))).toEqual([]);
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    const rows = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
    expect(checkBallotChain(rows, poll!.chainHead)).toMatchObject({ ok: true, length: 3 });
    expect(poll?.ballotCount).toBe(3);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 3 });
  });

  it("carries a poll opened before strands existed on as strand 0, from where its one chain stood (migration 0009)", async () => {
    // The poll as the old code left it: open, one chain from the genesis, its head and count on
    // the poll's row, no strands.
    const created = await createPoll(database.db, actor, {
      title: "Leader",
      method: "irv",
      options: [{ label: "Ada" }, { label: "Ben" }, { label: "Cy" }, { label: "Re-open nominations", isRon: true }],
      closesAt: inAnHour(),
    });
    if (!created.ok) throw new Error(created.code);
    const { pollId } = created;
    await database.db.insert(pollRoll).values(members.slice(0, 10).map((userId) => ({ pollId, userId })));
    let head = GENESIS_BALLOT_HASH;
    for (const [i, userId] of members.slice(0, 2).entries()) {
      const receipt = `legacy${i}`;
      const content = { ranking: [i] };
      const hash = ballotHash(head, receipt, content);
      await database.db.insert(pollVoters).values({ pollId, userId });
      await database.db.insert(ballots).values({ receipt, pollId, content, prevHash: head, hash });
      head = hash;
    }
    await database.db.update(polls).set({ status: "open", openedAt: new Date(), rollSize: 10, chainHead: head, ballotCount: 2 }).where(eq(polls.id, pollId));

    const migration = readFileSync(path.join(migrationsFolder, "0009_poll_chain_strands.sql"), "utf8").split("--> statement-breakpoint");
    const carryOn = migration.find((statement) => statement.includes('INSERT INTO "poll_chains"'));
    await database.db.execute(sql.raw(carryOn!));

    expect(await database.db.select().from(pollChains).where(eq(pollChains.pollId, pollId))).toEqual([{ pollId, strand: 0, head, ballots: 2 }]);
    expect(await ballotsCast(database.db, pollId)).toBe(2);
    expect((await castBallot(database.db, { pollId, userId: members[2]!, ranking: [2] })).ok).toBe(true);
    const closed = await closePoll(database.db, actor, pollId);
    expect(closed.ok).toBe(true);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 3 });
  });

  it("refuses a ballot chained the old way, onto the poll's row, while the poll is open (a server not yet upgraded)", async () => {
    const pollId = await newRankedPoll();
    // What the old castBallot did last, in its transaction: move the poll's chain head and count.
    await expect(
      database.db
        .update(polls)
        .set({ chainHead: "f".repeat(64), ballotCount: 1 })
        .where(eq(polls.id, pollId)),
    ).rejects.toThrow();
    await expect(database.db.update(polls).set({ ballotCount: 1 }).where(eq(polls.id, pollId))).rejects.toThrow();
    // Other changes to an open poll, and the close itself, are not affected.
    await database.db.update(polls).set({ description: "Amended" }).where(eq(polls.id, pollId));
    expect((await castBallot(database.db, { pollId, userId: members[0]!, ranking: [0] })).ok).toBe(true);
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 1 });
  });

  it("refuses to close a poll when a strand's ballots were tampered with", async () => {
    const pollId = await newRankedPoll();
    for (const userId of members.slice(0, 3)) expect((await castBallot(database.db, { pollId, userId, ranking: [0] })).ok).toBe(true);
    const [victim] = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId)).limit(1);
    await database.db
      .update(ballots)
      .set({ content: { ranking: [1] } })
      .where(eq(ballots.receipt, victim!.receipt));
    expect(await closePoll(database.db, actor, pollId)).toEqual({ ok: false, code: "chain_broken" });
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(poll?.status).toBe("open");
  });

  it("refuses people not on the frozen roll, bad rankings, and ballots after close", async () => {
    const pollId = await newRankedPoll();
    expect(await castBallot(database.db, { pollId, userId: members[11]!, ranking: [0] })).toEqual({ ok: false, code: "not_on_roll" });
    expect(await castBallot(database.db, { pollId, userId: members[0]!, ranking: [] })).toEqual({ ok: false, code: "ranking_empty" });
    expect(await castBallot(database.db, { pollId, userId: members[0]!, ranking: [0, 0] })).toEqual({ ok: false, code: "ranking_duplicate" });
    expect(await castBallot(database.db, { pollId, userId: members[0]!, ranking: [9] })).toEqual({ ok: false, code: "ranking_unknown_option" });
    await closePoll(database.db, actor, pollId);
    expect(await castBallot(database.db, { pollId, userId: members[0]!, ranking: [0] })).toEqual({ ok: false, code: "not_open" });
    // The refused ballot left no mark that the member voted.
    const marks = await database.db.select().from(pollVoters).where(eq(pollVoters.pollId, pollId));
    expect(marks).toHaveLength(0);
  });

  it("counts yes/no with quorum and majority, and says which rule decided", async () => {
    const created = await createPoll(database.db, actor, {
      title: "Adopt clause 4",
      method: "yes-no",
      options: [],
      quorum: { numerator: 1, denominator: 2 },
      majority: "two-thirds",
      closesAt: inAnHour(),
    });
    if (!created.ok) throw new Error(created.code);
    await openPoll(database.db, actor, created.pollId, members.slice(0, 10));
    for (const [i, choice] of ["yes", "yes", "yes", "yes", "no", "no", "abstain"].entries()) {
      expect((await castBallot(database.db, { pollId: created.pollId, userId: members[i]!, choice })).ok).toBe(true);
    }
    const closed = await closePoll(database.db, actor, created.pollId);
    expect(closed.ok && closed.result?.kind === "yes-no" && closed.result.result).toMatchObject({
      passed: true,
      code: "majority-met",
      majority: "two-thirds",
      turnout: 7,
    });
    expect(await verifyPoll(database.db, created.pollId)).toMatchObject({ ok: true });
  });

  it("leaves nothing in the database that pairs a voter with a ballot once closed", async () => {
    const pollId = await newRankedPoll();
    for (let i = 0; i < 5; i += 1) await castBallot(database.db, { pollId, userId: members[i]!, ranking: [i % 3] });
    const txOf = async (table: "ballots" | "poll_voters") => {
      const r = await database.db.execute<{ x: string }>(sql.raw(`select xmin::text as x from ${table} where poll_id = '${pollId}'`));
      return (Array.isArray(r) ? r : (r as unknown as { rows: { x: string }[] }).rows).map((row) => row.x);
    };
    // While voting, each ballot shares its writing transaction with its voter's mark…
    expect(new Set(await txOf("ballots")).size).toBe(5);
    await closePoll(database.db, actor, pollId);
    // …after close, all were rewritten together.
    const ballotTx = new Set(await txOf("ballots"));
    const voterTx = new Set(await txOf("poll_voters"));
    expect(ballotTx.size).toBe(1);
    expect([...voterTx]).toEqual([...ballotTx]);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 5, voted: 5 });
  });

  it("closes and counts a poll on its own once the closing time has passed", async () => {
    const pollId = await newRankedPoll();
    await castBallot(database.db, { pollId, userId: members[0]!, ranking: [1] });
    expect(await closeDuePolls(database.db)).toBe(0);
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    expect(await castBallot(database.db, { pollId, userId: members[1]!, ranking: [0] })).toEqual({ ok: false, code: "not_open" });
    expect(await closeDuePolls(database.db)).toBe(1);
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(poll?.status).toBe("closed");
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 1 });
    expect(await closeDuePolls(database.db)).toBe(0);
  });

  it("detects a ballot changed or removed after close", async () => {
    const pollId = await newRankedPoll();
    for (let i = 0; i < 4; i += 1) await castBallot(database.db, { pollId, userId: members[i]!, ranking: [i % 3] });
    await closePoll(database.db, actor, pollId);
    const [victim] = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId)).limit(1);
    // A ranking nobody cast in this poll (RON first), so the tampering really changes the ballot.
    expect(victim!.content).not.toEqual({ ranking: [3] });
    await database.db
      .update(ballots)
      .set({ content: { ranking: [3] } })
      .where(eq(ballots.receipt, victim!.receipt));
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: false, problem: "chain_broken", detail: "hash_mismatch" });
    await database.db.delete(ballots).where(eq(ballots.receipt, victim!.receipt));
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: false, problem: "chain_broken" });
  });
});
