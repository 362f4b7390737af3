import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { asc, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { campaignFigures, rebuildCounts } from "../../app/modules/pledges/counts.server";
import { BATCH_SIZE, createImportPreview, getImportPreview, getImportSummary, restartImport, runImport } from "../../app/modules/pledges/import.server";
import { grantRole } from "../../app/modules/users/users.server";
import { buildRequestContext } from "../../app/http/request-context.server";
import { parseEnv } from "../../app/utils/env.server";
import { auditLog, pledgeDailyCounts, pledgeImports, pledges } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { describedBy, errorLine } from "../support/error-lines";
import { sendWhileLocked } from "../support/locks";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const BASE = "http://localhost:3000";
const onServer = Boolean(process.env.TEST_DATABASE_URL);
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let handler: ReturnType<typeof createRequestHandler>;
let organiser = "";
let member = "";
const actor = { id: null, label: "test organiser" };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  handler = createRequestHandler(build, "production");
  await grantRole(database.db, { email: "organiser@example.org", role: "organiser", actor: systemActor() });
  await grantRole(database.db, { email: "member@example.org", role: "member", actor: systemActor() });
  organiser = await cookieFor(database.db, "organiser@example.org");
  member = await cookieFor(database.db, "member@example.org");
});
afterAll(() => database.drop());

const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n") + "\n";
const header = [
  "Full name",
  "Email",
  "Postcode",
  "Membership status",
  "Membership number",
  "Monthly subscription",
  "Consent to contact",
  "Privacy consent",
  "Confirmed",
];

/** A multipart upload through the built app, as a browser posts the form (the harness only posts URL-encoded forms). */
async function upload(cookie: string | null, fileName: string, content: string | Uint8Array<ArrayBuffer>): Promise<Response> {
  const form = new FormData();
  form.append("file", new File([content], fileName, { type: "text/csv" }));
  const headers = new Headers({ Host: "localhost:3000", Origin: BASE });
  if (cookie) headers.set("Cookie", cookie);
  const parsed = parseEnv({ DEMO_MODE: "true", APP_URL: BASE });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const { context } = await buildRequestContext({ db: database.db, env: parsed.env }, { cookieHeader: cookie ?? undefined, ip: "192.0.2.1", secure: false });
  return handler(new Request(`${BASE}/campaign/import?index`, { method: "POST", headers, body: form }), context);
}

async function importFile(fileName: string, text: string, options: { alreadyConfirmed?: boolean; mapping?: Record<string, string> } = {}) {
  const preview = await createImportPreview(database.db, actor, { fileName, fileText: text });
  if (!preview.ok) throw new Error(preview.code);
  const result = await runImport(database.db, actor, preview.importId, { ...preview.preview.mapping, ...options.mapping }, options.alreadyConfirmed ?? false);
  if (!result.ok) throw new Error(result.code);
  return { ...result, preview: preview.preview };
}

async function pledgeByEmail(email: string) {
  const [row] = await database.db.select().from(pledges).where(eq(pledges.email, email));
  return row;
}

async function snapshot() {
  const rows = await database.db.select().from(pledges).orderBy(asc(pledges.email));
  const counts = await database.db
    .select()
    .from(pledgeDailyCounts)
    .orderBy(asc(pledgeDailyCounts.day), asc(pledgeDailyCounts.region), asc(pledgeDailyCounts.relation));
  return { rows, counts };
}

/** The totals as recomputed from the pledges themselves: what the running totals must equal. */
async function recomputedFigures() {
  let figures: Awaited<ReturnType<typeof campaignFigures>> | null = null;
  await database.db
    .transaction(async (tx) => {
      await rebuildCounts(tx);
      figures = await campaignFigures(tx);
      throw new Error("roll back");
    })
    .catch(() => {});
  if (!figures) throw new Error("no figures");
  return figures as Awaited<ReturnType<typeof campaignFigures>>;
}

