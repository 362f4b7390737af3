import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RETRY_AFTER_SECONDS } from "../../app/http/health.server";
import { isDatabaseUnavailable } from "../../app/utils/database-unavailable";
import { allowLongStatements, openPostgres, STATEMENT_TIMEOUT_MS, type Database } from "../../app/utils/db.server";
import { describeFailure } from "../../app/utils/errors";
import { systemActor } from "../../app/modules/audit/audit.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { grantRole } from "../../app/modules/users/users.server";
import { ballots, users } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

/**
 * Issue 16: while PostgreSQL was down, requests queued 4 to 60 s before a 500 and /healthz timed
 * out; nothing said "try again". Here the app's pool goes through a proxy that the test cuts
 * (a database that died, one that closed its connections, a network that drops everything) and
 * restores. While cut: 503 with Retry-After for a page and the ballot endpoint, /healthz 503,
 * /healthz/live 200, each answered before the client's own generous deadline. Restored: the
 * very next requests succeed, without any restart.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
/** The client's own deadline: far longer than an answer should take, far shorter than a hang. */
const CLIENT_DEADLINE_MS = 20_000;

let database: TestDatabase;
let proxy: TcpProxy;
let proxied: Database;
let app: Awaited<ReturnType<typeof createTestApp>>;
let member = "";

/** The answer, or a failure naming the request when none came before the client's deadline. */
async function answered(what: string, response: Promise<Response>): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CLIENT_DEADLINE_MS / 1000} s`)), CLIENT_DEADLINE_MS);
  });
  try {
    return await Promise.race([response, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const page = () => answered("the home page", app.request("/"));
const ballot = () => answered("the ballot endpoint", app.request("/polls/no-such-poll/ballot", { form: { choice: "0" }, cookie: member }));
const ready = () => answered("/healthz", app.request("/healthz"));
const live = () => answered("/healthz/live", app.request("/healthz/live"));

beforeAll(async () => {
  database = await createTestDatabase();
  const u = new URL(serverUrl ?? "postgres://127.0.0.1:5432/x");
  proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  await database.db.insert(users).values({ email: "outage@example.org", displayName: "Olu Outage", role: "member" });
  member = await cookieFor(database.db, "outage@example.org");
  if (!database.url) return;
  // As server.ts opens it: with the statement timeout.
  proxied = openPostgres(proxy.urlFor(database.url), { max: 5, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  // The probe on a connection of its own through the same proxy, as server.ts sets it up.
  app = await createTestApp(proxied.db, {}, { ping: () => proxied.ping() });
});
afterAll(async () => {
  await proxied?.close();
  await proxy?.close();
  await database?.drop();
});

async function expectUnavailable(response: Response, kind: "page" | "json") {
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toBe(String(RETRY_AFTER_SECONDS));
  if (kind === "json") expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
  else expect(await response.text()).toContain("The service is busy or briefly unavailable");
}

async function expectRecovered() {
  // The background probe asks every second; the very next requests after it answers succeed.
  await expect.poll(async () => (await ready()).status, { timeout: CLIENT_DEADLINE_MS, interval: 200 }).toBe(200);
  expect((await page()).status).toBe(200);
  // An unknown poll: the ballot endpoint reached the database and said so (not a 503, not a 500).
  expect((await ballot()).status).toBe(404);
}

describe.skipIf(!serverUrl)("a database outage", () => {
  it("serves normally through the proxy", async () => {
    expect((await ready()).status).toBe(200);
    expect(await (await live()).text()).toBe("up");
    expect((await page()).status).toBe(200);
    expect((await ballot()).status).toBe(404);
  });

  it.each([
    ["a database that died (connections reset, new ones refused)", "refuse"],
    ["a database that closed its connections (as when shutting down)", "close"],
    ["a network that drops everything (connections never answered)", "blackhole"],
    ["a network gone silent under open connections (a query in flight never answered)", "stall"],
  ] as const)(
    "%s: 503 with Retry-After, not a 500 or a hang; recovered alone once it is back",
    async (_name, how) => {
      // Connections open and idle in the pool when the outage comes, as on a busy server.
      expect((await page()).status).toBe(200);
      await proxy.cut(how);
      try {
        await expectUnavailable(await page(), "page");
        await expectUnavailable(await ballot(), "json");
        expect((await ready()).status).toBe(503);
        const alive = await live();
        expect(alive.status).toBe(200);
        expect(await alive.text()).toBe("up");
        // While it is known to be gone, a page is refused at once, before anything else runs.
        await expectUnavailable(await page(), "page");
      } finally {
        await proxy.restore();
      }
      await expectRecovered();
    },
    90_000,
  );

  it("goes on after its connections are terminated (a restart of PostgreSQL, an administrator), without a 500", async () => {
    expect((await page()).status).toBe(200);
    const dbName = new URL(database.url!).pathname.slice(1);
    await database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`);
    // The very next requests, while the backends are still going away: served on fresh
    // connections, or at worst told to try again; then served again, without a restart.
    for (let i = 0; i < 10; i += 1) expect([200, 503]).toContain((await page()).status);
    await expect.poll(async () => (await page()).status, { timeout: CLIENT_DEADLINE_MS, interval: 200 }).toBe(200);
    expect((await ballot()).status).toBe(404);
  });

  it("the ballot endpoint: a ballot whose transaction fails because the database is shutting down is a 503 with Retry-After, and nothing is stored", async () => {
    const voter = await grantRole(database.db, { email: "shutdown.voter@example.org", role: "member", actor: systemActor() });
    if (!voter.ok) throw new Error(voter.code);
    const cookie = await cookieFor(database.db, "shutdown.voter@example.org");
    const poll = await createPoll(database.db, systemActor(), {
      title: "Chair",
      method: "irv",
      options: [{ label: "Ann" }, { label: "Bob" }],
      closesAt: new Date(Date.now() + 3600_000),
    });
    if (!poll.ok) throw new Error(poll.code);
    await openPoll(database.db, systemActor(), poll.pollId, [voter.userId]);
    // The database refuses the ballot's statement as a server shutting down does (57P03).
    await database.db.execute(
      sql.raw(
        `create function refuse_as_shutting_down() returns trigger language plpgsql as $$ begin raise exception 'the database system is shutting down' using errcode = '57P03'; end $$`,
      ),
    );
    await database.db.execute(
      sql.raw(`create trigger refuse_as_shutting_down before insert on ballots for each row execute function refuse_as_shutting_down()`),
    );
    try {
      const res = await answered("the ballot endpoint", app.request(`/polls/${poll.pollId}/ballot`, { form: { "rank-0": "1" }, cookie }));
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe(String(RETRY_AFTER_SECONDS));
      expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
    } finally {
      await database.db.execute(sql.raw(`drop trigger refuse_as_shutting_down on ballots`));
      await database.db.execute(sql.raw(`drop function refuse_as_shutting_down()`));
    }
    expect(await database.db.select().from(ballots).where(eq(ballots.pollId, poll.pollId))).toEqual([]);
  });

  it("answers /healthz as JSON with the event-loop delay when asked", async () => {
    const res = await app.request("/healthz", { headers: { Accept: "application/json" } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { status: string; database: string; eventLoopDelay: { p99Ms: number; maxMs: number; intervalSeconds: number } };
    expect(report).toMatchObject({ status: "ready", database: "reachable" });
    expect(report.eventLoopDelay.maxMs).toBeGreaterThanOrEqual(0);
    expect(report.eventLoopDelay.intervalSeconds).toBeGreaterThan(0);
    const live = await app.request("/healthz/live", { headers: { Accept: "application/json" } });
    expect(await live.json()).toMatchObject({ status: "up" });
  });
});

