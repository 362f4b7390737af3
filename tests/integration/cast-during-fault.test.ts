/**
 * A vote cast while the database fails (issue 16, decision 041). The app reaches PostgreSQL
 * through a proxy (tests/support/commit-cutter.ts) that cuts it off at the moment the ballot's
 * transaction commits: just after the commit's answer arrives (the ballot is stored, the page
 * drawn after it cannot be), or just before (the ballot is stored, the app cannot know it).
 * Without JavaScript, a stored ballot is always shown with its receipt; when the app cannot tell,
 * the voter is sent to the page that says whether they have voted. Nothing is lost or doubled.
 */
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { openRound, roundItems, type VoteItem } from "../../app/modules/constitution/round.server";
import { readJustCast } from "../../app/modules/constitution/sitting";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { openPostgres, type Database } from "../../app/utils/db.server";
import { ballots, pollVoters } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { startCommitCutter, type CommitCutter } from "../support/commit-cutter";
import { foundingMembersReady } from "../support/constitution-fixture";
import { ballotCloses } from "../support/periods";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const APP_POOL_SIZE = 5;
let database: TestDatabase;
let cutter: CommitCutter;
let appDatabase: Database;
let app: Awaited<ReturnType<typeof createTestApp>>;
let cookies: string[] = [];
let ids: string[] = [];
let items: VoteItem[] = [];
let clauses: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  if (!database.url) throw new Error("These tests cut a real PostgreSQL off: set TEST_DATABASE_URL");
  cutter = await startCommitCutter(database.url);
  appDatabase = openPostgres(cutter.url, { max: APP_POOL_SIZE });
  app = await createTestApp(appDatabase.db);
  const ready = await foundingMembersReady(database.db, 8);
  ids = ready.ids;
  cookies = await Promise.all(ready.emails.map((email) => cookieFor(database.db, email)));
  await startDraft(database.db, systemActor(), { kind: "model" });
  const round = await openRound(database.db, systemActor(), { closesAt: ballotCloses() });
  if (!round.ok) throw new Error(round.code);
  items = await roundItems(database.db, round.roundId);
  clauses = [...new Set(items.map((i) => i.clauseId))];
}, 60_000);
/**
 * The database back, and the app's gate told so (its own probe asks only every second). A probe
 * has a time limit, which a busy CI machine can pass: asked again, up to 30 times, until it answers.
 * Then every connection of the app's pool must answer too, each cut having closed them all: the
 * gate's probe has a connection of its own, and a pool slot that never came back after a cut
 * (postgres.js kept the lost socket's pending write, decision 054) failed every request it took.
 */
async function restoreDatabase() {
  await cutter.restore();
  expect(await untilTrue(() => app.gate.probe())).toBe(true);
  // As many statements at once as the pool has connections, each held long enough to overlap:
  // the gate's probe has a connection of its own, and every one of the pool's must be back too.
  const wholePool = async () => {
    const tried = await Promise.allSettled(Array.from({ length: APP_POOL_SIZE }, () => appDatabase.db.execute(sql`select pg_sleep(0.05)`)));
    return tried.every((t) => t.status === "fulfilled");
  };
  expect(await untilTrue(wholePool)).toBe(true);
}

/** Asks again every 200 ms, 30 times at most, until the answer is yes. */
async function untilTrue(attempt: () => Promise<boolean>): Promise<boolean> {
  for (let tries = 0; tries < 30; tries += 1) {
    if (await attempt()) return true;
    await pause(200);
  }
  return false;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  vi.restoreAllMocks();
  await restoreDatabase();
});
afterAll(async () => {
  await appDatabase.close();
  await cutter.close();
  await database.drop();
});

async function newPoll(): Promise<string> {
  const poll = await createPoll(database.db, systemActor(), { title: "Chair", method: "yes-no", options: [], closesAt: ballotCloses() });
  if (!poll.ok) throw new Error(poll.code);
  await openPoll(database.db, systemActor(), poll.pollId, ids);
  return poll.pollId;
}

/** Marks (who has voted) and ballots of some polls: always equal, whatever failed. */
async function marksAndBallots(pollIds: string[]): Promise<{ marks: number; ballots: number }> {
  const [marks] = await database.db.select({ n: count() }).from(pollVoters).where(inArray(pollVoters.pollId, pollIds));
  const [stored] = await database.db.select({ n: count() }).from(ballots).where(inArray(ballots.pollId, pollIds));
  return { marks: marks?.n ?? -1, ballots: stored?.n ?? -1 };
}