describe("merging", () => {
  it("merges duplicates within the file and with pledges already held; what we hold wins, blanks are filled, nothing is downgraded", async () => {
    await database.db.insert(pledges).values([
      {
        name: "Held Unconfirmed",
        email: "held1@example.org",
        postcode: "G1 1AA",
        region: "Scotland",
        relation: "member",
        consentContact: false,
        consentDataUse: true,
        consentVersion: "form-1",
      },
      {
        name: "Held Confirmed",
        email: "held2@example.org",
        postcode: "EH1 1YZ",
        region: "Scotland",
        relation: "member",
        membershipNumber: "KEEP",
        consentContact: true,
        consentDataUse: true,
        consentVersion: "form-1",
        confirmedAt: new Date("2026-01-01T10:00:00Z"),
      },
    ]);
    await rebuildCounts(database.db);
    const before = await campaignFigures(database.db);

    const text = csv([
      header,
      ["New Person", "new1@example.org", "SW1A 1AA", "member", "", "", "yes", "yes", ""],
      ["New Person Again", "NEW1@example.org", "SW1A 1AA", "member", "N1", "£5.00", "yes", "yes", "2026-02-01"],
      ["Renamed", "held1@example.org", "CF10 1AA", "member", "H1", "£3.00", "yes", "yes", "2026-02-02"],
      ["Renamed Too", "held2@example.org", "CF10 1AA", "member", "OTHER", "£7.00", "no", "yes", "no"],
    ]);
    const result = await importFile("merge.csv", text);
    expect(result).toMatchObject({ rows: 4, inserted: 1, merged: 3, errors: 0 });

    const created = await pledgeByEmail("new1@example.org");
    expect(created).toMatchObject({
      name: "New Person",
      relation: "member",
      membershipNumber: "N1",
      monthlySubscriptionPence: 500,
      confirmedAt: new Date("2026-02-01T00:00:00Z"),
      consentVersion: "import:merge.csv",
      importId: result.importId,
    });
    const held1 = await pledgeByEmail("held1@example.org");
    // Name, postcode and consents stay as held; the confirmation and the blanks come in.
    expect(held1).toMatchObject({
      name: "Held Unconfirmed",
      postcode: "G1 1AA",
      relation: "member",
      membershipNumber: "H1",
      monthlySubscriptionPence: 300,
      consentContact: false,
    });
    expect(held1?.confirmedAt).toEqual(new Date("2026-02-02T00:00:00Z"));
    const held2 = await pledgeByEmail("held2@example.org");
    expect(held2).toMatchObject({ name: "Held Confirmed", membershipNumber: "KEEP", monthlySubscriptionPence: 700, consentContact: true });
    expect(held2?.confirmedAt).toEqual(new Date("2026-01-01T10:00:00Z"));

    const after = await campaignFigures(database.db);
    expect(after.pledged - before.pledged).toBe(2);
    expect(after.subscriptionsPence - before.subscriptionsPence).toBe(500 + 300 + 700);
    expect(after).toEqual(await recomputedFigures());
  });
});

describe("awkward values", () => {
  it("stores names exactly, whatever quotes, backslashes, braces or words they hold", async () => {
    const names = [`O'Neill "Jr" \\ {x}, y`, "NULL", "Zoë Ñúñez", "  spaced   out  "];
    const text = csv([header, ...names.map((n, i) => [n, `awkward${i}@example.org`, "G1 1AA", "", "", "", "", "yes", ""])]);
    expect(await importFile("awkward.csv", text)).toMatchObject({ inserted: 4, errors: 0 });
    expect((await pledgeByEmail("awkward0@example.org"))?.name).toBe(names[0]);
    expect((await pledgeByEmail("awkward1@example.org"))?.name).toBe("NULL");
    expect((await pledgeByEmail("awkward2@example.org"))?.name).toBe("Zoë Ñúñez");
    expect((await pledgeByEmail("awkward3@example.org"))?.name).toBe("spaced out");
  });

  it("shows a subscription in the preview as people read money, the thousands grouped (£1,000 a month is the most a file may hold)", async () => {
    const text = csv([
      header,
      ["Ann", "rich@example.org", "G1 1AA", "member", "", "1000", "", "yes", ""],
      ["Bo", "five@example.org", "G1 1AA", "member", "", "5", "", "yes", ""],
    ]);
    const preview = await createImportPreview(database.db, actor, { fileName: "money.csv", fileText: text });
    if (!preview.ok) throw new Error(preview.code);
    const inPounds = await getImportPreview(database.db, preview.importId, {
      mapping: { ...preview.preview.mapping, subscriptionUnit: "pounds" },
      alreadyConfirmed: false,
    });
    expect(inPounds?.rows.map((r) => [r.kind, r.values.subscription])).toEqual([
      ["pledge", "£1,000.00"],
      ["pledge", "£5.00"],
    ]);
  });
});

