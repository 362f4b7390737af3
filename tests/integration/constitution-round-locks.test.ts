import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../app/modules/audit/audit.server";
import { addComment, currentDraft, proposeAmendment, setSupportersNeeded, startDraft } from "../../app/modules/constitution/drafting.server";
import { castClauseBallot, closeRound, openRound, openRoundOf, roundItems, type VoteItem } from "../../app/modules/constitution/round.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { amendments, auditLog, polls, users, votingRounds } from "../../db/schema";
import { foundingMembersReady } from "../support/constitution-fixture";
import { holdLocks, lockWaiters } from "../support/locks";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ballotCloses } from "../support/periods";

/**
 * Opening and closing a voting round are long transactions (hundreds of polls on a roll of
 * thousands). Every audited write in the app waits for the audit log's lock, so these commands
 * must take it only at their very end. To show it without relying on timings, each command is
 * held up half-way by a row lock another transaction keeps, while a member posts a comment (an
 * audited write): the comment must be stored while the command is still waiting.
 */

let database: TestDatabase;
let ids: string[] = [];
const organiser = { id: null, label: "organiser@example.org" };
const member = (i: number) => ({ id: ids[i]!, email: `founder${i + 1}@example.org`, isOrganiser: false });
const inAnHour = ballotCloses;
// The embedded database has one connection: nothing there runs at the same time as anything else.
const onServer = Boolean(process.env.TEST_DATABASE_URL);
/** Generous: on a busy machine a comment can take seconds; a held lock would keep it forever. */
const PATIENCE_MS = 30_000;
let amendmentId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids } = await foundingMembersReady(database.db, 6));
  expect((await startDraft(database.db, organiser, { kind: "model" })).ok).toBe(true);
  expect((await setSupportersNeeded(database.db, organiser, 0)).ok).toBe(true);
  const proposed = await proposeAmendment(database.db, member(0), { operation: { kind: "delete", clauseId: "members-data" }, reason: "Covered elsewhere." });
  if (!proposed.ok) throw new Error(proposed.code);
  amendmentId = proposed.amendmentId;
});
afterAll(() => database.drop());

