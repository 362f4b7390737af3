import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { SESSION_COOKIE } from "../../app/modules/auth/session.server";
import { generateToken, hashToken } from "../../app/modules/auth/tokens";
import { seededRandom } from "../../app/modules/ballots/index";
import { ballotProblemMessages } from "../../app/modules/polls/messages";
import { ballotsCast } from "../../app/modules/polls/turnout.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { getPublication } from "../../app/modules/polls/publication.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { ballots, polls, pollVoters, sessions, users } from "../../db/schema";
import { createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * 1,000 members vote in one IRV election at the same moment, each with their own session, through
 * the whole app (origin check, session lookup, then the page's action and render for half of them,
 * as a browser without JavaScript sends it, and the ballot endpoint for the other half, as the page
 * sends it with JavaScript); then 200 of them try again at the same moment. Nothing may be lost,
 * counted twice, or mixed up between voters.
 */

const MEMBERS = 1000;
const SECOND_TRIES = 200;
const CANDIDATES = ["Ada", "Ben", "Cy", "Dee"];
const RON = "Re-open nominations";
const LABELS = [...CANDIDATES, RON];
// The embedded database runs every request through one connection in this process: slower.
// Both generous: CI machines are shared and slow, and a timed-out test leaves work running.
const onServer = Boolean(process.env.TEST_DATABASE_URL);
const LONG = onServer ? 300_000 : 600_000;

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let pollId = "";
const voters: { userId: string; cookie: string; ranking: number[] }[] = [];
const receiptOf = new Map<string, string>();

/** A ranking of 1 to 5 of the options (positions 0–4, RON is 4), drawn from a seeded generator. */
function drawRanking(random: () => number): number[] {
  const positions = LABELS.map((_, p) => p);
  for (let i = positions.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [positions[i], positions[j]] = [positions[j]!, positions[i]!];
  }
  return positions.slice(0, 1 + Math.floor(random() * positions.length));
}

/** The ballot as the page's form sends it: "rank-<position>" = the preference number, blanks left out. */
function ballotForm(ranking: readonly number[]): Record<string, string> {
  const form: Record<string, string> = { intent: "cast" };
  LABELS.forEach((_, position) => {
    const rank = ranking.indexOf(position);
    form[`rank-${position}`] = rank < 0 ? "" : String(rank + 1);
  });
  return form;
}

/**
 * Runs a wave of requests with console.error captured. On embedded PGlite every query runs on this
 * one thread, so with a thousand requests at once a page can take longer than entry.server's 5 s
 * to finish streaming, and React logs that it aborted the rest of the stream (the hydration data:
 * the receipt is already sent). That, and only that, is tolerated; any other error fails.
 */
async function quietly<T>(wave: () => Promise<T>): Promise<T> {
  const logged: unknown[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args[0]));
  try {
    return await wave();
  } finally {
    spy.mockRestore();
    const other = logged.filter((e) => !(onServer === false && e instanceof Error && /render was aborted/.test(e.message)));
    expect(other.map(String)).toEqual([]);
  }
}

/** Who sends through the ballot endpoint (every other voter) rather than the page's action. */
const viaEndpoint = (i: number) => i % 2 === 1;

/**
 * Sends a ballot and reads the whole answer at once, as a browser would: the page, or the
 * endpoint's JSON. Says whether the answer shows it was cast, and with which receipt.
 */
async function cast(i: number, ranking: readonly number[]): Promise<{ status: number; answer: string; receipt: string | undefined }> {
  const { cookie } = voters[i]!;
  const response = await app.request(viaEndpoint(i) ? `/polls/${pollId}/ballot` : `/polls/${pollId}`, { form: ballotForm(ranking), cookie });
  const answer = await response.text();
  if (viaEndpoint(i)) {
    const body = JSON.parse(answer) as { ok: boolean; receipt?: string };
    return { status: response.status, answer, receipt: body.ok ? body.receipt : undefined };
  }
  const shown = answer.includes("Your vote has been cast");
  return { status: response.status, answer, receipt: shown ? /<p class="receipt">([A-Za-z0-9+/]{43})<\/p>/.exec(answer)?.[1] : undefined };
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const random = seededRandom("concurrent ballots");
  // In bulk: a thousand people and a signed-in session each, as createSession stores them.
  const created = await database.db
    .insert(users)
    .values(Array.from({ length: MEMBERS }, (_, i) => ({ email: `voter${i}@example.org`, displayName: `Voter ${i}`, role: "member" as const })))
    .returning({ id: users.id });
  const tokens = created.map(() => generateToken());
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  await database.db.insert(sessions).values(created.map((u, i) => ({ id: hashToken(tokens[i]!), userId: u.id, expiresAt })));
  created.forEach((u, i) => voters.push({ userId: u.id, cookie: `${SESSION_COOKIE}=${tokens[i]}`, ranking: drawRanking(random) }));

  const poll = await createPoll(database.db, systemActor("returning officer"), {
    title: "Leader",
    method: "irv",
    options: [...CANDIDATES.map((label) => ({ label })), { label: RON, isRon: true }],
    // Asked for, but an encrypted poll publishes receipts and rankings apart (decision 044).
    publication: "receipts-with-rankings",
    closesAt: new Date(Date.now() + 3_600_000),
  });
  if (!poll.ok) throw new Error(poll.code);
  pollId = poll.pollId;
  expect(
    await openPoll(
      database.db,
      systemActor("returning officer"),
      pollId,
      voters.map((v) => v.userId),
    ),
  ).toEqual({ ok: true, rollSize: MEMBERS });
}, LONG);
afterAll(() => database?.drop());

