// Starts the built app for the browser tests on a fresh database. With TEST_DATABASE_URL (as in
// CI) and HAProxy installed: HAProxy on E2E_PORT in front of two app servers (E2E_PORT + 1 and
// + 2) on one new PostgreSQL database, as in production (issue 16): every page and form of the
// journeys goes through the load balancer, alternately to either server, so a session made on
// one must work on the other. Without HAProxy: one server, with a loud warning (an error under
// CI). Without TEST_DATABASE_URL: one server on embedded PGlite in a new temporary folder
// (two servers cannot share an embedded database).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { findHaproxy, getStatus } from "./cluster/cluster";
import { haproxyConfig } from "./cluster/haproxy-config";
import { waitFor } from "./cluster/processes";

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
  await startBehindBalancer(haproxy, givenDatabase ?? (await freshDatabase(serverUrl)));
}

async function startBehindBalancer(haproxyPath: string, databaseUrl: string): Promise<void> {
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stopAll);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(0);
    });
  }
  const servers = [
    { name: "app1", port: appPortBase + 1 },
    { name: "app2", port: appPortBase + 2 },
  ];
  const prefixed = (child: ChildProcess, name: string) => {
    for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `)));
  };
  // One after the other: the first seeds the demo into the empty database, the second finds it there.
  for (const server of servers) {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...baseEnv, PORT: String(server.port), DATABASE_URL: databaseUrl, TRUST_PROXY: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    prefixed(child, server.name);
    child.on("exit", (code, signal) => console.error(`[${server.name}] exited (${signal ?? code})`));
    const up = await waitFor(async () => child.exitCode === null && (await getStatus(host, server.port, "/healthz")) === 200, 150_000, 250);
    if (!up) {
      console.error(`[${server.name}] did not start`);
      stopAll();
      process.exit(1);
    }
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-e2e-haproxy-"));
  const config = path.join(folder, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ host, port, servers, adminSocket: path.join(folder, "haproxy.sock"), identifyServers: true }));
  const balancer = spawn(haproxyPath, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  children.push(balancer);
  balancer.stderr?.on("data", (chunk: Buffer) => process.stdout.write(`[haproxy] ${chunk.toString()}`));
  balancer.on("exit", (code) => console.error(`[haproxy] exited (${code})`));
  console.log(`Browser tests: HAProxy on ${host}:${port} in front of ${servers.map((s) => `${s.name} (${host}:${s.port})`).join(" and ")}`);
}
