import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { financialSchemeState } from "../../app/modules/registration/financial-scheme.server";
import { loadDraft } from "../../app/modules/registration/registration.server";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, officerDetails } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { freshVersion } from "../support/edit-version";
import { adoptedAndDeclared } from "../support/registration-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 14, item 3: edits made from a stale page are refused with the other person's change shown
 * (decision 028): the registration details, an officer's details and the financial scheme.
 */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ann = "";
let ben = "";
let leader = "";
let leaderId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const ready = await adoptedAndDeclared(database.db);
  leaderId = ready.ids[0]!;
  leader = await cookieFor(database.db, ready.emails[0]!);
  for (const email of ["ann@example.org", "ben@example.org"]) await grantRole(database.db, { email, role: "organiser", actor: systemActor() });
  ann = await cookieFor(database.db, "ann@example.org");
  ben = await cookieFor(database.db, "ben@example.org");
}, 120_000);
afterAll(() => database.drop());

const audits = async () => (await database.db.select().from(auditLog)).length;

describe("two organisers editing the registration details", () => {
  const save = (cookie: string, version: string, form: Record<string, string>) => app.request("/registration/details", { form: { version, ...form }, cookie });

  it("refuses the second save of a section with 409, keeps their input, shows the first one's answer, and writes nothing", async () => {
    const annVersion = await freshVersion(app, "/registration/details", "name", ann);
    const benVersion = await freshVersion(app, "/registration/details", "name", ben);
    expect((await save(ann, annVersion, { section: "name", name: "Common Ground" })).status).toBe(302);
    const before = await audits();

    const second = await save(ben, benVersion, { section: "name", name: "Fresh Start" });
    expect(second.status).toBe(409);
    const page = await html(second);
    expect(page).toContain("Someone else changed this while you were editing");
    expect(page).toContain('<a href="#name">Name</a><span class="stale-edit__value"> Saved now: Common Ground</span>');
    expect(page).toContain('value="Fresh Start"');
    expect((await loadDraft(database.db)).details.name).toBe("Common Ground");
    expect(await audits()).toBe(before);

    expect((await save(ben, await freshVersion(app, "/registration/details", "name", ben), { section: "name", name: "Fresh Start" })).status).toBe(302);
    expect((await loadDraft(database.db)).details.name).toBe("Fresh Start");
  });

  it("names the other person's choices in words, not as the form's codes", async () => {
    const annVersion = await freshVersion(app, "/registration/details", "register", ann);
    const benVersion = await freshVersion(app, "/registration/details", "register", ben);
    const saved = await app.request("/registration/details", { form: { version: annVersion, section: "register", register: "GB" }, cookie: ann });
    expect(saved.status).toBe(302);
    const second = await save(ben, benVersion, { section: "register", register: "NI" });
    expect(second.status).toBe(409);
    const page = await html(second);
    expect(page).toContain('<a href="#register-GB">Register</a><span class="stale-edit__value"> Saved now: Great Britain</span>');
    expect(page).not.toContain("Saved now: GB");
    expect((await loadDraft(database.db)).details.register).toBe("GB");
  });

  it("lets organisers save different sections from pages loaded at the same time", async () => {
    const annVersion = await freshVersion(app, "/registration/details", "name", ann);
    const benVersion = await freshVersion(app, "/registration/details", "financial-year", ben);
    expect((await save(ann, annVersion, { section: "name", name: "Common Ground" })).status).toBe(302);
    expect((await save(ben, benVersion, { section: "financial-year", "financialYearEnd.day": "31", "financialYearEnd.month": "12" })).status).toBe(302);
    expect((await loadDraft(database.db)).details).toMatchObject({ name: "Common Ground", financialYearEnd: "31-12" });
  });
});

