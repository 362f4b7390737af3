// Starts the built app for the browser journey from an empty database
// (tests/e2e/founding-from-empty.spec.ts), with a clock the journey can move forward
// (scripts/test-clock.ts, docs/decisions/032-test-clock.md). Not for anything else.
//
//   TEST_DATABASE_URL  a PostgreSQL server (required): the journey's database is made on it afresh
//   E2E_JOURNEY_PORT   the journey's address (default 3180); E2E_CLOCK_PORT the clock's (default: the next one)
//   SMTP_URL           where mail goes (the journey's SMTP sink)
//
// The clock's control endpoint listens on 127.0.0.1 only: GET /now, POST /advance?days=7.
//
// With HAProxy installed (as in CI), the journey goes through the load balancer as in production
// (issue 16): HAProxy on the journey's port in front of two app servers (the port + 2 and + 3,
// their own clocks on + 4 and + 5), each in a process of its own with its own shifted Date. The
// clock endpoint then moves the database's clock and has each server follow it, before it
// answers. Without HAProxy: one server, with a loud warning (an error under CI).
import { randomBytes } from "node:crypto";
import http from "node:http";
import postgres from "postgres";
import { findHaproxy } from "./cluster/cluster";
import { startBehindBalancer } from "./e2e-balancer";
import {
  advanceDatabaseClock,
  advanceFromQuery,
  createClockDatabase,
  installShiftedDate,
  journeyDatabaseName,
  startClockControl,
  type ClockReading,
} from "./test-clock";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error("The journey server needs TEST_DATABASE_URL (a PostgreSQL server): its clock lives in the database.");
  process.exit(1);
}
const host = "127.0.0.1";
const port = process.env.E2E_JOURNEY_PORT ?? "3180";
const clockPort = Number(process.env.E2E_CLOCK_PORT ?? Number(port) + 1);
const role = process.env.E2E_JOURNEY_ROLE ?? "journey";

// Started by the journey: when the journey's process goes, so does this server.
if (process.env.E2E_EXIT_WITH_PARENT) {
  process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
  process.stdin.resume();
}

if (role === "app") {
  // One of the balanced servers: the database and its clock are already made.
  await serveApp(process.env.DATABASE_URL ?? "", process.env.APP_URL ?? `http://${host}:${port}`, true);
} else {
  // The clock first, then the migrations (server.ts runs them), so DEFAULT now() is the shifted one.
  const databaseUrl = await createClockDatabase(serverUrl, journeyDatabaseName(port));
  const haproxy = findHaproxy();
  if (haproxy) await serveBalanced(haproxy, databaseUrl);
  else {
    console.error("\n!!! HAProxy is not installed: the journey runs against ONE app server, not through the load balancer.\n");
    if (process.env.CI) process.exit(1);
    await serveApp(databaseUrl, `http://${host}:${port}`, false);
  }
}

/** This process serves the app on `port`, its Date shifted, with the clock endpoint on `clockPort`. */
async function serveApp(databaseUrl: string, appUrl: string, behindBalancer: boolean): Promise<void> {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    PORT: port,
    HOST: host,
    APP_URL: appUrl,
    DEMO_MODE: "false",
    TRUST_PROXY: behindBalancer ? "true" : (process.env.TRUST_PROXY ?? ""),
    APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString("hex"),
  });
  // Before the app is imported, so every `new Date()` and `Date.now()` in it is the shifted one.
  const clock = installShiftedDate();
  const control = await startClockControl(clockPort, clock, postgres(databaseUrl, { max: 1, idle_timeout: 20, onnotice: () => {} }));
  console.log(`Test clock: GET http://${host}:${clockPort}/now, POST http://${host}:${clockPort}/advance?days=N`);
  process.on("exit", () => control.close());
  await import("../server");
}

/** HAProxy on `port` in front of two app servers, and one clock endpoint that moves them all. */
async function serveBalanced(haproxyPath: string, databaseUrl: string): Promise<void> {
  const base = Number(port);
  const servers = [
    { name: "app1", port: base + 2, clockPort: base + 4 },
    { name: "app2", port: base + 3, clockPort: base + 5 },
  ];

  // The journey's clock endpoint: the database's clock moves once, then every server follows it.
  const sql = postgres(databaseUrl, { max: 1, idle_timeout: 20, onnotice: () => {} });
  const ask = async (server: (typeof servers)[number], method: string, pathname: string): Promise<ClockReading> => {
    const response = await fetch(`http://${host}:${server.clockPort}${pathname}`, { method });
    if (!response.ok) throw new Error(`${server.name}'s clock answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as ClockReading;
  };
  let queue: Promise<unknown> = Promise.resolve();
  const control = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://${host}`);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const handle = async () => {
      if (request.method === "GET" && url.pathname === "/now") return answer(200, await ask(servers[0]!, "GET", "/now"));
      if (request.method === "POST" && url.pathname === "/advance") {
        const ms = advanceFromQuery(url.searchParams);
        if (ms === null) return answer(400, { error: "Give days=, hours=, minutes= or ms= (a number, not negative)." });
        await advanceDatabaseClock(sql, ms);
        const readings = await Promise.all(servers.map((server) => ask(server, "POST", "/follow")));
        return answer(200, readings[0]);
      }
      return answer(404, { error: "GET /now or POST /advance?days=N" });
    };
    // One move at a time, so that the clocks never drift apart.
    const run = queue.then(handle).catch((error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }));
    queue = run;
    request.resume();
  });
  await new Promise<void>((resolve, reject) => {
    control.once("error", reject);
    control.listen(clockPort, host, () => resolve());
  });

  // One after the other: the first migrates the empty database.
  const appUrl = `http://${host}:${port}`;
  await startBehindBalancer(
    haproxyPath,
    host,
    base,
    servers.map((server) => ({
      name: server.name,
      port: server.port,
      args: ["--import", "tsx", "scripts/e2e-journey-server.ts"],
      env: {
        ...process.env,
        E2E_JOURNEY_ROLE: "app",
        E2E_JOURNEY_PORT: String(server.port),
        E2E_CLOCK_PORT: String(server.clockPort),
        E2E_EXIT_WITH_PARENT: "1",
        DATABASE_URL: databaseUrl,
        APP_URL: appUrl,
      },
    })),
  );
  console.log(`Test clock: GET http://${host}:${clockPort}/now, POST http://${host}:${clockPort}/advance?days=N (moves every server)`);
}