describe("re-importing", () => {
  it("changes nothing when the same file comes again, and the preview says it was imported before", async () => {
    const rows = [header];
    for (let i = 0; i < 30; i++)
      rows.push([`Person ${i}`, `again${i}@example.org`, "LS1 1AA", i % 3 ? "member" : "supporter", `M${i}`, "4.50", "yes", "yes", i % 2 ? "2026-03-01" : ""]);
    rows.push(["Broken", "not-an-email", "LS1 1AA", "member", "", "", "yes", "yes", ""]);
    const text = csv(rows);
    const first = await importFile("again.csv", text);
    expect(first).toMatchObject({ inserted: 30, merged: 0, errors: 1 });
    const before = await snapshot();

    const preview = await createImportPreview(database.db, actor, { fileName: "again.csv", fileText: text });
    expect(preview.ok && preview.preview.alreadyImported?.importId).toBe(first.importId);
    if (!preview.ok) return;
    const second = await runImport(database.db, actor, preview.importId, preview.preview.mapping, false);
    expect(second).toMatchObject({ ok: true, inserted: 0, merged: 30, errors: 1 });
    expect(await snapshot()).toEqual(before);

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "pledges.imported")).orderBy(desc(auditLog.id)).limit(1);
    expect(audit?.details).toEqual({ rows: 31, inserted: 0, merged: 30, errors: 1, alreadyConfirmed: false });
  });
});

describe("counts", () => {
  it("moves the campaign totals for confirmed pledges only, withdrawn ones net of their withdrawal", async () => {
    const before = await campaignFigures(database.db);
    const text = csv([
      ["Name", "Email", "Postcode", "Relation", "Subscription", "Consent to hold data", "Confirmed", "Withdrawn"],
      ["A", "count-a@example.org", "M1 1AA", "member", "2.00", "yes", "2026-04-01", ""],
      ["B", "count-b@example.org", "M1 1AA", "member", "3.00", "yes", "", ""],
      ["C", "count-c@example.org", "B1 1AA", "former member", "", "yes", "2026-04-02", "2026-04-03"],
      ["D", "count-d@example.org", "B1 1AA", "supporter", "", "yes", "yes", ""],
    ]);
    const result = await importFile("counts.csv", text);
    expect(result).toMatchObject({ inserted: 4, merged: 0, errors: 0 });
    const after = await campaignFigures(database.db);
    expect(after.pledged - before.pledged).toBe(2);
    expect(after.withdrawn - before.withdrawn).toBe(1);
    expect(after.byRelation.member - before.byRelation.member).toBe(1);
    expect(after.byRelation.supporter - before.byRelation.supporter).toBe(1);
    expect(after.subscriptionsPence - before.subscriptionsPence).toBe(200);
    expect(after).toEqual(await recomputedFigures());

    // "Already confirmed": blank rows count from their sign-up date (or now), an explicit "no" does not.
    const ticked = csv([
      ["Name", "Email", "Postcode", "Consent", "Signed up", "Confirmed"],
      ["E", "count-e@example.org", "M1 1AA", "yes", "2026-05-01", ""],
      ["F", "count-f@example.org", "M1 1AA", "yes", "2026-05-01", "no"],
      ["B again", "count-b@example.org", "M1 1AA", "yes", "", ""],
    ]);
    const second = await importFile("ticked.csv", ticked, { alreadyConfirmed: true });
    expect(second).toMatchObject({ inserted: 2, merged: 1 });
    expect((await pledgeByEmail("count-e@example.org"))?.confirmedAt).toEqual(new Date("2026-04-30T23:00:00Z"));
    expect((await pledgeByEmail("count-f@example.org"))?.confirmedAt).toBeNull();
    expect((await pledgeByEmail("count-b@example.org"))?.confirmedAt).not.toBeNull();
    const last = await campaignFigures(database.db);
    expect(last.pledged - after.pledged).toBe(2);
    expect(last.subscriptionsPence - after.subscriptionsPence).toBe(300);
    expect(last).toEqual(await recomputedFigures());
  });
});