describe("health checks over HTTP", () => {
  it("are answered without a Host header and never compressed", async () => {
    const { createHttpApp } = await import("../../app/http/http-app.server");
    const { parseEnv } = await import("../../app/utils/env.server");
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const parsed = parseEnv({ DEMO_MODE: "true", APP_URL: "http://localhost:3000" });
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    const server = createHttpApp({ build, db: database.db, env: parsed.env }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ["/healthz", "/healthz/live"]) {
        // HTTP/1.0 without a Host header, as a load balancer's simplest check sends it.
        const raw = await new Promise<string>((resolve, reject) => {
          const socket = net.connect(port, "127.0.0.1", () => socket.write(`GET ${path} HTTP/1.0\r\nAccept-Encoding: gzip\r\n\r\n`));
          let text = "";
          socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
          socket.on("end", () => resolve(text));
          socket.on("error", reject);
        });
        expect(raw, path).toMatch(/^HTTP\/1\.[01] 200/);
        expect(raw.toLowerCase(), path).not.toContain("content-encoding");
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe.skipIf(!serverUrl)("the statement timeout", () => {
  it("ends a statement that runs past it (57014), unless its transaction allowed longer", async () => {
    const short = openPostgres(database.url!, { max: 1, statementTimeoutMs: 200 });
    try {
      const failure = await short.db.execute(sql`select pg_sleep(1)`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(failure)).toBe(true);
      expect(describeFailure(failure)).toContain("57014");
      await short.db.transaction(async (tx) => {
        await allowLongStatements(tx, "2min");
        await tx.execute(sql`select pg_sleep(0.5)`);
      });
    } finally {
      await short.close();
    }
  });
});
