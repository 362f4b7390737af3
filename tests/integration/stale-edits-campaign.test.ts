import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { grantRole } from "../../app/modules/users/users.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { auditLog, demands, movement, pledges } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { freshVersion, versionIn } from "../support/edit-version";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 14, item 3: "Two organisers saving the same form silently undo each other's changes."
 * Edits made from a stale page are refused with the other person's change shown (decision 028).
 */

const DAY = 86_400_000;
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ann = "";
let ben = "";
let demandId = 0;
const deadline = toLondonLocal(new Date(Date.now() + 30 * DAY));

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await database.db
    .insert(movement)
    .values({ name: "Test Movement", partyName: "the Old Party", statement: "We ask.", deadline: new Date(Date.now() + 30 * DAY) });
  const [d] = await database.db.insert(demands).values({ position: 1, title: "Open selections", body: "Members choose candidates." }).returning();
  demandId = d!.id;
  for (const email of ["ann@example.org", "ben@example.org"]) await grantRole(database.db, { email, role: "organiser", actor: systemActor() });
  ann = await cookieFor(database.db, "ann@example.org");
  ben = await cookieFor(database.db, "ben@example.org");
});
afterAll(() => database.drop());

const settings = (cookie: string, version: string, partyName: string, statement = "We ask.") =>
  app.request("/campaign/manage", { form: { intent: "settings", version, name: "Test Movement", partyName, statement, deadline }, cookie });

describe("two organisers editing the campaign's settings", () => {
  it("refuses the second save from a stale page with 409, keeps their input, shows the first one's value, and writes nothing", async () => {
    const annVersion = await freshVersion(app, "/campaign/manage", "settings", ann);
    const benVersion = await freshVersion(app, "/campaign/manage", "settings", ben);
    expect(benVersion).toBe(annVersion);

    const first = await settings(ann, annVersion, "the Commonwealth Party");
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("The campaign&#x27;s details are saved.");
    const auditsBefore = (await database.db.select().from(auditLog)).length;

    const second = await settings(ben, benVersion, "the Labour Party", "Ben's statement");
    expect(second.status).toBe(409);
    const page = await html(second);
    expect(page).toContain("Someone else changed this while you were editing");
    expect(page).toContain("Check their changes below, then save again.");
    // The changed field, linked, with the value saved now; the statement nobody else changed is not listed.
    expect(page).toContain('<a href="#partyName">The party it is pressing</a><span class="stale-edit__value"> Saved now: the Commonwealth Party</span>');
    expect(page).not.toContain('<a href="#statement">');
    // Ben's own input is kept in the form.
    expect(page).toContain('value="the Labour Party"');
    expect(page).toContain("Ben&#x27;s statement");

    // The first one's change stands, and nothing was written or audited for the refused save.
    const [row] = await database.db.select().from(movement);
    expect(row).toMatchObject({ partyName: "the Commonwealth Party", statement: "We ask." });
    expect((await database.db.select().from(auditLog)).length).toBe(auditsBefore);
  });

  it("saves from a fresh page, and from the refused form once its person has seen the change", async () => {
    const fresh = await settings(ben, await freshVersion(app, "/campaign/manage", "settings", ben), "the Commonwealth Party", "A fresh statement.");
    expect(fresh.status).toBe(200);
    expect((await database.db.select().from(movement))[0]?.statement).toBe("A fresh statement.");

    // A refused form carries the saved version from then on: saving it again is a decision, made knowingly.
    const stale = await freshVersion(app, "/campaign/manage", "settings", ann);
    expect((await settings(ben, stale, "the Commonwealth Party", "Ben again.")).status).toBe(200);
    const refused = await settings(ann, stale, "the People's Party");
    expect(refused.status).toBe(409);
    const again = await settings(ann, versionIn(await html(refused), "settings"), "the People's Party");
    expect(again.status).toBe(200);
    // Her whole form is saved, as she sent it having seen Ben's statement.
    expect((await database.db.select().from(movement))[0]).toMatchObject({ partyName: "the People's Party", statement: "We ask." });
  });

  it("refuses a save with no version once the campaign has been saved", async () => {
    const res = await app.request("/campaign/manage", {
      form: { intent: "settings", name: "Test Movement", partyName: "Nobody's", statement: "", deadline },
      cookie: ann,
    });
    expect(res.status).toBe(409);
    expect((await database.db.select().from(movement))[0]?.partyName).toBe("the People's Party");
  });
});