describe("an officer saving their details from two devices", () => {
  const form = { fullName: "Alex Founder", homeAddress: "12 Hidden Lane\nLeeds LS2 2BB", email: "alex@home.example", confirm: "leader" };
  const save = (version: string, values: Record<string, string>) => app.request("/registration/officer", { cookie: leader, form: { version, ...values } });

  it("refuses the save from the older page with 409 and the saved value shown; the first stands; a fresh page saves", async () => {
    const phone = await freshVersion(app, "/registration/officer", "officer", leader);
    const laptop = await freshVersion(app, "/registration/officer", "officer", leader);
    expect((await save(phone, form)).status).toBe(302);

    const second = await save(laptop, { ...form, homeAddress: "3 Other Road\nYork YO1 1AA" });
    expect(second.status).toBe(409);
    const page = await html(second);
    expect(page).toContain('<a href="#homeAddress">Home address</a><span class="stale-edit__value"> Saved now: 12 Hidden Lane\nLeeds LS2 2BB</span>');
    expect(page).toContain('Your declarations</a><span class="stale-edit__value"> Saved now: Leader</span>');
    expect(page).toContain("3 Other Road");
    const [row] = await database.db.select().from(officerDetails).where(eq(officerDetails.userId, leaderId));
    expect(row?.homeAddress).toBe("12 Hidden Lane\nLeeds LS2 2BB");

    expect(
      (await save(await freshVersion(app, "/registration/officer", "officer", leader), { ...form, homeAddress: "3 Other Road\nYork YO1 1AA" })).status,
    ).toBe(302);
    const [after] = await database.db.select().from(officerDetails).where(eq(officerDetails.userId, leaderId));
    expect(after?.homeAddress).toBe("3 Other Road\nYork YO1 1AA");
  });
});

describe("two organisers editing the financial scheme", () => {
  const save = (cookie: string, version: string, scheme: string) =>
    app.request("/registration/financial-scheme", { form: { intent: "save", version, scheme }, cookie });

  it("refuses the second save with 409, keeps their text, shows the first one's, and writes nothing; a fresh page saves", async () => {
    const annVersion = await freshVersion(app, "/registration/financial-scheme", "scheme", ann);
    const benVersion = await freshVersion(app, "/registration/financial-scheme", "scheme", ben);
    const generated = (await financialSchemeState(database.db)).generated;
    expect((await save(ann, annVersion, `## Ann's rule\n\nNo cash donations.\n\n${generated}`)).status).toBe(302);
    const before = await audits();

    const second = await save(ben, benVersion, `## Ben's rule\n\nReceipts for everything.\n\n${generated}`);
    expect(second.status).toBe(409);
    const page = await html(second);
    expect(page).toContain('<a href="#scheme">Text of the financial scheme</a><span class="stale-edit__value"> Saved now: ## Ann&#x27;s rule');
    expect(page).toContain("Ben&#x27;s rule");
    expect((await financialSchemeState(database.db)).text).toContain("No cash donations.");
    expect(await audits()).toBe(before);

    expect(
      (await save(ben, await freshVersion(app, "/registration/financial-scheme", "scheme", ben), `## Ben's rule\n\nReceipts for everything.\n\n${generated}`))
        .status,
    ).toBe(302);
    expect((await financialSchemeState(database.db)).text).toContain("Receipts for everything.");
  });

  it("refuses a reset from a stale page, which would throw away an edit it never showed", async () => {
    const annReset = await freshVersion(app, "/registration/financial-scheme", "scheme-reset", ann);
    expect((await save(ben, await freshVersion(app, "/registration/financial-scheme", "scheme", ben), "Ben's whole new scheme.")).status).toBe(302);
    const refused = await app.request("/registration/financial-scheme", { form: { intent: "reset", version: annReset }, cookie: ann });
    expect(refused.status).toBe(409);
    expect(await html(refused)).toContain("Saved now: Ben&#x27;s whole new scheme.");
    expect((await financialSchemeState(database.db)).edited).toBe(true);
    const reset = await app.request("/registration/financial-scheme", {
      form: { intent: "reset", version: await freshVersion(app, "/registration/financial-scheme", "scheme-reset", ann) },
      cookie: ann,
    });
    expect(reset.status).toBe(302);
    expect((await financialSchemeState(database.db)).edited).toBe(false);
  });

  it("treats a change to the generated text (the details it follows) as a change", async () => {
    const version = await freshVersion(app, "/registration/financial-scheme", "scheme", ann);
    const name = await freshVersion(app, "/registration/details", "name", ben);
    expect((await app.request("/registration/details", { form: { version: name, section: "name", name: "Renamed Party" }, cookie: ben })).status).toBe(302);
    expect((await save(ann, version, "Ann's whole new scheme.")).status).toBe(409);
  });
});