/** Waits until `count` sessions of this database are waiting for a lock. */
async function waitForBlocked(count: number) {
  const until = Date.now() + PATIENCE_MS;
  for (;;) {
    if ((await lockWaiters(database.db)) >= count) return;
    if (Date.now() > until) throw new Error(`expected ${count} sessions waiting for a lock`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A comment, or "still waiting" if it is not stored within PATIENCE_MS. */
async function commentWithin(body: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"still waiting">((resolve) => (timer = setTimeout(() => resolve("still waiting"), PATIENCE_MS)));
  const posted = addComment(database.db, member(1), { clauseId: "joining", amendmentId: null, parentId: null, body });
  const outcome = await Promise.race([posted, timeout]);
  clearTimeout(timer);
  return { outcome, posted };
}

async function auditEntries(action: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));
}

async function currentRound() {
  const draft = await currentDraft(database.db);
  return draft ? openRoundOf(database.db, draft.id) : null;
}

describe("opening and closing a voting round beside other writes", () => {
  it.skipIf(!onServer)("stores a comment posted while a round is being opened before the open finishes, and refuses a second open made meanwhile", async () => {
    // The roll's foreign-key checks wait for this member's row: the open stops half-way.
    const release = await holdLocks(database.db, (tx) => tx.select().from(users).where(eq(users.id, ids[5]!)).for("update"));
    let first: Promise<Awaited<ReturnType<typeof openRound>>> | null = null;
    let second: Promise<Awaited<ReturnType<typeof openRound>>> | null = null;
    let openFinished = false;
    const finished = () => (openFinished = true);
    let comment: Awaited<ReturnType<typeof commentWithin>> | null = null;
    try {
      first = openRound(database.db, organiser, { closesAt: inAnHour() });
      first.then(finished, finished);
      await waitForBlocked(1);
      // A second organiser opens at the same moment: it waits for the draft's row lock.
      second = openRound(database.db, organiser, { closesAt: inAnHour() });
      second.then(finished, finished);
      await waitForBlocked(2);
      comment = await commentWithin("Posted while the round was opening.");
      expect(comment.outcome).toMatchObject({ ok: true });
      expect(openFinished).toBe(false);
    } finally {
      await release();
    }
    const results = await Promise.all([first, second, comment?.posted]);
    expect(
      results
        .slice(0, 2)
        .map((r) => (r && "code" in r ? r.code : r?.ok))
        .sort(),
    ).toEqual([true, "wrong_phase"]);
    expect(await database.db.select().from(votingRounds)).toHaveLength(1);
    // The log's order is the order of commits: the comment first, then the round.
    const [commented] = await auditEntries("constitution.comment_added");
    const [opened] = await auditEntries("constitution.round_opened");
    expect(commented!.id).toBeLessThan(opened!.id);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
  });

  it("records the opening in one audit entry naming each question's poll and its lot seed", async () => {
    // On the embedded database the test above is skipped: open the round here.
    if (!(await currentRound())) expect((await openRound(database.db, organiser, { closesAt: inAnHour() })).ok).toBe(true);
    const round = (await currentRound())!;
    const items = await roundItems(database.db, round.id);
    expect(items.length).toBe(41); // 40 clauses and the amendment
    const [entry, ...more] = await auditEntries("constitution.round_opened");
    expect(more).toHaveLength(0);
    const listed = entry!.details.polls as { id: string; title: string; method: string; lotSeed: string }[];
    const rows = await database.db
      .select()
      .from(polls)
      .where(
        inArray(
          polls.id,
          items.map((i) => i.pollId),
        ),
      );
    expect(new Set(listed.map((p) => p.id))).toEqual(new Set(items.map((i) => i.pollId)));
    for (const row of rows) {
      expect(listed.find((p) => p.id === row.id)).toEqual({ id: row.id, title: row.title, method: row.method, lotSeed: row.lotSeed });
      expect(row).toMatchObject({ status: "open", rollSize: 6 });
    }
    expect(entry!.details).toMatchObject({ round: 1, questions: 41, rollSize: 6 });
    // No entry per poll besides: the round's entry is the record.
    const perPoll = [...(await auditEntries("poll.created")), ...(await auditEntries("poll.opened"))];
    expect(perPoll.filter((e) => listed.some((p) => p.id === e.subjectId))).toEqual([]);
  });

  let items: VoteItem[] = [];

  it("takes ballots on the round's questions", async () => {
    const round = (await currentRound())!;
    items = await roundItems(database.db, round.id);
    const clause = (id: string) => items.filter((i) => i.clauseId === id);
    for (let i = 0; i < 5; i += 1) {
      const cast = await castClauseBallot(
        database.db,
        ids[i]!,
        "members-data",
        clause("members-data").map((item) => ({ pollId: item.pollId, choice: i < 4 ? "yes" : "no" })),
      );
      expect(cast.ok).toBe(true);
      expect(
        (
          await castClauseBallot(
            database.db,
            ids[i]!,
            "aims",
            clause("aims").map((item) => ({ pollId: item.pollId, choice: "yes" })),
          )
        ).ok,
      ).toBe(true);
    }
  });

  it.skipIf(!onServer)("stores a comment posted while the round is being closed before the close finishes", async () => {
    // Deciding the amendment waits for this row: the close stops after counting, before its end.
    const release = await holdLocks(database.db, (tx) => tx.select().from(amendments).where(eq(amendments.id, amendmentId)).for("share"));
    let closing: ReturnType<typeof closeRound> | null = null;
    let closeFinished = false;
    const finished = () => (closeFinished = true);
    let comment: Awaited<ReturnType<typeof commentWithin>> | null = null;
    try {
      closing = closeRound(database.db, organiser);
      closing.then(finished, finished);
      await waitForBlocked(1);
      comment = await commentWithin("Posted while the round was closing.");
      expect(comment.outcome).toMatchObject({ ok: true });
      expect(closeFinished).toBe(false);
    } finally {
      await release();
    }
    expect(await closing).toEqual({ ok: true, roundNumber: 1 });
    const comments = await auditEntries("constitution.comment_added");
    const [closed] = await auditEntries("constitution.round_closed");
    expect(comments.at(-1)!.id).toBeLessThan(closed!.id);
  });

  it("records each question's close with its chain heads, and every question passes verification", async () => {
    if (await currentRound()) expect(await closeRound(database.db, organiser)).toEqual({ ok: true, roundNumber: 1 });
    const pollIds = items.map((i) => i.pollId);
    const closedEntries = (await auditEntries("poll.closed")).filter((e) => pollIds.includes(e.subjectId));
    expect(closedEntries).toHaveLength(items.length);
    const [roundEntry] = await auditEntries("constitution.round_closed");
    // The polls' entries come just before the round's, in one piece.
    expect(closedEntries.map((e) => e.id)).toEqual(Array.from({ length: items.length }, (_, k) => roundEntry!.id - items.length + k));
    const rows = await database.db.select().from(polls).where(inArray(polls.id, pollIds));
    for (const row of rows) {
      const entry = closedEntries.find((e) => e.subjectId === row.id)!;
      expect(entry.details).toMatchObject({ ballots: row.ballotCount, chainHead: row.chainHead });
      expect(await verifyPoll(database.db, row.id)).toMatchObject({ ok: true, ballots: row.ballotCount });
    }
    const membersData = items.filter((i) => i.clauseId === "members-data");
    expect(rows.filter((r) => membersData.some((i) => i.pollId === r.id)).map((r) => r.ballotCount)).toEqual([5, 5]);
    const [amendment] = await database.db
      .select()
      .from(amendments)
      .where(and(eq(amendments.id, amendmentId)));
    expect(amendment?.status).toBe("carried");
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
  });

  it("leaves nothing that pairs a voter with a ballot: all of the round's ballots and voters rewritten together", async () => {
    const pollIds = items.map((i) => `'${i.pollId}'`).join(",");
    const txOf = async (table: "ballots" | "poll_voters") => {
      const r = await database.db.execute<{ x: string }>(sql.raw(`select distinct xmin::text as x from ${table} where poll_id in (${pollIds})`));
      return (Array.isArray(r) ? r : (r as unknown as { rows: { x: string }[] }).rows).map((row) => row.x);
    };
    const ballotTx = await txOf("ballots");
    expect(ballotTx).toHaveLength(1);
    expect(await txOf("poll_voters")).toEqual(ballotTx);
  });
});
