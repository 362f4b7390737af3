import { eq, inArray, sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { adoptedConstitutionRenders, constitutionPdf } from "../../app/modules/constitution/documents.server";
import { latestVersion } from "../../app/modules/constitution/round.server";
import { readOutline } from "../../app/modules/registration/pdf/merge.server";
import { flat, pdfInfo, pdfPages, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { financialSchemeState, resetFinancialScheme, saveFinancialScheme } from "../../app/modules/registration/financial-scheme.server";
import {
  clearPackCache,
  packRenders,
  packStatus,
  preparePack,
  renderAfterAdoption,
  renderPack,
  renderPackZip,
  STALE_AFTER_SECONDS,
} from "../../app/modules/registration/pack.server";
import { saveOfficerDetails } from "../../app/modules/registration/registration.server";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, movement, registrationDetails, registrationPacks, renderedDocuments, users } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { adoptedAndDeclared, OFFICERS } from "../support/registration-fixture";
import { freshVersion } from "../support/edit-version";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
let member = "";
let clauseTitles: string[] = [];

const PARTY = "Commonwealth Party";
const address = (i: number) => `${i + 10} Private Road, Testtown, TT${i} 1AA`;
const fullName = (i: number) => `Officer Fullname ${i + 1}`;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const { ids, emails } = await adoptedAndDeclared(database.db);
  await database.db.update(movement).set({ name: "Breakaway Test" });
  await database.db.insert(registrationDetails).values({
    id: 1,
    details: {
      register: "GB",
      nations: ["england", "wales"],
      partyType: "full",
      name: PARTY,
      descriptions: [{ text: "Commonwealth Party for Wales" }],
      financialYearEnd: "31-03",
      assetsWithinThreshold: false,
      assetsRecord: { cashAtBank: 1200, otherLoans: 300 },
      notThirdParty: true,
    },
  });
  for (const officer of OFFICERS) {
    const i = officer.member;
    const saved = await saveOfficerDetails(
      database.db,
      { id: ids[i]!, label: emails[i]! },
      { fullName: fullName(i), homeAddress: address(i), email: emails[i]!, confirm: [officer.role] },
    );
    if (!saved.ok) throw new Error(`officer details: ${saved.code}`);
  }
  for (const [role, email] of [
    ["organiser", "organiser@example.org"],
    ["member", "member@example.org"],
  ] as const)
    await grantRole(database.db, { email, role, actor: systemActor() });
  organiser = await cookieFor(database.db, "organiser@example.org");
  member = await cookieFor(database.db, "member@example.org");
  clauseTitles = (await latestVersion(database.db))!.clauses.map((c) => c.title);
}, 300_000);
afterAll(() => database.drop());