describe("two organisers editing the same demand", () => {
  const edit = (cookie: string, version: string, title: string, body = "Members choose candidates.") =>
    app.request("/campaign/manage", { form: { intent: "edit-demand", id: String(demandId), version, title, body }, cookie });

  it("refuses the second save with 409 and the first one's title shown; the first stands; a fresh page saves", async () => {
    const form = `demand-${demandId}`;
    const annVersion = await freshVersion(app, "/campaign/manage", form, ann);
    const benVersion = await freshVersion(app, "/campaign/manage", form, ben);
    expect((await edit(ann, annVersion, "Open selections now")).status).toBe(200);

    const second = await edit(ben, benVersion, "Open all selections");
    expect(second.status).toBe(409);
    const page = await html(second);
    expect(page).toContain(`<a href="#title-${demandId}">Title</a><span class="stale-edit__value"> Saved now: Open selections now</span>`);
    expect(page).toContain('value="Open all selections"');
    const [row] = await database.db.select().from(demands).where(eq(demands.id, demandId));
    expect(row?.title).toBe("Open selections now");

    expect((await edit(ben, await freshVersion(app, "/campaign/manage", form, ben), "Open all selections")).status).toBe(200);
    const [after] = await database.db.select().from(demands).where(eq(demands.id, demandId));
    expect(after?.title).toBe("Open all selections");
  });

  it("is not made stale by a change that is not on the form (the demand moved)", async () => {
    const form = `demand-${demandId}`;
    const version = await freshVersion(app, "/campaign/manage", form, ann);
    await app.request("/campaign/manage", { form: { intent: "add-demand", title: "Open books", body: "Publish the accounts." }, cookie: ben });
    const [added] = await database.db.select().from(demands).where(eq(demands.title, "Open books"));
    await app.request("/campaign/manage", { form: { intent: "move-up", id: String(added!.id) }, cookie: ben });
    expect((await edit(ann, version, "Open selections, at last")).status).toBe(200);
  });
});

describe("the deadline in the settings once people have pledged (issue 14 item 3)", () => {
  it("is not moved to another future date: refused, pointing to Extend the deadline; other details still save", async () => {
    await database.db.insert(pledges).values({
      name: "Pat Pledger",
      email: "pat@example.org",
      postcode: "CF10 1AA",
      region: "Wales",
      relation: "member",
      consentContact: true,
      consentDataUse: true,
      consentVersion: "1",
      confirmedAt: new Date(),
    });
    const [before] = await database.db.select().from(movement);
    const sooner = toLondonLocal(new Date(before!.deadline.getTime() - 10 * DAY));
    const res = await app.request("/campaign/manage", {
      form: {
        intent: "settings",
        version: await freshVersion(app, "/campaign/manage", "settings", ann),
        name: "Test Movement",
        partyName: before!.partyName,
        statement: before!.statement,
        deadline: sooner,
      },
      cookie: ann,
    });
    expect(res.status).toBe(409);
    expect(await html(res)).toContain("People have pledged against this deadline");
    expect((await database.db.select().from(movement))[0]?.deadline.getTime()).toBe(before!.deadline.getTime());

    const same = await app.request("/campaign/manage", {
      form: {
        intent: "settings",
        version: await freshVersion(app, "/campaign/manage", "settings", ann),
        name: "Test Movement",
        partyName: before!.partyName,
        statement: "A clearer statement.",
        deadline: toLondonLocal(before!.deadline),
      },
      cookie: ann,
    });
    expect(same.status).toBe(200);
    expect((await database.db.select().from(movement))[0]).toMatchObject({ statement: "A clearer statement.", deadline: before!.deadline });

    const later = toLondonLocal(new Date(before!.deadline.getTime() + 10 * DAY));
    const moved = await app.request("/campaign/manage", {
      form: {
        intent: "settings",
        version: await freshVersion(app, "/campaign/manage", "settings", ann),
        name: "Test Movement",
        partyName: before!.partyName,
        statement: "A clearer statement.",
        deadline: later,
      },
      cookie: ann,
    });
    expect(moved.status).toBe(409);
    expect((await database.db.select().from(movement))[0]?.deadline.getTime()).toBe(before!.deadline.getTime());
  });

  it("can still be set to now, ending the campaign when the party answers early", async () => {
    const [before] = await database.db.select().from(movement);
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const ended = await app.request("/campaign/manage", {
      form: {
        intent: "settings",
        version: await freshVersion(app, "/campaign/manage", "settings", ann),
        name: "Test Movement",
        partyName: before!.partyName,
        statement: before!.statement,
        deadline: toLondonLocal(now),
      },
      cookie: ann,
    });
    expect(ended.status).toBe(200);
    expect((await database.db.select().from(movement))[0]?.deadline.getTime()).toBe(now.getTime());
  });
});
