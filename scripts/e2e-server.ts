// Starts the built app for the browser tests on a fresh database. With TEST_DATABASE_URL (as in
// CI) and HAProxy installed: HAProxy on E2E_PORT in front of two app servers (E2E_PORT + 1 and
// + 2) on one new PostgreSQL database, as in production (issue 16): every page and form of the
// journeys goes through the load balancer, alternately to either server, so a session made on
// one must work on the other. Without HAProxy: one server, with a loud warning (an error under
// CI). Without TEST_DATABASE_URL: one server on embedded PGlite in a new temporary folder
// (two servers cannot share an embedded database).
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { findHaproxy } from "./cluster/cluster";
import { startBehindBalancer } from "./e2e-balancer";

const port = Number(process.env.E2E_PORT ?? "3100");
// A journey with a database of its own (tests/e2e/registration.spec.ts) names it, its demo off,
// and where its two app servers listen (the next two ports after E2E_APP_PORT_BASE).
const givenDatabase = process.env.E2E_DATABASE_URL;
const appPortBase = Number(process.env.E2E_APP_PORT_BASE ?? port);
const host = "127.0.0.1";
const serverUrl = process.env.TEST_DATABASE_URL;
const haproxy = findHaproxy();

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  HOST: host,
  APP_URL: `http://${host}:${port}`,
  DEMO_MODE: process.env.E2E_DEMO_MODE ?? "true",
  // The browser tests walk the road from a running campaign (decision 035).
  DEMO_PHASE: process.env.DEMO_PHASE || "campaign",
  SMTP_URL: "",
  // A real deployment must set APP_SECRET (NODE_ENV is production here); one per run, shared by both servers.
  APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString("hex"),
};

async function freshDatabase(url: string): Promise<string> {
  // One database per port, so that two runs on different E2E_PORTs do not drop each other's.
  const name = port === 3100 ? "breakaway_e2e" : `breakaway_e2e_${port}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

if (!serverUrl) {
  delete process.env.DATABASE_URL;
  Object.assign(process.env, baseEnv, { PORT: String(port), DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "breakaway-e2e-")) });
  await import("../server");
} else if (!haproxy) {
  console.error("\n!!! HAProxy is not installed: the browser tests run against ONE app server, not through the load balancer.");
  console.error("!!! Install it with `sudo apt-get install -y haproxy` to test as in production (two servers behind HAProxy).\n");
  if (process.env.CI) process.exit(1);
  Object.assign(process.env, baseEnv, { PORT: String(port), DATABASE_URL: givenDatabase ?? (await freshDatabase(serverUrl)) });
  await import("../server");
} else {
  const databaseUrl = givenDatabase ?? (await freshDatabase(serverUrl));
  const env = { ...baseEnv, DATABASE_URL: databaseUrl, TRUST_PROXY: "true" };
  await startBehindBalancer(haproxy, host, port, [
    { name: "app1", port: appPortBase + 1, args: ["--import", "tsx", "server.ts"], env: { ...env, PORT: String(appPortBase + 1) } },
    { name: "app2", port: appPortBase + 2, args: ["--import", "tsx", "server.ts"], env: { ...env, PORT: String(appPortBase + 2) } },
  ]);
}