async function download(path: string, cookie = organiser) {
  const res = await app.request(path, { cookie });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("the registration pack over HTTP", () => {
  it("gives the whole pack as one PDF, with the party, every officer's role, every clause title and the election results", async () => {
    const { res, bytes } = await download("/registration/pack.pdf");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const text = flat(pdfText(bytes));
    expect(text).toContain(PARTY);
    for (const role of ["Leader", "Nominating officer", "Treasurer"]) expect(text).toContain(role);
    expect(clauseTitles.length).toBe(40);
    for (const title of clauseTitles) expect(text, title).toContain(title);
    // The election results: each office, who was elected, and the ballots' verification hash.
    expect(text).toContain("Founding record");
    for (const officer of OFFICERS) expect(text).toContain(`${officer.title} Founder ${officer.member + 1}`);
    expect(text).toMatch(/Chain head \(verification hash\): [0-9a-f]{64}/);
    // The cover lists each part with its pages in the pack; each part numbers its own pages, and the party is named at the top of every page.
    const pages = pdfPages(bytes).map(flat);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.every((p) => p.includes(PARTY))).toBe(true);
    const constitution = /Constitution \(pages (\d+) to (\d+)\)/.exec(pages[0]!);
    expect(constitution).not.toBeNull();
    const [first, last] = [Number(constitution![1]), Number(constitution![2])];
    expect(last - first).toBeGreaterThan(5);
    for (let n = first; n <= last; n += 1) expect(pages[n - 1], `page ${n}`).toContain(`Page ${n - first + 1} of ${last - first + 1}`);
    expect(pages[first - 1]).toContain(clauseTitles[0]);
    expect(pages.at(-1)).toMatch(/Page (\d+) of \1/);
    const info = pdfInfo(bytes);
    expect(info.Title).toContain(PARTY);
    expect(info.Author).toBe(PARTY);
  }, 240_000);

  it("bookmarks every clause under the constitution's bookmark, each opening the pack's page where the clause starts", async () => {
    const { bytes } = await download("/registration/pack.pdf");
    const pages = pdfPages(bytes).map(flat);
    // The outline read back as written: catalog /Outlines, then /First, /Next, /Title and /Dest.
    const outline = readOutline(await PDFDocument.load(bytes));
    const constitution = outline.find((o) => o.title.startsWith("Constitution"))!;
    expect(constitution, outline.map((o) => o.title).join(", ")).toBeDefined();
    expect(pages[constitution.page]).toContain(clauseTitles[0]);
    expect(clauseTitles.length).toBe(40);
    clauseTitles.forEach((title, i) => {
      const heading = `${i + 1}. ${title}`;
      const marks = constitution.children.filter((c) => c.title === heading || c.title === `${heading} (entrenched)`);
      expect(marks, heading).toHaveLength(1);
      const page = marks[0]!.page;
      expect(page, heading).toBeGreaterThan(constitution.page);
      expect(pages[page], `${heading} on page ${page + 1}`).toContain(marks[0]!.title);
    });
    // No part lost its own bookmark, and no clause is at the top level.
    expect(outline.length).toBe(8);
    expect(outline.some((o) => /^\d+\. /.test(o.title))).toBe(false);
  }, 240_000);

  it("prints officers' home addresses only on their officer sheets", async () => {
    const { bytes } = await download("/registration/pack.pdf");
    const pages = pdfPages(bytes).map(flat);
    for (const officer of OFFICERS) {
      const where = pages.flatMap((p, i) => (p.includes(address(officer.member)) ? [i] : []));
      expect(where.length, officer.title).toBe(1);
      const page = pages[where[0]!]!;
      expect(page).toContain("Officer sheets");
      expect(page).toContain(`Officer: ${fullName(officer.member)}`);
      expect(page).toContain("Confirmed on Breakaway");
    }
    for (const doc of ["application-summary", "constitution", "financial-scheme", "assets-and-liabilities", "founding-record", "readiness-checklist"]) {
      const { res, bytes: one } = await download(`/registration/documents/${doc}.pdf`);
      expect(res.status, doc).toBe(200);
      const text = flat(pdfText(one));
      for (const officer of OFFICERS) expect(text, doc).not.toContain(address(officer.member));
    }
  }, 240_000);

  it("gives each document on its own, with its metadata, and refuses an unknown one", async () => {
    const summary = await download("/registration/documents/application-summary.pdf");
    const text = flat(pdfText(summary.bytes));
    expect(text).toContain("Registered name: Commonwealth Party");
    expect(text).toContain("Headquarters address (published): not given");
    expect(text).toContain("Nations of Great Britain: England, Wales");
    expect(pdfInfo(summary.bytes).Title).toBe(`${PARTY}: Application summary`);
    const scheme = flat(pdfText((await download("/registration/documents/financial-scheme.pdf")).bytes));
    expect(scheme).toContain(`The party's registered treasurer is ${fullName(2)}.`);
    expect(scheme).toContain("ends on 31 March each year");
    const assets = flat(pdfText((await download("/registration/documents/assets-and-liabilities.pdf")).bytes));
    // pdftotext reads the table's header cell between a row's two cells.
    expect(assets).toMatch(/Money in the bank (Amount )?£1,200/);
    expect(assets).toMatch(/Other loans £300/);
    expect((await app.request("/registration/documents/nonsense.pdf", { cookie: organiser })).status).toBe(404);
    expect((await app.request("/registration/documents/constitution", { cookie: organiser })).status).toBe(404);
  }, 240_000);

  it("gives the pack as a zip of the seven separate PDFs, in order", async () => {
    const { res, bytes } = await download("/registration/pack.zip");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names.map((n) => n.slice(0, 3))).toEqual(["01-", "02-", "03-", "04-", "05-", "06-", "07-"]);
    const all = names.map((n) => flat(pdfText(files[n]!))).join(" ");
    for (const title of clauseTitles) expect(all).toContain(title);
    for (const role of ["Leader", "Nominating officer", "Treasurer"]) expect(all).toContain(role);
  }, 240_000);

  it("makes the adopted constitution's PDF once, at adoption, stores it, and reuses it for /constitution.pdf, every later pack and the zip, after a restart too", async () => {
    const version = (await latestVersion(database.db))!.number;
    // As at adoption: nothing made yet, in memory or stored (earlier tests downloaded it and the pack).
    clearPackCache({ constitution: true });
    await database.db.delete(renderedDocuments);
    await database.db.delete(registrationPacks);
    const before = adoptedConstitutionRenders();
    // After adoption: as /constitution.pdf prints it (the movement's name) and as the pack does (the registered name).
    await renderAfterAdoption(database.db, version);
    expect(adoptedConstitutionRenders()).toBe(before + 2);
    const stored = await database.db.select({ key: renderedDocuments.key, pdf: renderedDocuments.pdf }).from(renderedDocuments);
    expect(stored.map((r) => r.key.split(":").slice(0, 2).join(":"))).toEqual([`constitution:${version}`, `constitution:${version}`]);
    expect(new Set(stored.map((r) => r.key)).size).toBe(2);
    for (const row of stored) expect(flat(pdfText(row.pdf))).toContain(clauseTitles.at(-1)!);
    const first = await renderPack(database.db);
    expect((await constitutionPdf(database.db))?.pdf.length).toBeGreaterThan(0);
    clearPackCache();
    const second = await renderPack(database.db);
    const zip = unzipSync((await renderPackZip(database.db)).bytes as Uint8Array);
    expect(adoptedConstitutionRenders()).toBe(before + 2);
    for (const pack of [first, second]) expect(flat(pdfText(pack.bytes))).toContain(clauseTitles.at(-1)!);
    expect(Object.keys(zip)).toHaveLength(7);
    // After a restart (nothing in memory), the pack and /constitution.pdf read the stored PDFs.
    clearPackCache({ constitution: true });
    const restarted = await renderPack(database.db);
    expect((await constitutionPdf(database.db))?.pdf.length).toBeGreaterThan(0);
    expect(adoptedConstitutionRenders()).toBe(before + 2);
    expect(flat(pdfText(restarted.bytes))).toContain(clauseTitles.at(-1)!);
    // The pack itself not stored (as when anything in it changed): made again, from the stored constitution.
    clearPackCache({ constitution: true });
    await database.db.delete(registrationPacks);
    expect(flat(pdfText((await renderPack(database.db)).bytes))).toContain(clauseTitles.at(-1)!);
    expect(adoptedConstitutionRenders()).toBe(before + 2);
    // Fully cold (nothing stored either), the pack makes it itself, once, and stores it.
    clearPackCache({ constitution: true });
    await database.db.delete(renderedDocuments);
    await database.db.delete(registrationPacks);
    await renderPack(database.db);
    clearPackCache({ constitution: true });
    await database.db.delete(registrationPacks);
    await renderPack(database.db);
    expect(adoptedConstitutionRenders()).toBe(before + 3);
    expect(await database.db.select({ key: renderedDocuments.key }).from(renderedDocuments)).toHaveLength(1);
  }, 300_000);

  it("serves an unchanged pack again from the cache, and a changed one afresh", async () => {
    // Served from the stored pack: the same claim and attempt, not started again (no timing here:
    // the machine running the tests may be busy).
    const stored = async () =>
      (
        await database.db
          .select({ key: registrationPacks.key, claim: registrationPacks.claim, attempts: registrationPacks.attempts, startedAt: registrationPacks.startedAt })
          .from(registrationPacks)
      ).sort((a, b) => a.key.localeCompare(b.key));
    const before = await stored();
    expect(before.length).toBeGreaterThan(0);
    const again = await download("/registration/pack.pdf");
    expect(again.res.status).toBe(200);
    expect(await stored()).toEqual(before);
    await database.db.update(registrationDetails).set({ details: { register: "GB", partyType: "full", name: "Renamed Party" } });
    const renamed = flat(pdfText((await download("/registration/pack.pdf")).bytes));
    expect(renamed).toContain("Renamed Party");
    await database.db.update(registrationDetails).set({ details: { register: "GB", partyType: "full", name: PARTY } });
  }, 240_000);

  it("records each download that holds officers' private details in the audit log, naming the document but not its contents", async () => {
    const [olive] = await database.db.select().from(users).where(eq(users.email, "organiser@example.org"));
    const downloads = () =>
      database.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.action, ["registration.pack_downloaded", "registration.document_downloaded"]))
        .orderBy(auditLog.id);
    const expected: { path: string; entry: { action: string; subjectType: string; subjectId: string } | null }[] = [
      { path: "/registration/pack.pdf", entry: { action: "registration.pack_downloaded", subjectType: "registration_pack", subjectId: "pdf" } },
      { path: "/registration/pack.zip", entry: { action: "registration.pack_downloaded", subjectType: "registration_pack", subjectId: "zip" } },
      {
        path: "/registration/documents/officer-sheets.pdf",
        entry: { action: "registration.document_downloaded", subjectType: "registration_document", subjectId: "officer-sheets" },
      },
      // No officer's private details in it: nothing to record.
      { path: "/registration/documents/application-summary.pdf", entry: null },
    ];
    for (const { path, entry } of expected) {
      const before = await downloads();
      const { res } = await download(path);
      expect(res.status, path).toBe(200);
      const after = await downloads();
      expect(after.length, path).toBe(before.length + (entry ? 1 : 0));
      if (!entry) continue;
      const written = after.at(-1)!;
      expect(written, path).toMatchObject({ ...entry, actorId: olive!.id, actorLabel: "organiser@example.org" });
      const json = JSON.stringify(written);
      for (const officer of OFFICERS) {
        expect(json, path).not.toContain(address(officer.member));
        expect(json, path).not.toContain(fullName(officer.member));
      }
    }
    // Members are refused, and their refusals read nothing.
    const before = (await downloads()).length;
    expect((await app.request("/registration/pack.pdf", { cookie: member })).status).toBe(403);
    expect(await downloads()).toHaveLength(before);
    const auditPage = await (await app.request("/audit", { cookie: organiser })).text();
    expect(auditPage).toContain("Registration pack downloaded (it holds the officers&#x27; home addresses)");
    expect(auditPage).toContain("Officer sheets downloaded from the registration pack (they hold home addresses)");
  }, 240_000);

  it("shows the documents page with every download, and prepares the pack on request", async () => {
    const page = await app.request("/registration/documents", { cookie: organiser });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const href of [
      "/registration/pack.pdf",
      "/registration/pack.zip",
      "/registration/documents/officer-sheets.pdf",
      "/registration/documents/readiness-checklist.pdf",
    ])
      expect(html).toContain(`href="${href}"`);
    const prepared = await app.request("/registration/documents", { cookie: organiser, form: {} });
    expect(prepared.status).toBe(302);
    const status = await app.request("/registration/documents/status", { cookie: organiser });
    expect(["rendering", "ready"]).toContain(((await status.json()) as { status: string }).status);
  }, 240_000);

  it("refuses members and visitors every document", async () => {
    for (const path of [
      "/registration/pack.pdf",
      "/registration/pack.zip",
      "/registration/documents",
      "/registration/documents/officer-sheets.pdf",
      "/registration/financial-scheme",
    ]) {
      expect((await app.request(path, { cookie: member })).status, path).toBe(403);
      expect((await app.request(path)).status, path).toBe(302);
    }
  });
});

