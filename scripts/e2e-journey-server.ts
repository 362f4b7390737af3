// Starts the built app for the browser journey from an empty database
// (tests/e2e/founding-from-empty.spec.ts), with a clock the journey can move forward
// (scripts/test-clock.ts, docs/decisions/032-test-clock.md). Not for anything else.
//
//   TEST_DATABASE_URL  a PostgreSQL server (required): the journey's database is made on it afresh
//   E2E_JOURNEY_PORT   the app's port (default 3180); E2E_CLOCK_PORT the clock's (default: the next one)
//   SMTP_URL           where mail goes (the journey's SMTP sink)
//
// The clock's control endpoint listens on 127.0.0.1 only: GET /now, POST /advance?days=7.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createClockDatabase, installShiftedDate, journeyDatabaseName, startClockControl } from "./test-clock";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error("The journey server needs TEST_DATABASE_URL (a PostgreSQL server): its clock lives in the database.");
  process.exit(1);
}
const port = process.env.E2E_JOURNEY_PORT ?? "3180";
const clockPort = Number(process.env.E2E_CLOCK_PORT ?? Number(port) + 1);

// Started by the journey: when the journey's process goes, so does this server.
if (process.env.E2E_EXIT_WITH_PARENT) {
  process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
  process.stdin.resume();
}

// The clock first, then the migrations (server.ts runs them), so DEFAULT now() is the shifted one.
const databaseUrl = await createClockDatabase(serverUrl, journeyDatabaseName(port));

Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  PORT: port,
  HOST: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${port}`,
  DEMO_MODE: "false",
  APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString("hex"),
});

// Before the app is imported, so every `new Date()` and `Date.now()` in it is the shifted one.
const clock = installShiftedDate();
const control = await startClockControl(clockPort, clock, postgres(databaseUrl, { max: 1, idle_timeout: 20, onnotice: () => {} }));
console.log(`Test clock: GET http://127.0.0.1:${clockPort}/now, POST http://127.0.0.1:${clockPort}/advance?days=N`);
process.on("exit", () => control.close());

await import("../server");