describe("runs that stop", () => {
  it("shows a run older than 10 minutes as stopped and carries on from where it got to", async () => {
    const rows = [header];
    for (let i = 0; i < BATCH_SIZE + 500; i++) rows.push([`Stop ${i}`, `stop${i}@example.org`, "BS1 1AA", "supporter", "", "", "no", "yes", ""]);
    const preview = await createImportPreview(database.db, actor, { fileName: "stop.csv", fileText: csv(rows) });
    if (!preview.ok) throw new Error(preview.code);
    // As if a server had claimed it, done the first batch's bookkeeping, and died 11 minutes ago.
    await database.db
      .update(pledgeImports)
      .set({
        status: "running",
        mapping: preview.preview.mapping,
        createdAt: new Date(Date.now() - 11 * 60_000),
        processedRows: BATCH_SIZE,
        merged: BATCH_SIZE,
      })
      .where(eq(pledgeImports.id, preview.importId));
    expect((await getImportSummary(database.db, preview.importId))?.state).toBe("stalled");

    const restarted = await restartImport(database.db, actor, preview.importId);
    if (!restarted.ok) throw new Error(restarted.code);
    expect(await restarted.finished).toMatchObject({ ok: true, inserted: 500, merged: BATCH_SIZE, errors: 0 });
    expect(await pledgeByEmail("stop0@example.org")).toBeUndefined();
    expect(await pledgeByEmail(`stop${BATCH_SIZE}@example.org`)).toBeDefined();
    expect(await runImport(database.db, actor, preview.importId, preview.preview.mapping, false)).toEqual({ ok: false, code: "already_done" });
  });

  it("refuses to start without the columns it needs", async () => {
    const preview = await createImportPreview(database.db, actor, { fileName: "who.csv", fileText: "Who,Where\nAnn,Leeds\n" });
    if (!preview.ok) throw new Error(preview.code);
    const result = await runImport(database.db, actor, preview.importId, preview.preview.mapping, false);
    expect(result).toMatchObject({ ok: false, code: "mapping_incomplete" });
    expect((await getImportSummary(database.db, preview.importId))?.state).toBe("preview");
  });
});

