// Starts the built app for the browser tests on a fresh database: a new PostgreSQL database
// when TEST_DATABASE_URL is set (as in CI), otherwise embedded PGlite in a new temporary folder.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3100";
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  // One database per port, so that two runs on different E2E_PORTs do not drop each other's.
  const name = port === "3100" ? "breakaway_e2e" : `breakaway_e2e_${port}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "breakaway-e2e-"));
}
Object.assign(process.env, {
  PORT: port,
  HOST: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${port}`,
  DEMO_MODE: "true",
  // The browser tests walk the road from a running campaign (decision 035).
  DEMO_PHASE: process.env.DEMO_PHASE || "campaign",
  SMTP_URL: "",
  // A real deployment must set APP_SECRET (NODE_ENV is production here); one per run will do.
  APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString("hex"),
});
await import("../server");
