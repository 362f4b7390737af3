import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import postgres from "postgres";

/**
 * From an adopted constitution and declared officers to a downloaded registration pack.
 *
 * Getting to "adopted and declared" through the pages takes a dozen members voting on 40 clauses
 * and three elections (the-road.spec.ts walks that road, minutes long), and the shared e2e server
 * holds the demo movement, which is still campaigning. So this journey runs its own server on its
 * own database, seeded through the server's own code (tests/e2e/registration-seed.ts: drafting,
 * the voting round, the adoption vote, nominations, ballots, counts, declarations), and signs the
 * organiser in with a session made by that seed instead of an emailed link. Everything after that
 * is the browser: the documents page, preparing the pack, and the downloads.
 */

const port = Number(process.env.E2E_PORT ?? "3100") + 7;
const base = `http://127.0.0.1:${port}`;
const serverUrl = process.env.TEST_DATABASE_URL;
const dbName = `breakaway_e2e_registration_${port}`;
let server: ChildProcess | null = null;
let dataDir: string | null = null;
let token = "";

function databaseUrl(): string {
  const url = new URL(serverUrl ?? "");
  url.pathname = `/${dbName}`;
  return url.toString();
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", APP_URL: base, DEMO_MODE: "false", SMTP_URL: "" };
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.unsafe(`create database "${dbName}"`);
    await admin.end();
    env.DATABASE_URL = databaseUrl();
  } else {
    delete env.DATABASE_URL;
    dataDir = mkdtempSync(path.join(os.tmpdir(), "breakaway-e2e-registration-"));
    env.DATA_DIR = dataDir;
  }
  const seeded = execFileSync("npx", ["tsx", "tests/e2e/registration-seed.ts"], { env, encoding: "utf8", timeout: 180_000 });
  token = (JSON.parse(seeded.trim().split("\n").pop() ?? "{}") as { token: string }).token;
  server = spawn("npx", ["tsx", "server.ts"], { env, stdio: "ignore", detached: true });
  for (let i = 0; i < 120; i += 1) {
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the registration journey's server did not start");
});

test.afterAll(async () => {
  // The server runs in its own process group (detached): end the group, which is ours alone.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

test("an organiser prepares and downloads the registration pack", async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.addCookies([{ name: "breakaway_session", value: token, url: base }]);

  await page.goto(`${base}/registration/documents`);
  await expect(page.getByRole("heading", { name: "Registration documents", level: 1 })).toBeVisible();
  for (const name of ["Application summary", "Officer sheets", "Constitution", "Financial scheme", "Assets and liabilities declaration", "Founding record", "Readiness checklist"]) {
    await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
  }

  // Prepare the pack in the background; the page says when it is ready.
  await page.getByRole("button", { name: "Prepare the pack now" }).click();
  await expect(page.getByRole("status")).toContainText("ready", { timeout: 120_000 });

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "The whole pack as one PDF" }).click()]);
  const pdfFile = await pdf.path();
  const text = pdfText(pdfFile);
  expect(text).toContain("Browser Test Party");
  for (const role of ["Leader", "Nominating officer", "Treasurer"]) expect(text).toContain(role);
  // Every clause of the adopted (model) constitution, and the election results with their hashes.
  const titles = execFileSync("sh", ["-c", "grep -h '^title:' constitution/clauses/*.md"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((l) => l.replace(/^title:\s*/, "").replace(/^"|"$/g, ""));
  expect(titles.length).toBe(40);
  for (const title of titles) expect(text, title).toContain(title);
  for (const [office, member] of [["Leader", 1], ["Nominating officer", 2], ["Treasurer", 3]] as const) expect(text).toContain(`${office} Founder ${member}`);
  expect(text).toMatch(/Chain head \(verification hash\): [0-9a-f]{64}/);

  const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "The whole pack as a zip of separate PDFs" }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  expect(Object.keys(files)).toHaveLength(7);
});