/**
 * Behind a load balancer: "server A" is the app built and loaded as in the tests above, "server
 * B" the same build loaded again as a module instance of its own, and the functions this file
 * imports a third server; nothing one keeps in memory is seen by the others, only the database.
 */
describe("the registration pack on several app servers", () => {
  let serverB: Awaited<ReturnType<typeof createTestApp>>;
  const servers = () => ({ A: app, B: serverB });
  beforeAll(async () => {
    serverB = await createTestApp(database.db, {}, { server: "b" });
  });

  async function statusOn(server: typeof app, key?: string): Promise<string> {
    const res = await server.request(`/registration/documents/status${key ? `?key=${encodeURIComponent(key)}` : ""}`, { cookie: organiser });
    expect(res.status).toBe(200);
    return ((await res.json()) as { status: string }).status;
  }
  async function statusesOf(key: string): Promise<string[]> {
    return Promise.all(Object.values(servers()).flatMap((s) => [statusOn(s, key), statusOn(s)]));
  }
  async function until(server: typeof app, key: string, wanted: string): Promise<void> {
    for (let i = 0; i < 240 && (await statusOn(server, key)) !== wanted; i += 1) await new Promise((r) => setTimeout(r, 250));
  }
  const row = async (key: string) => (await database.db.select().from(registrationPacks).where(eq(registrationPacks.key, key)))[0];
  /** A render claimed by a server now `ageSeconds` into it, that has not finished (or has died). */
  const claimedElsewhere = (key: string, ageSeconds: number) =>
    database.db
      .insert(registrationPacks)
      .values({ key, state: "rendering", claim: crypto.randomUUID(), startedAt: sql`now() - make_interval(secs => ${ageSeconds})` });
  const fresh = async () => {
    await database.db.delete(registrationPacks);
    return (await packStatus(database.db)).key;
  };

  it("reports a pack started on server A as rendering, then ready, on server B, which serves the stored pack without making it", async () => {
    const key = await fresh();
    expect(await statusesOf(key)).toEqual(["not-started", "not-started", "not-started", "not-started"]);
    // Server A is making it (its claim is in the database): every server says so.
    await claimedElsewhere(key, 1);
    expect(await statusesOf(key)).toEqual(["rendering", "rendering", "rendering", "rendering"]);
    expect(await serverB.request("/registration/documents", { cookie: organiser }).then((r) => r.text())).toContain("Preparing the pack.");
    // Another server asked to prepare it starts nothing.
    const made = packRenders();
    expect(await preparePack(database.db)).toBe("rendering");
    expect(packRenders()).toBe(made);
    expect((await row(key))?.attempts).toBe(1);
    // Now for real: server A prepares it; server B follows it by key and then serves it.
    await database.db.delete(registrationPacks);
    expect((await app.request("/registration/documents", { cookie: organiser, form: {} })).status).toBe(302);
    expect(["rendering", "ready"]).toContain(await statusOn(serverB, key));
    await until(serverB, key, "ready");
    expect(await statusesOf(key)).toEqual(["ready", "ready", "ready", "ready"]);
    expect(await serverB.request("/registration/documents", { cookie: organiser }).then((r) => r.text())).toContain("The pack is ready");
    const stored = (await row(key))!;
    expect(stored.state).toBe("ready");
    const fromB = await serverB.request("/registration/pack.pdf", { cookie: organiser });
    expect(Buffer.from(await fromB.arrayBuffer()).equals(Buffer.from(stored.pdf!))).toBe(true);
    const zipFromB = await serverB.request("/registration/pack.zip", { cookie: organiser });
    expect(Buffer.from(await zipFromB.arrayBuffer()).equals(Buffer.from(stored.zip!))).toBe(true);
    expect(Object.keys(unzipSync(stored.zip!))).toHaveLength(7);
    clearPackCache();
    expect(Buffer.from((await renderPack(database.db)).bytes).equals(Buffer.from(stored.pdf!))).toBe(true);
    expect(packRenders()).toBe(made);
    const after = (await row(key))!;
    expect([after.claim, after.attempts, after.finishedAt?.getTime()]).toEqual([stored.claim, 1, stored.finishedAt?.getTime()]);
  }, 300_000);

  it("reports a failure on every server, with its reason stored, and makes the pack when asked again", async () => {
    const key = await fresh();
    // A real failure: storing the finished pack is refused by the database.
    await database.db.execute(
      sql`create function refuse_pack() returns trigger language plpgsql as $$ begin raise exception 'no space left for the pack (test)'; end $$`,
    );
    await database.db.execute(
      sql`create trigger refuse_pack before update on registration_packs for each row when (new.state = 'ready') execute function refuse_pack()`,
    );
    try {
      expect((await app.request("/registration/documents", { cookie: organiser, form: {} })).status).toBe(302);
      await until(serverB, key, "failed");
      expect(await statusesOf(key)).toEqual(["failed", "failed", "failed", "failed"]);
      expect((await row(key))?.error).toContain("no space left for the pack (test)");
      expect(await serverB.request("/registration/documents", { cookie: organiser }).then((r) => r.text())).toContain("Preparing the pack failed.");
    } finally {
      await database.db.execute(sql`drop trigger refuse_pack on registration_packs`);
      await database.db.execute(sql`drop function refuse_pack()`);
    }
    expect((await serverB.request("/registration/documents", { cookie: organiser, form: {} })).status).toBe(302);
    await until(app, key, "ready");
    expect(await statusesOf(key)).toEqual(["ready", "ready", "ready", "ready"]);
    expect(await row(key)).toMatchObject({ state: "ready", attempts: 2, error: null });
  }, 300_000);

  it("takes over a render left stale by a server that stopped", async () => {
    const key = await fresh();
    await claimedElsewhere(key, STALE_AFTER_SECONDS + 60);
    const dead = (await row(key))!.claim;
    // Not "rendering" for ever: every server offers to start it again.
    expect(await statusesOf(key)).toEqual(["failed", "failed", "failed", "failed"]);
    // A download on server B makes it (rather than waiting for the dead server).
    const res = await serverB.request("/registration/pack.pdf", { cookie: organiser });
    expect(res.status).toBe(200);
    const taken = (await row(key))!;
    expect(taken).toMatchObject({ state: "ready", attempts: 2 });
    expect(taken.claim).not.toBe(dead);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(taken.pdf!))).toBe(true);
    expect(await statusesOf(key)).toEqual(["ready", "ready", "ready", "ready"]);
  }, 300_000);

  it("makes a pack once when several servers are asked for it at the same moment", async () => {
    const key = await fresh();
    clearPackCache();
    const made = packRenders();
    const [a, b, here, pdfA, pdfB] = await Promise.all([
      app.request("/registration/documents", { cookie: organiser, form: {} }),
      serverB.request("/registration/documents", { cookie: organiser, form: {} }),
      renderPack(database.db),
      app.request("/registration/pack.pdf", { cookie: organiser }),
      serverB.request("/registration/pack.pdf", { cookie: organiser }),
    ]);
    expect([a.status, b.status, pdfA.status, pdfB.status]).toEqual([302, 302, 200, 200]);
    await until(app, key, "ready");
    const stored = (await row(key))!;
    // One claim, never taken over: one render in all.
    expect(stored).toMatchObject({ state: "ready", attempts: 1 });
    expect(packRenders() - made).toBeLessThanOrEqual(1);
    for (const bytes of [here.bytes, Buffer.from(await pdfA.arrayBuffer()), Buffer.from(await pdfB.arrayBuffer())])
      expect(Buffer.from(bytes).equals(Buffer.from(stored.pdf!))).toBe(true);
    expect(await database.db.select({ key: registrationPacks.key }).from(registrationPacks)).toEqual([{ key }]);
  }, 300_000);
});

