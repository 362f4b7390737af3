import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

/**
 * The real server (server.ts, as `npm run serve` starts it) with its database behind a proxy the
 * test cuts: it keeps serving its health checks, refuses pages with a 503 and Retry-After while
 * the database is gone, and serves them again once it is back, the same process all along.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
// From helper A's range of ports (3410-3419); E2E_PORT and the journeys use others.
const PORT = Number(process.env.SERVER_OUTAGE_PORT ?? 3411);
const base = `http://127.0.0.1:${PORT}`;
const DEADLINE_MS = 20_000;

let database: TestDatabase;
let proxy: TcpProxy;
let server: ChildProcess | null = null;
let output = "";

async function get(pathname: string): Promise<Response> {
  return fetch(base + pathname, { signal: AbortSignal.timeout(DEADLINE_MS) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  if (!database.url) return;
  const u = new URL(database.url);
  proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  server = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: proxy.urlFor(database.url),
      APP_URL: base,
      APP_SECRET: "server-outage-test-secret-0123456789abcdef",
      DEMO_MODE: "false",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Started when its health check answers (migrations first: a minute at most on a slow machine).
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (
      (await get("/healthz/live").then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not start:\n${output}`);
}, 90_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await proxy?.close();
  await database?.drop();
}, 30_000);

describe.skipIf(!serverUrl)("the real server through a database outage", () => {
  it("answers 503 with Retry-After while the database is gone, and serves again once it is back, without a restart", async () => {
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/")).status).toBe(200);
    const pid = server!.pid;

    await proxy.cut("refuse");
    try {
      const pageAnswer = await get("/");
      expect(pageAnswer.status).toBe(503);
      expect(pageAnswer.headers.get("Retry-After")).toBeTruthy();
      expect(await pageAnswer.text()).toContain("The service is busy or briefly unavailable");
      expect((await get("/healthz")).status).toBe(503);
      expect((await get("/healthz/live")).status).toBe(200);
    } finally {
      await proxy.restore();
    }

    await expect.poll(() => get("/healthz").then((r) => r.status), { timeout: DEADLINE_MS, interval: 250 }).toBe(200);
    expect((await get("/")).status).toBe(200);
    expect(server!.exitCode, output).toBeNull();
    expect(server!.pid).toBe(pid);
    expect(output).toContain("Database: not answering");
    expect(output).toContain("Database: answering again");
  }, 90_000);
});