describe("1,000 ballots cast at the same moment over HTTP", () => {
  it(
    "gives every voter a receipt and keeps every ballot",
    async () => {
      const answers = await quietly(() => Promise.all(voters.map((v, i) => cast(i, v.ranking))));
      const refused = answers.map((a, i) => ({ status: a.status, i })).filter((a) => a.status !== 200);
      expect(refused).toEqual([]);
      answers.forEach(({ receipt }, i) => {
        expect(receipt, `voter ${i} was shown no receipt`).toMatch(/^[A-Za-z0-9+/]{43}$/);
        receiptOf.set(voters[i]!.userId, receipt!);
      });
      expect(new Set(receiptOf.values()).size).toBe(MEMBERS);

      expect(await ballotsCast(database.db, pollId)).toBe(MEMBERS);
      const [{ n } = { n: -1 }] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(ballots)
        .where(eq(ballots.pollId, pollId));
      expect(n).toBe(MEMBERS);
    },
    LONG,
  );

  it(
    "refuses 200 second tries sent at the same moment, and stores none of them",
    async () => {
      const again = voters.slice(0, SECOND_TRIES);
      // A different ballot each time, so a second one kept or swapped in would show in the count.
      const answers = await quietly(() => Promise.all(again.map((v, i) => cast(i, [...v.ranking].reverse()))));
      expect(answers.map((a) => a.status)).toEqual(Array(SECOND_TRIES).fill(409));
      for (const [i, { answer, receipt }] of answers.entries()) {
        expect(receipt).toBeUndefined();
        if (viaEndpoint(i)) expect(JSON.parse(answer)).toEqual({ ok: false, code: "already_voted", message: ballotProblemMessages.already_voted });
        else expect(answer).toContain(ballotProblemMessages.already_voted);
      }
      expect(await ballotsCast(database.db, pollId)).toBe(MEMBERS);
      const [{ n } = { n: -1 }] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from ${ballots} where poll_id = ${pollId}`));
      expect(n).toBe(MEMBERS);
    },
    LONG,
  );

  it(
    "counts exactly what was sent once the poll closes",
    async () => {
      const closed = await closePoll(database.db, systemActor("returning officer"), pollId);
      expect(closed.ok).toBe(true);
      const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
      expect(poll?.status).toBe("closed");
      expect(poll?.ballotCount).toBe(MEMBERS);

      // Who voted: exactly the roll, each once.
      const marks = await database.db.select({ userId: pollVoters.userId }).from(pollVoters).where(eq(pollVoters.pollId, pollId));
      expect(marks).toHaveLength(MEMBERS);
      expect(new Set(marks.map((m) => m.userId))).toEqual(new Set(voters.map((v) => v.userId)));
      const twice = await database.db.execute(sql`select user_id from ${pollVoters} where poll_id = ${pollId} group by user_id having count(*) > 1`);
      expect(rowsOf(twice)).toEqual([]);

      // Every receipt shown is published, and the decrypted rankings are exactly those sent: the
      // ballots are encrypted and shuffled before decryption (decision 044), so no ranking is
      // published beside its receipt, and the record's proofs tie each receipt to the count.
      const published = await getPublication(database.db, pollId);
      expect(published?.voted).toBe(MEMBERS);
      expect(published?.ballotCount).toBe(MEMBERS);
      expect(published?.publication.receipts).toEqual([...receiptOf.values()].sort());
      const key = (ranking: readonly number[]) => JSON.stringify(ranking);
      expect((published?.publication.contents ?? []).map((c) => ("ranking" in c ? key(c.ranking) : "")).sort()).toEqual(
        voters.map((v) => key(v.ranking)).sort(),
      );

      // The count: every ballot, and first preferences as sent.
      const result = closed.ok ? closed.result : null;
      if (result?.kind !== "ranked") throw new Error("expected a ranked result");
      const { report } = result;
      expect(report.ballots).toEqual({ cast: MEMBERS, valid: MEMBERS, empty: 0 });
      const first = report.stages[0]!;
      expect(first.action.kind).toBe("first-preferences");
      const expected = LABELS.map((label, position) => ({ candidate: label, votes: voters.filter((v) => v.ranking[0] === position).length }));
      expect(first.totals.map((t) => ({ candidate: t.candidate, votes: t.votes }))).toEqual(expected);
      expect(expected.reduce((sum, e) => sum + e.votes, 0)).toBe(MEMBERS);

      expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: MEMBERS, voted: MEMBERS });
      // And nothing for anyone who is not on the roll.
      const [{ strays } = { strays: -1 }] = await database.db
        .select({ strays: sql<number>`count(*)::int` })
        .from(pollVoters)
        .where(and(eq(pollVoters.pollId, pollId), sql`${pollVoters.userId} not in (select user_id from poll_roll where poll_id = ${pollId})`));
      expect(strays).toBe(0);
    },
    LONG,
  );
});