/** What the app logs from here on. */
function captureLog(): string[] {
  const logged: string[] = [];
  for (const level of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
  return logged;
}

const receiptsOn = (page: string) => [...page.matchAll(/<code class="receipt">([^<]+)<\/code>/g)].map((m) => m[1] ?? "");

/** The answer, or where its redirect leads with the cookies it sets, as a browser follows it. */
async function followedAsBrowser(response: Response, cookie: string): Promise<Response> {
  const location = response.headers.get("Location");
  if (response.status !== 302 || !location) return response;
  const carried = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  return app.request(location, { cookie: [cookie, ...carried].join("; ") });
}

/** Every question of a clause answered Yes, as the form posts it. */
const yesTo = (clauseId: string) => ({
  ...Object.fromEntries(items.filter((i) => i.clauseId === clauseId).map((i) => [`choice-${i.pollId}`, "yes"])),
  then: "next",
});

describe("a poll's ballot without JavaScript", () => {
  it("shows the receipt when the page after the commit cannot be drawn", async () => {
    const pollId = await newPoll();
    cutter.arm("after-commit");
    const logged = captureLog();
    const response = await app.request(`/polls/${pollId}`, { form: { intent: "cast", choice: "yes" }, cookie: cookies[0] });
    expect(cutter.cut).toBe(true);
    const page = await html(response);
    expect(response.status).toBe(200);
    expect(page).toContain("Your vote was stored");
    const receipts = receiptsOn(page);
    expect(receipts).toHaveLength(1);
    expect(page).toContain(`href="/polls/${pollId}"`);
    const stored = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
    expect(stored.map((b) => b.receipt)).toEqual(receipts);
    expect(await marksAndBallots([pollId])).toEqual({ marks: 1, ballots: 1 });
    // The failure after the commit is logged, without the receipt or the voter.
    expect(logged.join("\n")).toContain(`POST /polls/${pollId}`);
    for (const secret of [receipts[0]!, ids[0]!, "founder1@"]) expect(logged.join("\n")).not.toContain(secret);
  });

  it("says to check whether the vote was stored when the commit's answer is lost, and the poll's page then says so", async () => {
    const pollId = await newPoll();
    cutter.arm("during-commit");
    const response = await app.request(`/polls/${pollId}`, { form: { intent: "cast", choice: "no" }, cookie: cookies[1] });
    expect(cutter.cut).toBe(true);
    const page = await html(response);
    expect(response.status).toBe(500);
    expect(page).toContain("Check whether your vote was stored");
    expect(page).toContain(`href="/polls/${pollId}"`);
    expect(page).not.toContain("Nothing you submitted has been half-saved");
    // It was stored: the page linked to says so once the database is back.
    await restoreDatabase();
    expect(await marksAndBallots([pollId])).toEqual({ marks: 1, ballots: 1 });
    expect(await html(await app.request(`/polls/${pollId}`, { cookie: cookies[1] }))).toContain("You have voted in this poll.");
  });
});

describe("a page where ballots are cast, failing", () => {
  it("says where to check whether a vote was stored, and a script is told nothing was cast", async () => {
    const pollId = await newPoll();
    cutter.cutNow();
    const response = await app.request(`/polls/${pollId}`, { cookie: cookies[7] });
    const page = await html(response);
    // The database is gone: a 503 with when to try again (decision 040), on the check page.
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(page).toContain("Check whether your vote was stored");
    expect(page).toContain(`href="/polls/${pollId}"`);
    // The session could not even be read: no ballot was sent, and the script may say so.
    const endpoint = await app.request(`/polls/${pollId}/ballot`, { form: { choice: "yes" }, cookie: cookies[7] });
    expect(endpoint.status).toBe(503);
    expect(((await endpoint.json()) as { code: string }).code).toBe("http_503");
    await restoreDatabase();
    expect(await marksAndBallots([pollId])).toEqual({ marks: 0, ballots: 0 });
  });
});

describe("a poll's ballot through the ballot endpoint (with JavaScript)", () => {
  it("answers with the receipt once the ballot is stored, whatever fails after", async () => {
    const pollId = await newPoll();
    cutter.arm("after-commit");
    const response = await app.request(`/polls/${pollId}/ballot`, { form: { choice: "yes" }, cookie: cookies[2] });
    expect(cutter.cut).toBe(true);
    const answer = (await response.json()) as { ok: boolean; receipt?: string };
    expect(response.status).toBe(200);
    expect(answer.ok).toBe(true);
    const stored = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
    expect(stored.map((b) => b.receipt)).toEqual([answer.receipt]);
  });

  it("never says nothing was cast when the commit's answer is lost", async () => {
    const pollId = await newPoll();
    cutter.arm("during-commit");
    const logged = captureLog();
    const response = await app.request(`/polls/${pollId}/ballot`, { form: { choice: "abstain" }, cookie: cookies[3] });
    expect(cutter.cut).toBe(true);
    const answer = (await response.json()) as { ok: boolean; code: string; message: string };
    expect(answer.ok).toBe(false);
    expect(answer.code).toBe("outcome_unknown");
    expect(answer.message).toContain("could not tell whether your vote was stored");
    expect(answer.message).not.toContain("Nothing was cast");
    expect(logged).toEqual([expect.stringMatching(/^ballot endpoint: the ballot's commit got no answer \(\w+/)]);
    await restoreDatabase();
    expect(await marksAndBallots([pollId])).toEqual({ marks: 1, ballots: 1 });
    const [stored] = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
    for (const secret of [stored!.receipt, ids[3]!, "abstain"]) expect(logged.join("\n")).not.toContain(secret);
  });
});

describe("a clause's ballot in the sitting without JavaScript", () => {
  it("shows every question's receipt when the next step after the commit fails", async () => {
    const clauseId = clauses[0]!;
    const questions = items.filter((i) => i.clauseId === clauseId).map((i) => i.pollId);
    cutter.arm("after-commit");
    const sent = await app.request(`/constitution/vote/${clauseId}`, { form: yesTo(clauseId), cookie: cookies[4] });
    expect(cutter.cut).toBe(true);
    // Shown on the answer, or on the page its redirect leads to (as a browser follows it).
    const response = await followedAsBrowser(sent, cookies[4]!);
    const page = await html(response);
    expect(response.status).toBe(200);
    expect(page).toContain("Your vote was stored");
    expect(page).toContain('href="/constitution/vote"');
    const receipts = receiptsOn(page);
    expect(receipts).toHaveLength(questions.length);
    const stored = await database.db.select().from(ballots).where(inArray(ballots.receipt, receipts));
    expect(stored.map((b) => b.pollId).sort()).toEqual([...questions].sort());
    expect(await marksAndBallots(questions)).toEqual({ marks: questions.length, ballots: questions.length });
  });

  it("with JavaScript, still moves on with the receipts in the cookie when the next step after the commit fails", async () => {
    const clauseId = clauses[2]!;
    const questions = items.filter((i) => i.clauseId === clauseId).map((i) => i.pollId);
    cutter.arm("after-commit");
    // What the page's script sends: the action's data request.
    const response = await app.request(`/constitution/vote/${clauseId}.data`, { form: yesTo(clauseId), cookie: cookies[7] });
    expect(cutter.cut).toBe(true);
    expect(response.status).toBeLessThan(500);
    const carried =
      response.headers
        .getSetCookie()
        .find((c) => c.startsWith("bk_cast="))
        ?.split(";")[0] ?? "";
    const receipts = readJustCast(carried)?.receipts ?? [];
    expect(receipts).toHaveLength(questions.length);
    const stored = await database.db.select().from(ballots).where(inArray(ballots.receipt, receipts));
    expect(stored.map((b) => b.pollId).sort()).toEqual([...questions].sort());
  });

  it("shows the receipts carried to the next clause when that page cannot be drawn", async () => {
    const clauseId = clauses[0]!;
    const cast = await app.request(`/constitution/vote/${clauseId}`, { form: yesTo(clauseId), cookie: cookies[5] });
    expect(cast.status).toBe(302);
    const carried =
      cast.headers
        .getSetCookie()
        .find((c) => c.startsWith("bk_cast="))
        ?.split(";")[0] ?? "";
    cutter.cutNow();
    const response = await app.request(cast.headers.get("Location")!, { cookie: `${cookies[5]}; ${carried}` });
    const page = await html(response);
    expect(response.status).toBe(200);
    expect(page).toContain("Your vote was stored");
    const receipts = receiptsOn(page);
    const questions = items.filter((i) => i.clauseId === clauseId).map((i) => i.pollId);
    expect(receipts).toHaveLength(questions.length);
    const stored = await database.db.select().from(ballots).where(inArray(ballots.receipt, receipts));
    expect(stored).toHaveLength(questions.length);
  });

  it("says to check whether the vote was stored when the commit's answer is lost", async () => {
    const clauseId = clauses[1]!;
    const questions = items.filter((i) => i.clauseId === clauseId).map((i) => i.pollId);
    cutter.arm("during-commit");
    const response = await app.request(`/constitution/vote/${clauseId}`, { form: yesTo(clauseId), cookie: cookies[6] });
    expect(cutter.cut).toBe(true);
    const page = await html(response);
    expect(response.status).toBe(500);
    expect(page).toContain("Check whether your vote was stored");
    expect(page).toContain('href="/constitution/vote"');
    await restoreDatabase();
    expect(await marksAndBallots(questions)).toEqual({ marks: questions.length, ballots: questions.length });
    expect(await html(await app.request("/constitution/vote", { cookie: cookies[6] }))).toMatch(/You have voted on 1 of \d+ clauses\./);
  });
});