describe("through the pages", () => {
  it("uploads, previews, re-maps, imports, shows progress and serves the rows with problems", async () => {
    const text = csv([
      ["Export of sign-ups, 1 November"],
      ["Given name", "Family name", "E-mail", "Where (postcode)", "Privacy", "Member?"],
      ["Pat", "Page", "pat@example.org", "NE1 1AA", "yes", "member"],
      ["Quinn", "Page", "quinn@example.org", "ZZ1 1ZZ", "yes", "member"],
      ["Robin", "Page", "robin@example.org", "NE1 1AA", "no", "supporter"],
      ["=cmd()", "X", "sam@example.org", "", "yes", "supporter"],
    ]);
    const uploaded = await upload(organiser, "signups.csv", text);
    expect(uploaded.status).toBe(302);
    const location = uploaded.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/campaign\/import\?import=[0-9a-f-]{36}$/);
    const importId = location.split("=")[1]!;

    const page = await app.request(location, { cookie: organiser });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Check how the file will be read");
    expect(html).toContain("Before you can start");
    expect(html).toContain('<label class="label" for="map-email">Email address</label>');

    const preview = await getImportPreview(database.db, importId);
    expect(preview?.mapping).toMatchObject({ firstName: "0", lastName: "1", email: "2", postcode: "", consentDataUse: "4" });
    const form: Record<string, string> = { importId, subscriptionUnit: "pounds" };
    for (const [k, v] of Object.entries(preview?.mapping ?? {})) if (k !== "subscriptionUnit") form[k] = v;

    // Starting without a postcode column is refused, with the error linked to its select.
    const refused = await app.request("/campaign/import?index", { cookie: organiser, form: { ...form, intent: "start" } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('href="#map-postcode"');

    const updated = await app.request("/campaign/import?index", { cookie: organiser, form: { ...form, postcode: "3", relation: "5", intent: "preview" } });
    expect(updated.status).toBe(200);
    expect(await updated.text()).toContain("NE1 1AA");

    const started = await app.request("/campaign/import?index", { cookie: organiser, form: { ...form, postcode: "3", relation: "5", intent: "start" } });
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe(`/campaign/imports/${importId}`);

    for (let i = 0; i < 100 && (await getImportSummary(database.db, importId))?.state !== "done"; i++) await new Promise((r) => setTimeout(r, 50));
    const progress = await app.request(`/campaign/imports/${importId}`, { cookie: organiser });
    const progressHtml = await progress.text();
    expect(progressHtml).toContain("Import finished");
    expect(progressHtml).toMatch(/<progress[^>]*max="4"[^>]*value="4"/);
    expect(progressHtml).toContain(`/campaign/imports/${importId}/errors.csv`);
    expect(progressHtml).not.toContain('http-equiv="refresh"');

    const errors = await app.request(`/campaign/imports/${importId}/errors.csv`, { cookie: organiser });
    expect(errors.status).toBe(200);
    expect(errors.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(errors.headers.get("Content-Disposition")).toMatch(/^attachment; filename="import-problems-/);
    const body = await errors.text();
    const lines = body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("Line,Problem,Given name,Family name,E-mail,Where (postcode),Privacy,Member?");
    expect(lines[1]).toBe("4,Where (postcode): We do not recognise the area of this postcode,Quinn,Page,quinn@example.org,ZZ1 1ZZ,yes,member");
    // No agreement to keep their details: listed by line only.
    expect(lines[2]).toMatch(/^5,"Privacy: They did not agree[^"]*",\(details left out/);
    expect(body).not.toContain("robin@example.org");
    // A would-be formula is defused.
    expect(lines[3]).toBe("6,Where (postcode): No postcode,'=cmd(),X,sam@example.org,,yes,supporter");
    expect(lines).toHaveLength(4);
    expect(await pledgeByEmail("pat@example.org")).toMatchObject({ name: "Pat Page", region: "North East", relation: "member", confirmedAt: null });

    const downloads = await database.db.select().from(auditLog).where(eq(auditLog.action, "pledges.import_errors_downloaded"));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.details).toEqual({ rows: 3 });
    expect(JSON.stringify(downloads[0])).not.toMatch(/quinn|Quinn|sam@example/);
  });

  it.skipIf(!onServer)("says beside the Start button why an import could not start, when it went while being started", async () => {
    const preview = await createImportPreview(database.db, actor, {
      fileName: "gone.csv",
      fileText: csv([header, ["Ann", "gone@example.org", "G1 1AA", "member", "", "", "yes", "yes", ""]]),
    });
    if (!preview.ok) throw new Error(preview.code);
    const { importId } = preview;
    const form: Record<string, string> = { importId, subscriptionUnit: "pounds", intent: "start" };
    for (const [k, v] of Object.entries(preview.preview.mapping)) if (k !== "subscriptionUnit") form[k] = String(v);
    // The import is removed while the start waits for its row: the start then finds it gone.
    const refused = await sendWhileLocked(
      database.db,
      (tx) => tx.delete(pledgeImports).where(eq(pledgeImports.id, importId)),
      () => app.request("/campaign/import?index", { cookie: organiser, form }),
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(errorLine(page, "start")).toBe("There is no such import");
    expect(describedBy(page, "start")).toEqual(["start-error"]);
    expect(page).toContain('href="#start"');
  });

  it("shows progress that refreshes itself without JavaScript while running", async () => {
    const preview = await createImportPreview(database.db, actor, {
      fileName: "slow.csv",
      fileText: csv([header, ["A", "slow@example.org", "G1 1AA", "", "", "", "", "yes", ""]]),
    });
    if (!preview.ok) throw new Error(preview.code);
    await database.db
      .update(pledgeImports)
      .set({ status: "running", createdAt: new Date(), totalRows: 10, processedRows: 4 })
      .where(eq(pledgeImports.id, preview.importId));
    const html = await (await app.request(`/campaign/imports/${preview.importId}`, { cookie: organiser })).text();
    expect(html).toContain("Importing pledges");
    expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="2"\/?><\/noscript>/);
    expect(html).toContain("4 of 10 rows (40%)");
    await database.db.update(pledgeImports).set({ status: "failed" }).where(eq(pledgeImports.id, preview.importId));
    const stopped = await (await app.request(`/campaign/imports/${preview.importId}`, { cookie: organiser })).text();
    expect(stopped).toContain("Run the import again");
  });

  it("explains uploads it cannot use", async () => {
    const spreadsheet = await upload(organiser, "pledges.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(spreadsheet.status).toBe(400);
    expect(await spreadsheet.text()).toContain("This is a spreadsheet file, not a CSV");
    const empty = await upload(organiser, "empty.csv", "");
    expect(await empty.text()).toContain("Choose a CSV file to upload");
    const unreadable = await upload(organiser, "bad.csv", 'Name,Email\n"Ann,ann@example.org\n');
    expect(await unreadable.text()).toContain("could not be read as CSV");
    const big = await upload(organiser, "big.csv", "a".repeat(30 * 1024 * 1024 + 10));
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("The file is bigger than 30 MB");
  });

  it("refuses hostile files with a message on the form, stores nothing and logs nothing of them (issue 13)", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(pledgeImports);
    const logged: string[] = [];
    const spies = (["error", "log", "warn", "info"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))),
    );
    try {
      const wide = await upload(organiser, "wide.csv", `${"x,".repeat(1_000_000)}x\nann@example.org\n`);
      expect(wide.status).toBe(400);
      expect(await wide.text()).toContain("The file has more than 500 columns");
      const long = await upload(organiser, "long.csv", `${csv([header])}Ann,${"a".repeat(70_000)}\n`);
      expect(long.status).toBe(400);
      expect(await long.text()).toContain("longer than 65,536 characters");
      const rows = await upload(organiser, "rows.csv", `Name,Email\n${"A,a@b.cd\n".repeat(250_001)}`);
      expect(rows.status).toBe(400);
      expect(await rows.text()).toContain("The file has more than 250,000 rows");
      const secret = csv([header, ["Nora Nul-Secret", "nora.secret@example.org", "SW1A 1AA", "member", "", "", "yes", "yes", "yes"]]);
      const nul = await upload(organiser, "nul.csv", `${secret}\u0000\n`);
      expect(nul.status).toBe(400);
      expect(await nul.text()).toContain("This file is not a CSV text file");
      // The same bytes read as Windows-1252 (a file that is not UTF-8) are refused the same way.
      const binary = await upload(organiser, "binary.csv", new Uint8Array([...new TextEncoder().encode(secret), 0xff, 0x00, 0x01]));
      expect(binary.status).toBe(400);
      expect(await binary.text()).toContain("This file is not a CSV text file");
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(pledgeImports);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(logged.join("\n")).not.toMatch(/nora|secret|sw1a/i);
  });

  it("answers a form that is not well formed with 400 and a sentence, never 500", async () => {
    const parsed = parseEnv({ DEMO_MODE: "true", APP_URL: BASE });
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    const { context } = await buildRequestContext({ db: database.db, env: parsed.env }, { cookieHeader: organiser, ip: "192.0.2.1", secure: false });
    const send = (contentType: string, body: string) =>
      handler(
        new Request(`${BASE}/campaign/import?index`, {
          method: "POST",
          headers: { Host: "localhost:3000", Origin: BASE, Cookie: organiser, "Content-Type": contentType },
          body,
        }),
        context,
      );
    const truncated = await send(
      "multipart/form-data; boundary=XyZ",
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nName,Email\nAnn',
    );
    expect(truncated.status).toBe(400);
    expect(await truncated.text()).toContain("The file did not arrive whole");
    const noBoundary = await send("multipart/form-data", "whatever");
    expect(noBoundary.status).toBe(400);
    expect(await noBoundary.text()).toContain("The file did not arrive whole");
    // Browsers send ; and = in a file name as they are; the name is kept as typed.
    const named = await upload(
      organiser,
      "pledges; final=v2.csv",
      csv([header, ["Ann", "ann.semicolon@example.org", "SW1A 1AA", "member", "", "", "yes", "yes", "yes"]]),
    );
    expect(named.status).toBe(302);
    const importId = named.headers.get("Location")!.split("=")[1]!;
    expect((await getImportSummary(database.db, importId))?.fileName).toBe("pledges; final=v2.csv");
  });
});

describe("export", () => {
  it("contains every pledge held, in the columns the import reads back, and nothing of erased pledges", async () => {
    await database.db.insert(pledges).values([
      {
        name: "Export Me",
        email: "export@example.org",
        postcode: "SW1A 1AA",
        region: "London",
        relation: "member",
        membershipNumber: "+EX1",
        monthlySubscriptionPence: 450,
        consentContact: true,
        consentDataUse: true,
        consentVersion: "pledge-2026-11",
        createdAt: new Date("2026-07-01T09:00:00Z"),
        confirmedAt: new Date("2026-07-01T10:00:00Z"),
      },
      {
        name: "Erased Person",
        email: "erased@example.org",
        postcode: "SW1A 1AA",
        region: "London",
        relation: "supporter",
        consentContact: false,
        consentDataUse: true,
        consentVersion: "pledge-2026-11",
        erasedAt: new Date(),
      },
    ]);
    const res = await app.request("/campaign/export.csv", { cookie: organiser });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="pledges-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A byte order mark, so that Excel reads the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe(
      "Name,Email,Postcode,Region,Relation,Membership number,Monthly subscription (£),Consent to contact,Consent to hold data,Consent version,Created (UK time),Confirmed (UK time),Withdrawn (UK time)",
    );
    expect(lines).toContain("Export Me,export@example.org,SW1A 1AA,London,Member,'+EX1,4.50,Yes,Yes,pledge-2026-11,2026-07-01 10:00:00,2026-07-01 11:00:00,");
    expect(text).not.toContain("erased@example.org");
    expect(text).not.toContain("Erased Person");
    const [{ n } = { n: 0 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(pledges)
      .where(sql`erased_at is null`);
    expect(lines).toHaveLength(n + 1);

    const exports = await database.db.select().from(auditLog).where(eq(auditLog.action, "pledges.exported"));
    expect(exports).toHaveLength(1);
    const [audit] = exports;
    expect(audit?.details).toEqual({ rows: n });
    expect(JSON.stringify(audit)).not.toMatch(/Export Me|export@example\.org|EX1/);
    expect(audit?.actorLabel).toBe("organiser@example.org");

    // Importing our own export changes nothing: every row is someone already held.
    const before = await snapshot();
    const back = await importFile("export.csv", text);
    expect(back).toMatchObject({ inserted: 0, merged: n, errors: 0 });
    expect(back.preview.mappingProblems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("who may", () => {
  const routes = async () => {
    const [done] = await database.db.select({ id: pledgeImports.id }).from(pledgeImports).where(eq(pledgeImports.status, "done")).limit(1);
    const [waiting] = await database.db.select({ id: pledgeImports.id }).from(pledgeImports).where(eq(pledgeImports.status, "preview")).limit(1);
    const id = done?.id ?? "";
    return {
      gets: [
        "/campaign/import",
        `/campaign/import?import=${waiting?.id ?? ""}`,
        `/campaign/imports/${id}`,
        `/campaign/imports/${id}/errors.csv`,
        "/campaign/export.csv",
      ],
      posts: [
        { path: "/campaign/import?index", form: { intent: "preview", importId: id } as Record<string, string> },
        { path: `/campaign/imports/${id}`, form: { intent: "restart" } as Record<string, string> },
      ],
    };
  };

  it("refuses members with 403 on every route, and writes nothing", async () => {
    const { gets, posts } = await routes();
    const auditBefore = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    for (const path of gets) {
      const res = await app.request(path, { cookie: member });
      expect(res.status, path).toBe(403);
    }
    for (const { path, form } of posts) expect((await app.request(path, { cookie: member, form })).status, path).toBe(403);
    const uploaded = await upload(member, "x.csv", csv([header, ["A", "member-upload@example.org", "G1 1AA", "", "", "", "", "yes", ""]]));
    expect(uploaded.status).toBe(403);
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)).toEqual(auditBefore);
  });

  it("sends visitors to sign in", async () => {
    const { gets, posts } = await routes();
    for (const path of gets) {
      const res = await app.request(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toMatch(/^\/login\?redirectTo=/);
    }
    for (const { path, form } of posts) {
      const res = await app.request(path, { form });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toMatch(/^\/login\?redirectTo=/);
    }
    const uploaded = await upload(null, "x.csv", "Name\nA\n");
    expect(uploaded.status).toBe(302);
  });

  it("gives organisers every page", async () => {
    const { gets } = await routes();
    for (const path of gets) expect((await app.request(path, { cookie: organiser })).status, path).toBe(200);
  });
});