describe("the financial scheme page", () => {
  it("shows the generated text, saves an edit with its audit entry, and resets to the generated text", async () => {
    const page = await app.request("/registration/financial-scheme", { cookie: organiser });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Financial scheme of Commonwealth Party");
    const empty = await app.request("/registration/financial-scheme", { cookie: organiser, form: { intent: "save", scheme: "  " } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Enter the text of the financial scheme");
    const generated = (await financialSchemeState(database.db)).generated;
    const edited = `${generated}\n## 10. Our own rule\n\nNo donation over £10,000 from any one person.\n`;
    const version = await freshVersion(app, "/registration/financial-scheme", "scheme", organiser);
    const saved = await app.request("/registration/financial-scheme", { cookie: organiser, form: { intent: "save", version, scheme: edited } });
    expect(saved.status).toBe(302);
    const state = await financialSchemeState(database.db);
    expect(state.edited).toBe(true);
    expect(state.text).toContain("No donation over £10,000");
    const scheme = flat(pdfText((await download("/registration/documents/financial-scheme.pdf")).bytes));
    expect(scheme).toContain("No donation over £10,000 from any one person.");
    const resetVersion = await freshVersion(app, "/registration/financial-scheme", "scheme-reset", organiser);
    const reset = await app.request("/registration/financial-scheme", { cookie: organiser, form: { intent: "reset", version: resetVersion } });
    expect(reset.status).toBe(302);
    expect((await financialSchemeState(database.db)).edited).toBe(false);
    const actions = (await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectType, "registration"))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["registration.financial_scheme_saved", "registration.financial_scheme_reset"]));
  }, 240_000);

  it("stores the generated text as generated, so it keeps following the details", async () => {
    const { generated } = await financialSchemeState(database.db);
    expect(await saveFinancialScheme(database.db, systemActor(), generated)).toEqual({ ok: true, edited: false });
    await resetFinancialScheme(database.db, systemActor());
    expect((await financialSchemeState(database.db)).edited).toBe(false);
  });
});
