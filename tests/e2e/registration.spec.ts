import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import postgres from "postgres";
import sharp from "sharp";
import { violations } from "./axe";

/**
 * The registration journey, from an adopted constitution and declared officers to a downloaded pack.
 *
 * Getting to "adopted and declared" through the pages takes a dozen members voting on 40 clauses
 * and three elections (the-road.spec.ts walks that road, minutes long), and the shared e2e server
 * holds the demo movement, which is still campaigning. So this journey runs its own server on its
 * own database, seeded through the server's own code (tests/e2e/registration-seed.ts: drafting,
 * the voting round, the adoption vote, nominations, ballots, counts, declarations), and signs the
 * organiser and the three officers in with sessions made by that seed instead of emailed links.
 * Everything after that is the browser, as people would use it: the organiser fills the details,
 * uploads an emblem and the list of registered names, and reads the readiness checks; each officer
 * gives their own details and confirms their declaration; the organiser edits the financial
 * scheme, prepares the pack and downloads it. Every registration page visited passes axe's
 * WCAG 2.2 AA rules.
 */

const port = Number(process.env.E2E_PORT ?? "3100") + 7;
const base = `http://127.0.0.1:${port}`;
const serverUrl = process.env.TEST_DATABASE_URL;
const dbName = `breakaway_e2e_registration_${port}`;
let server: ChildProcess | null = null;
let dataDir: string | null = null;
type SeededOfficer = { role: string; title: string; name: string; email: string; userId: string; token: string };
let seeded: { token: string; officers: SeededOfficer[] } = { token: "", officers: [] };

function databaseUrl(): string {
  const url = new URL(serverUrl ?? "");
  url.pathname = `/${dbName}`;
  return url.toString();
}

test.beforeAll(async () => {
  test.setTimeout(420_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: base,
    DEMO_MODE: "false",
    SMTP_URL: "",
    APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString("hex"),
  };
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
  const out = execFileSync("npx", ["tsx", "tests/e2e/registration-seed.ts"], { env, encoding: "utf8", timeout: 180_000 });
  seeded = JSON.parse(out.trim().split("\n").pop() ?? "{}") as typeof seeded;
  expect(seeded.officers).toHaveLength(3);
  // On PostgreSQL, through HAProxy in front of two app servers, as in production (issue 16).
  server = serverUrl
    ? spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
        env: { ...env, E2E_PORT: String(port), E2E_DATABASE_URL: env.DATABASE_URL, E2E_DEMO_MODE: "false", E2E_APP_PORT_BASE: String(port + 20) },
        stdio: "ignore",
        detached: true,
      })
    : spawn("npx", ["tsx", "server.ts"], { env, stdio: "ignore", detached: true });
  for (let i = 0; i < 360; i += 1) {
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
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

/** The text of each page of a PDF (pdftotext ends every page with a form feed). */
function pdfPages(file: string): string[] {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\f")
    .map((p) => p.replace(/\s+/g, " ").trim());
}

/** Every registration page passes axe's WCAG 2.2 AA rules as the person sees it. */
async function expectAccessible(page: Page) {
  expect(await violations(page), page.url()).toEqual([]);
}

const signedIn = async (browser: Browser, sessionToken: string, options: { javaScriptEnabled?: boolean } = {}) => {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  await context.addCookies([{ name: "breakaway_session", value: sessionToken, url: base }]);
  return context;
};

/** One section of the details page: a region named by its heading, with its own form. */
const section = (page: Page, title: string) => page.getByRole("region", { name: title });

async function saveSection(page: Page, title: string) {
  await section(page, title).getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `))).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "There is a problem" })).toHaveCount(0);
}

const PARTY = "Browser Test Party";
const SCHEME_SENTENCE = "The treasurer reports the accounts to every member at a public meeting each quarter.";
const address = (i: number) => `${i + 11} Quiet Lane, Hometown HT${i + 1} 9ZZ`;

test("without JavaScript, a details section still saves", async ({ browser }) => {
  const context = await signedIn(browser, seeded.token, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/registration/details`);
  await expect(page.getByRole("heading", { name: "Application details", level: 1 })).toBeVisible();
  const thirdParty = section(page, "Third-party status");
  await thirdParty.getByRole("checkbox", { name: /not a recognised third party/ }).check();
  await thirdParty.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/saved=third-party/);
  await expect(page.getByText(/^Third-party status: /)).toBeVisible();
  await expect(section(page, "Third-party status").getByRole("checkbox", { name: /not a recognised third party/ })).toBeChecked();
  await context.close();
});

