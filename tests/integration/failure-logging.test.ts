import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { startPollCloser } from "../../app/modules/polls/closer.server";
import { grantRole } from "../../app/modules/users/users.server";
import { cookieFor, createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Each way a request can fail, provoked, and the log read (issue 13, decision 026): a failure is
 * logged by where and what kind, never with the voter, the ballot, the form, the query or the
 * error's own message.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let logged: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
});
afterAll(() => database.drop());
afterEach(() => vi.restoreAllMocks());

function captureLog() {
  logged = [];
  for (const level of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
}

describe("failures are logged without what was sent", () => {
  it("a ballot cast through the page's form whose transaction fails: a 500, and no voter, choice or message in the log", async () => {
    const member = await grantRole(database.db, { email: "voter.secret@example.org", role: "member", actor: systemActor() });
    if (!member.ok) throw new Error("no member");
    const cookie = await cookieFor(database.db, "voter.secret@example.org");
    const poll = await createPoll(database.db, systemActor(), {
      title: "Chair",
      method: "irv",
      options: [{ label: "Ann" }, { label: "Bob" }],
      closesAt: new Date(Date.now() + 3600_000),
    });
    if (!poll.ok) throw new Error(poll.code);
    await openPoll(database.db, systemActor(), poll.pollId, [member.userId]);
    await database.db.execute(
      sql.raw(`create function refuse_ballot() returns trigger language plpgsql as $$ begin raise exception 'disk full for voter.secret@example.org'; end $$`),
    );
    await database.db.execute(sql.raw(`create trigger refuse_ballot before insert on ballots for each row execute function refuse_ballot()`));
    captureLog();
    try {
      const res = await app.request(`/polls/${poll.pollId}`, { form: { intent: "cast", "rank-1": "1", "rank-0": "2" }, cookie });
      expect(res.status).toBe(500);
      expect(await res.text()).toContain("Sorry, there is a problem with the service");
    } finally {
      vi.restoreAllMocks();
      await database.db.execute(sql.raw(`drop trigger refuse_ballot on ballots`));
      await database.db.execute(sql.raw(`drop function refuse_ballot()`));
    }
    expect(logged.length).toBeGreaterThan(0);
    const all = logged.join("\n");
    expect(all).toContain(`POST /polls/${poll.pollId}`);
    expect(all).toContain("P0001"); // the database's error code: what kind of failure
    for (const secret of ["voter.secret", member.userId, "disk full", "rank-", "Bob", cookie.split("=")[1]!]) expect(all).not.toContain(secret);
  });

  it("a database gone while the session is looked up: a 503 from the front door, and neither the cookie nor the query in the log", async () => {
    const broken = await createTestDatabase();
    await grantRole(broken.db, { email: "someone@example.org", role: "member", actor: systemActor() });
    const cookie = await cookieFor(broken.db, "someone@example.org");
    const brokenApp = await createTestApp(broken.db);
    await broken.drop();
    captureLog();
    const res = await brokenApp.request("/login/verify?token=secret-token-abc", { cookie });
    // The database does not answer: try again later (decision 040), no longer a 500.
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("The service is busy or briefly unavailable");
    const all = logged.join("\n");
    expect(all).toContain("GET /login/verify");
    expect(all).not.toContain("secret-token-abc");
    expect(all).not.toContain(cookie.split("=")[1]!);
    expect(all).not.toContain("someone@example.org");
  });

  it("a background job whose database has gone: one line naming the job and the kind of failure", async () => {
    const broken = await createTestDatabase();
    await broken.drop();
    captureLog();
    const stop = startPollCloser(broken.db, 20);
    try {
      await vi.waitFor(() => expect(logged.length).toBeGreaterThan(0), { timeout: 20_000 });
    } finally {
      await stop();
    }
    expect(logged[0]).toMatch(/^poll closer: \w+/);
    // Where it failed, never the statement or its parameters.
    expect(logged.join("\n")).not.toMatch(/select|update|params/i);
  });
});

describe("what is not a failure", () => {
  it("does not log a page that is not there as a failure", async () => {
    captureLog();
    const res = await app.request("/no-such-page?token=abc");
    expect(res.status).toBe(404);
    // Tests load React Router's development build, which warns of an unmatched address; the
    // server loads its production build, which does not (checked by hand: nothing is logged).
    expect(logged.filter((line) => !line.startsWith("No routes matched location"))).toEqual([]);
  });
});
