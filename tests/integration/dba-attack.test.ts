import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { BallotBox, type SentBallot } from "../../app/modules/polls/ballot-box.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll, openPollBatch } from "../../app/modules/polls/creation.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { grantRole } from "../../app/modules/users/users.server";
import { rowsOf } from "../../app/utils/db.server";
import { pollElections } from "../../db/schema";
import { pairByPlace, pairByTransaction, plaintextsIn, type Knowledge, type SeenRow } from "../support/dba/pairing";
import { inspectAsDba, scorePairs, type Inspection, type Plaintext } from "../support/dba-inspector";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The database administrator's attack on secret ballots (issue 17): known members vote in a
 * ranked poll and a Yes/No poll, some one by one and some at the same instant in one batch of
 * the ballot box; an attacker with superuser SQL only (tests/support/dba-inspector.ts) then
 * tries to pair voters with choices by transaction id, by row order, from the raw pages (rows
 * deleted but not yet reclaimed) and from the WAL, while the polls are open and after they close
 * (when both tables have been rewritten).
 *
 * The attacker keeps the WAL as a standby server or an archive would (a replication slot held
 * for the test's length), so that a checkpoint by another test cannot recycle it mid-test.
 * PostgreSQL server only: embedded PGlite has no WAL to read this way.
 */

const onServer = Boolean(process.env.TEST_DATABASE_URL);
const actor = systemActor("returning officer");

let database: TestDatabase;
let keeper: postgres.Sql;
let slot = "";
let walFrom = "";
const members: string[] = [];

interface PollUnderAttack {
  pollId: string;
  /** What each voter really cast, as the ballot stores it. */
  truth: Map<string, Plaintext>;
  /** Who cast alone, in a transaction of their own. */
  alone: string[];
  /** Who cast together in one batch of the box. */
  batch: string[];
  open?: Inspection;
  closed?: Inspection;
}
/** A ranked poll opened as before decision 044: its ballots in plain text, as such polls keep them. */
const ranked: PollUnderAttack = { pollId: "", truth: new Map(), alone: [], batch: [] };
const yesNo: PollUnderAttack = { pollId: "", truth: new Map(), alone: [], batch: [] };
/** A ranked poll opened now: a Belenios election, its rankings encrypted. */
const sealedRanked: PollUnderAttack = { pollId: "", truth: new Map(), alone: [], batch: [] };
/** A question opened in a batch, as a constitution round opens its clauses' questions. */
const roundQuestion: PollUnderAttack = { pollId: "", truth: new Map(), alone: [], batch: [] };

async function newRoundQuestion() {
  const opened = await database.db.transaction((tx) =>
    openPollBatch(tx, actor, [{ title: "Clause 3: Membership", method: "yes-no", options: [], closesAt: new Date(Date.now() + 3_600_000) }], members),
  );
  if (!opened.ok) throw new Error(opened.code);
  return opened.polls[0]!.pollId;
}

async function newPoll(method: "irv" | "yes-no", options: { openedBeforeEncryption?: boolean } = {}) {
  const created = await createPoll(database.db, actor, {
    title: method === "irv" ? "Convener" : "Adopt the statement",
    method,
    options: method === "irv" ? [{ label: "Ada" }, { label: "Ben" }, { label: "Cy" }, { label: "Re-open nominations", isRon: true }] : [],
    closesAt: new Date(Date.now() + 3_600_000),
  });
  if (!created.ok) throw new Error(created.code);
  expect(await openPoll(database.db, actor, created.pollId, members)).toMatchObject({ ok: true });
  // Without its election, the poll takes plain ballots, as one opened before migration 0019 does.
  if (options.openedBeforeEncryption) await database.db.delete(pollElections).where(eq(pollElections.pollId, created.pollId));
  return created.pollId;
}

const sent = (pollId: string, userId: string, ballot: Plaintext): SentBallot => ({ pollId, userId, read: () => ({ ok: true, ...ballot }) });

/**
 * Casts through the app's own functions: `alone` one by one (castBallot), then `together` through
 * a box that writes one transaction at a time, so the first goes alone and the rest in one batch.
 */
async function cast(poll: PollUnderAttack, alone: [string, Plaintext][], together: [string, Plaintext][]) {
  for (const [userId, ballot] of alone) {
    expect((await castBallot(database.db, { pollId: poll.pollId, userId, ...ballot })).ok).toBe(true);
    poll.alone.push(userId);
    poll.truth.set(userId, ballot);
  }
  const box = new BallotBox(database.db, { transactions: 1, ballotsPerTransaction: 100 });
  const results = await Promise.all(together.map(([userId, ballot]) => box.cast(sent(poll.pollId, userId, ballot))));
  expect(results.every((r) => r.ok)).toBe(true);
  together.forEach(([userId, ballot], i) => {
    (i === 0 ? poll.alone : poll.batch).push(userId);
    poll.truth.set(userId, ballot);
  });
}

/** Ballots per writing transaction, smallest first (the test's check of its own set-up, not the attack). */
async function transactionSizes(pollId: string): Promise<number[]> {
  const rows = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from ballots where poll_id = ${pollId} group by xmin::text`));
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
}

describe.skipIf(!onServer)("the database administrator's attack on secret ballots (issue 17)", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    keeper = postgres(database.url!, { max: 1, onnotice: () => {} });
    slot = `dba_attack_${randomBytes(6).toString("hex")}`;
    // A temporary slot: the server drops it if this connection ends, however the test ends.
    const [held] = await keeper<{ lsn: string }[]>`select lsn::text as lsn from pg_create_physical_replication_slot(${slot}, true, true)`;
    walFrom = held!.lsn;
    for (let i = 0; i < 14; i += 1) {
      const r = await grantRole(database.db, { email: `dba-attack-${i}@example.org`, role: "member", actor });
      if (r.ok) members.push(r.userId);
    }
    // The batch is sent in the reverse of member order: the box writes its marks in member order.
    const byId = [...members].sort();
    ranked.pollId = await newPoll("irv", { openedBeforeEncryption: true });
    await cast(ranked, [[byId[0]!, { ranking: [0, 1] }]], []);
    // A checkpoint, as the server makes every few minutes: the next change to each page that
    // exists now is logged as an image of the whole page (rows written earlier included) instead
    // of the new row alone, and the attacker must read rows from those images too.
    await database.db.execute(sql`checkpoint`);
    await cast(
      ranked,
      [
        [byId[1]!, { ranking: [1] }],
        [byId[2]!, { ranking: [2, 0, 1] }],
        [byId[3]!, { ranking: [1, 2] }],
        [byId[4]!, { ranking: [3] }],
      ],
      [
        [byId[5]!, { ranking: [0] }],
        [byId[11]!, { ranking: [2, 1] }],
        [byId[10]!, { ranking: [1, 0, 2] }],
        [byId[9]!, { ranking: [0, 2] }],
        [byId[8]!, { ranking: [3, 0] }],
        [byId[7]!, { ranking: [2] }],
      ],
    );
    expect(await transactionSizes(ranked.pollId)).toEqual([1, 1, 1, 1, 1, 1, 5]);
    yesNo.pollId = await newPoll("yes-no");
    // Three members who all choose alike in one batch: alike, they are no longer hidden among each other.
    await cast(
      yesNo,
      [
        [byId[0]!, { choice: "no" }],
        [byId[1]!, { choice: "abstain" }],
        [byId[2]!, { choice: "yes" }],
      ],
      [
        [byId[3]!, { choice: "no" }],
        [byId[12]!, { choice: "yes" }],
        [byId[6]!, { choice: "yes" }],
        [byId[9]!, { choice: "yes" }],
      ],
    );
    expect(await transactionSizes(yesNo.pollId)).toEqual([1, 1, 1, 1, 3]);
    sealedRanked.pollId = await newPoll("irv");
    // The same ballots as the plain ranked poll's: alone, then a batch.
    await cast(
      sealedRanked,
      [
        [byId[0]!, { ranking: [0, 1] }],
        [byId[1]!, { ranking: [1] }],
        [byId[2]!, { ranking: [2, 0, 1] }],
      ],
      [
        [byId[5]!, { ranking: [0] }],
        [byId[11]!, { ranking: [2, 1] }],
        [byId[10]!, { ranking: [1, 0, 2] }],
      ],
    );

    roundQuestion.pollId = await newRoundQuestion();
    await cast(
      roundQuestion,
      [
        [byId[4]!, { choice: "yes" }],
        [byId[5]!, { choice: "no" }],
      ],
      [
        [byId[6]!, { choice: "abstain" }],
        [byId[7]!, { choice: "no" }],
        [byId[8]!, { choice: "no" }],
      ],
    );

    const polls = [ranked, yesNo, sealedRanked, roundQuestion];
    for (const poll of polls) poll.open = await inspectAsDba(database.url!, poll.pollId, { walFrom });
    // Another before the close: its deletes log images of pages full of rows written while voting.
    await database.db.execute(sql`checkpoint`);
    for (const poll of polls) {
      expect((await closePoll(database.db, actor, poll.pollId)).ok).toBe(true);
      expect(await verifyPoll(database.db, poll.pollId)).toMatchObject({ ok: true, ballots: poll.truth.size });
    }
    for (const poll of polls) poll.closed = await inspectAsDba(database.url!, poll.pollId, { walFrom });
  }, 180_000);

  afterAll(async () => {
    if (keeper) {
      await keeper`select pg_drop_replication_slot(${slot})`.catch(() => {});
      await keeper.end();
    }
    await database?.drop();
  });

  // Ballots are Belenios ballots (decision 044): only ciphertexts, whatever the method, even for
  // a batch that all chose alike; a ranking is decrypted only after the server's shuffle.
  it("recovers no voter-choice pair from an encrypted poll, Yes/No or ranked, alone or in a round, by any method, while it is open or after it closes", () => {
    for (const poll of [yesNo, sealedRanked, roundQuestion]) {
      expect(poll.open!.pairs).toEqual([]);
      expect(poll.closed!.pairs).toEqual([]);
    }
  });

  // Whatever a ballot holds: the attacker did read the WAL, so an empty list above means nothing was there to find.
  it("rebuilds the polls' rows from the WAL, from full-page images too, before and after the close", () => {
    for (const poll of [ranked, yesNo, sealedRanked, roundQuestion]) {
      expect(poll.open!.walRows).toBeGreaterThanOrEqual(poll.open!.liveRows);
      // The rows written while voting, and the ones the close wrote again.
      expect(poll.closed!.walRows).toBeGreaterThan(poll.open!.walRows);
      expect(poll.closed!.skipped).toBe(0);
    }
    // The ranked poll's first ballot after the checkpoint is in the WAL only inside its page's image.
    expect(ranked.open!.walImages).toBeGreaterThan(0);
  });

  // The attacker is proved able to find pairs where they are to be found: a poll opened before
  // ballots were encrypted keeps its plain-text ballots (issue 17, item 7), and so its weakness.
  describe("on a poll opened before encryption, with plain-text ballots, the attacker", () => {
    it("pairs every ballot written alone with its voter by transaction id while the poll is open, and none wrongly", () => {
      // From the rows as SQL shows them, and from the raw pages alike.
      for (const method of ["xmin", "disk"] as const) {
        const r = scorePairs(ranked.open!.pairs, ranked.truth, method);
        expect(r.right).toBe(r.claimed);
        expect([...r.voters].sort()).toEqual([...ranked.alone].sort());
      }
    });

    it("pairs the ballots written alone by row order while the poll is open", () => {
      const r = scorePairs(ranked.open!.pairs, ranked.truth, "ctid");
      expect(r.claimed).toBe(ranked.truth.size);
      for (const voter of ranked.alone) expect(r.voters).toContain(voter);
    });

    it("reads every ballot written alone, with its voter, from the WAL while the poll is open", () => {
      const r = scorePairs(ranked.open!.pairs, ranked.truth, "wal");
      expect(r.right).toBe(r.claimed);
      expect([...r.voters].sort()).toEqual([...ranked.alone].sort());
    });

    // What the raw pages still show after the close depends on whether a read has pruned the
    // deleted rows yet (the ranked poll's full page usually has, the Yes/No poll's not): not asserted.
    it("no longer pairs by transaction id or row order after the close rewrote both tables", () => {
      expect(scorePairs(ranked.closed!.pairs, ranked.truth, "xmin").claimed).toBe(0);
      expect(scorePairs(ranked.closed!.pairs, ranked.truth, "ctid").claimed).toBe(0);
    });

    it("still reads them from the WAL after the close", () => {
      const r = scorePairs(ranked.closed!.pairs, ranked.truth, "wal");
      expect(r.right).toBe(r.claimed);
      expect([...r.voters].sort()).toEqual([...ranked.alone].sort());
    });
  });
});

describe("the attacker's reading of rows", () => {
  const [ann, bob, cat] = ["0b9f7f4e-1c1a-4d2a-9a51-6f1f0f0a0001", "0b9f7f4e-1c1a-4d2a-9a51-6f1f0f0a0002", "0b9f7f4e-1c1a-4d2a-9a51-6f1f0f0a0003"];
  const knowledge: Knowledge = { memberIds: new Set([ann, bob, cat]), choiceWords: new Set(["yes", "no", "abstain", "ada", "ben"]), optionCount: 3 };
  const pollId = "5f0c2d8e-0000-4000-8000-000000000000";
  const mark = (xid: string, userId: string, line: number): SeenRow => ({
    table: "poll_voters",
    xid,
    place: [0, line],
    values: { poll_id: pollId, user_id: userId },
  });
  const ballot = (xid: string, content: unknown, line: number): SeenRow => ({
    table: "ballots",
    xid,
    place: [0, line],
    values: { receipt: "r".repeat(32), poll_id: pollId, content },
  });

  it("finds today's plaintext ballots, and nothing in an encrypted one (only ciphertexts, proofs and hashes)", () => {
    expect(plaintextsIn({ content: { ranking: [2, 0] } }, knowledge)).toEqual([{ ranking: [2, 0] }]);
    expect(plaintextsIn({ content: { choice: "Yes" } }, knowledge)).toEqual([{ choice: "yes" }]);
    const encrypted = {
      election_uuid: "b1VgPQ6cCqXcG2",
      answers: [{ choices: [{ alpha: "2908725109581935", beta: "1830926717290167" }], individual_proofs: [[{ challenge: "8123", response: "1298" }]] }],
      signature: { hash: "Kx2m9", proof: { challenge: "77", response: "12" } },
    };
    expect(plaintextsIn({ content: encrypted, tracker: "Kx2m9" }, knowledge)).toEqual([]);
  });

  it("pairs by transaction only where a transaction's ballots tell each voter's", () => {
    const rows = [
      mark("10", ann, 1),
      ballot("10", { ranking: [1] }, 1),
      mark("11", bob, 2),
      mark("11", cat, 3),
      ballot("11", { ranking: [0] }, 2),
      ballot("11", { ranking: [2] }, 3),
    ];
    expect(pairByTransaction(rows, knowledge, "xmin").map((p) => [p.voter, p.plaintext])).toEqual([[ann, { ranking: [1] }]]);
    const alike = [mark("12", bob, 1), mark("12", cat, 2), ballot("12", { choice: "no" }, 1), ballot("12", { choice: "no" }, 2)];
    expect(
      pairByTransaction(alike, knowledge, "wal")
        .map((p) => p.voter)
        .sort(),
    ).toEqual([bob, cat]);
  });

  it("pairs by row order only rows written over several transactions", () => {
    const overTime = [mark("10", ann, 1), mark("11", bob, 2), ballot("10", { ranking: [1] }, 1), ballot("11", { ranking: [0] }, 2)];
    expect(pairByPlace(overTime, knowledge).map((p) => [p.voter, p.plaintext])).toEqual([
      [ann, { ranking: [1] }],
      [bob, { ranking: [0] }],
    ]);
    const rewritten = overTime.map((row) => ({ ...row, xid: "20" }));
    expect(pairByPlace(rewritten, knowledge)).toEqual([]);
  });
});