test("from an adopted constitution and declared officers to a downloaded registration pack", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await signedIn(browser, seeded.token);
  const page = await context.newPage();

  // 1. The organiser: the hub, then the details section by section.
  await page.goto(`${base}/registration`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Readiness checks", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Application details", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Application details", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const register = section(page, "Register and nations");
  await register.getByRole("radio", { name: "Great Britain" }).check();
  await register.getByRole("checkbox", { name: "England" }).check();
  await saveSection(page, "Register and nations");

  const type = section(page, "Type of party");
  await type.getByRole("radio", { name: /A full party/ }).check();
  await type.getByRole("checkbox", { name: /intends to field at least one candidate/ }).check();
  await saveSection(page, "Type of party");

  // A name of seven words saves as a draft; the word count says it is one too many, and the
  // readiness checks fail it below.
  const tooLong = "The Very Long Browser Test Party Name";
  await section(page, "The party's name").getByRole("textbox", { name: "The party's name" }).fill(tooLong);
  await saveSection(page, "The party's name");
  await expect(section(page, "The party's name").getByText("7 words (at most 6): 1 too many")).toBeVisible();

  // A mistyped email address: the error summary links to the field, which keeps what was typed.
  const hq = section(page, "Headquarters and contacts");
  await hq.getByRole("textbox", { name: "Address line 1" }).fill("PO Box 42");
  await hq.getByRole("textbox", { name: "Town or city" }).fill("Leeds");
  await hq.getByRole("textbox", { name: "Postcode" }).fill("LS1 1AA");
  await hq.getByRole("radio", { name: "No" }).check();
  await hq.getByRole("textbox", { name: "Contact email address" }).fill("contact at example.org");
  await hq.getByRole("textbox", { name: "Contact telephone number" }).fill("0113 496 0000");
  await hq.getByRole("button", { name: "Save and continue" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeVisible();
  await expectAccessible(page);
  const email = section(page, "Headquarters and contacts").getByRole("textbox", { name: "Contact email address" });
  await expect(email).toHaveValue("contact at example.org");
  await expect(section(page, "Headquarters and contacts").getByRole("textbox", { name: "Postcode" })).toHaveValue("LS1 1AA");
  await summary.getByRole("link", { name: /Enter an email address in the correct format/ }).click();
  await expect(email).toBeFocused();
  await email.fill("contact@example.org");
  await saveSection(page, "Headquarters and contacts");

  await section(page, "Accounting units").getByRole("radio", { name: "No" }).check();
  await saveSection(page, "Accounting units");

  const year = section(page, "Financial year");
  await year.getByRole("textbox", { name: "Day" }).fill("31");
  await year.getByRole("textbox", { name: "Month" }).fill("12");
  await saveSection(page, "Financial year");

  await section(page, "Assets and liabilities")
    .getByRole("radio", { name: /Yes: assets and liabilities/ })
    .check();
  await saveSection(page, "Assets and liabilities");

  // The emblem: a greyscale picture, cropped close, made here.
  const dir = mkdtempSync(path.join(os.tmpdir(), "breakaway-emblem-"));
  const emblemFile = path.join(dir, "emblem.png");
  const size = 160;
  const pixels = Buffer.alloc(size * size);
  for (let y = 0; y < size; y += 1) for (let x = 0; x < size; x += 1) pixels[y * size + x] = (Math.floor(x / 20) + Math.floor(y / 20)) % 2 === 0 ? 20 : 120;
  await sharp(pixels, { raw: { width: size, height: size, channels: 1 } })
    .png()
    .toFile(emblemFile);
  await page.goto(`${base}/registration/emblems`);
  await expect(page.getByRole("heading", { name: "Emblems", level: 1 })).toBeVisible();
  const emblem = page.getByRole("region", { name: "Emblem 1" });
  await emblem.getByLabel("Upload emblem 1").setInputFiles(emblemFile);
  await emblem.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("The emblem is uploaded and inspected.")).toBeVisible({ timeout: 20_000 });
  await expect(emblem.getByText("Black and white or greyscale.")).toBeVisible();
  await emblem.getByRole("group", { name: "Does the emblem have a picture?" }).getByRole("radio", { name: "Yes" }).check();
  await emblem.getByRole("group", { name: "Does it have any lettering?" }).getByRole("radio", { name: "No" }).check();
  await emblem.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByText("Your answers about the emblem are saved.")).toBeVisible();
  await expectAccessible(page);
  rmSync(dir, { recursive: true, force: true });

  // The registered names: one of them close to the party's name.
  await page.goto(`${base}/registration/names`);
  await expect(page.getByRole("heading", { name: "Names already registered", level: 1 })).toBeVisible();
  await page.getByLabel("CSV file of registered party names").setInputFiles({
    name: "registered.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,register\nBrowser Tests Party,Great Britain\nGreen Meadow Alliance,Great Britain\nHarbour Folk Party,Northern Ireland\n"),
  });
  await page.getByRole("button", { name: "Load the list" }).click();
  await expect(page.getByText(/^3 names loaded from/)).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);

  // Readiness: the similar name is a warning; what still fails links to where to fix it.
  await page.goto(`${base}/registration/readiness`);
  await expect(page.getByRole("heading", { name: "Readiness checks", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const checks = page.getByRole("listitem");
  const nameTooLong = checks.filter({ hasText: "It has 7 words; the limit is 6." });
  await expect(nameTooLong).toContainText("Fail:");
  await nameTooLong.getByRole("link", { name: /Change the application details/ }).click();
  await expect(page).toHaveURL(/\/registration\/details#name$/);
  await section(page, "The party's name").getByRole("textbox", { name: "The party's name" }).fill(PARTY);
  await saveSection(page, "The party's name");
  await page.goto(`${base}/registration/readiness`);
  await expect(nameTooLong).toHaveCount(0);
  const similar = checks.filter({ hasText: "not like a registered party's name" }).filter({ hasText: "Browser Tests Party" });
  await expect(similar.first()).toContainText("Warning:");
  await expect(similar.first().getByRole("link")).toBeVisible();
  const fails = checks.filter({ hasText: "Fail:" });
  expect(await fails.count()).toBeGreaterThan(0);
  for (const fail of await fails.all()) await expect(fail.getByRole("link")).toHaveCount(1);
  for (const officer of seeded.officers) {
    await expect(checks.filter({ hasText: `${officer.name}: own details` })).toContainText("Fail:");
    await expect(checks.filter({ hasText: `${officer.name}: declaration as` }).first()).toContainText("Fail:");
  }

  // 2. Each officer gives their own details and confirms their declaration.
  const officerPages: Page[] = [];
  for (const [i, officer] of seeded.officers.entries()) {
    const own = await (await signedIn(browser, officer.token)).newPage();
    officerPages.push(own);
    await own.goto(`${base}/registration/officer`);
    await expect(own.getByRole("heading", { name: "Your details" })).toBeVisible();
    await own.getByRole("textbox", { name: "Full name" }).fill(`Browser Officer ${i + 1}`);
    await own.getByRole("textbox", { name: "Home address" }).fill(address(i));
    await own.getByRole("textbox", { name: "Your own email address" }).fill(officer.email);
    const declarations = own.getByRole("checkbox", { name: /I confirm my declaration as/ });
    await expect(declarations).toHaveCount(1);
    await expect(declarations).toHaveAccessibleName(`I confirm my declaration as ${officer.title.toLowerCase()}`);
    await declarations.check();
    await own.getByRole("button", { name: "Save and continue" }).click();
    await expect(own.getByText("Your details and declarations are saved.")).toBeVisible({ timeout: 20_000 });
    await expect(own.getByRole("textbox", { name: "Home address" })).toHaveValue(address(i));
    if (i === 0) await expectAccessible(own);
  }
  // An officer sees only their own details, even when asking for another's.
  const [leaderPage] = officerPages;
  const treasurer = seeded.officers.find((o) => o.role === "treasurer")!;
  for (const url of [`${base}/registration/officer`, `${base}/registration/officer?person=${treasurer.userId}`]) {
    await leaderPage!.goto(url);
    await expect(leaderPage!.getByRole("textbox", { name: "Home address" })).toHaveValue(address(0));
    await expect(leaderPage!.locator("body")).not.toContainText(address(2));
    await expect(leaderPage!.locator("body")).not.toContainText("Browser Officer 3");
    await expect(leaderPage!.getByRole("heading", { name: "Every officer's progress" })).toHaveCount(0);
  }
  for (const p of officerPages) await p.context().close();

  // 3. The organiser again: the officers' checks pass now.
  await page.goto(`${base}/registration/readiness`);
  for (const officer of seeded.officers) {
    await expect(checks.filter({ hasText: `${officer.name}: own details` })).toContainText("Pass:");
    await expect(checks.filter({ hasText: `${officer.name}: declaration as` }).first()).toContainText("Pass:");
  }

  // The financial scheme: one sentence added, saved.
  await page.goto(`${base}/registration/financial-scheme`);
  await expect(page.getByRole("heading", { name: "Financial scheme", level: 1 })).toBeVisible();
  const scheme = page.getByRole("textbox", { name: "Text of the financial scheme" });
  const generated = await scheme.inputValue();
  expect(generated.length).toBeGreaterThan(200);
  await scheme.fill(`${generated.trimEnd()}\n\n${SCHEME_SENTENCE}\n`);
  await page.getByRole("button", { name: "Save the financial scheme" }).click();
  await expect(page.getByText("The financial scheme has been saved.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("region", { name: "How it will read" })).toContainText(SCHEME_SENTENCE);
  await expectAccessible(page);

  // The documents: prepare the pack, download it as one PDF and as a zip.
  await page.goto(`${base}/registration/documents`);
  await expect(page.getByRole("heading", { name: "Registration documents", level: 1 })).toBeVisible();
  for (const name of [
    "Application summary",
    "Officer sheets",
    "Constitution",
    "Financial scheme",
    "Assets and liabilities declaration",
    "Founding record",
    "Readiness checklist",
  ]) {
    await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
  }
  await page.getByRole("button", { name: "Prepare the pack now" }).click();
  // Not "ready" alone: the status before the click ends "download it when it is ready".
  await expect(page.getByRole("status")).toHaveText("The pack is ready: downloads start at once.", { timeout: 120_000 });
  await expectAccessible(page);

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "The whole pack as one PDF" }).click()]);
  const pdfFile = await pdf.path();
  const text = pdfText(pdfFile);
  expect(text).toContain(PARTY);
  for (const role of ["Leader", "Nominating officer", "Treasurer"]) expect(text).toContain(role);
  // Every clause of the adopted (model) constitution, and the election results with their hashes.
  const titles = execFileSync("sh", ["-c", "grep -h '^title:' constitution/clauses/*.md"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((l) => l.replace(/^title:\s*/, "").replace(/^"|"$/g, ""));
  expect(titles.length).toBe(40);
  for (const title of titles) expect(text, title).toContain(title);
  for (const [office, member] of [
    ["Leader", 1],
    ["Nominating officer", 2],
    ["Treasurer", 3],
  ] as const)
    expect(text).toContain(`${office} Founder ${member}`);
  expect(text).toMatch(/Chain head \(verification hash\): [0-9a-f]{64}/);
  // The edited financial scheme is the one in the pack.
  expect(text).toContain(SCHEME_SENTENCE);
  // Each home address is printed once, on that officer's own sheet, and nowhere else.
  const pages = pdfPages(pdfFile);
  for (const i of seeded.officers.keys()) {
    const where = pages.flatMap((p, n) => (p.includes(address(i)) ? [n] : []));
    expect(where, address(i)).toHaveLength(1);
    expect(pages[where[0]!]).toContain(`Officer: Browser Officer ${i + 1}`);
    expect(pages[where[0]!]).toContain("Signed by the officer:");
  }

  const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "The whole pack as a zip of separate PDFs" }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  expect(Object.keys(files)).toHaveLength(7);
  await context.close();
});
