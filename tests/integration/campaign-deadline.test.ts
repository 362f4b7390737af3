import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { grantRole } from "../../app/modules/users/users.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { auditLog, movement, outbox, pledges, polls } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 14, item 3: the campaign's deadline can be extended with a reason, also after it passed,
 * until the members' decision ballot opens; audited, shown on the campaign page, pledgers emailed.
 * Cancelling the decision ballot puts the movement back in the campaign.
 */

const DAY = 86_400_000;
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
let ro = "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await database.db.insert(movement).values({ name: "Test Movement", partyName: "the Old Party", statement: "", deadline: new Date(Date.now() - DAY) });
  const pledge = (name: string, confirmed: boolean) => ({
    name,
    email: `${name.toLowerCase()}@example.org`,
    postcode: "EH1 1YZ",
    region: "Scotland",
    relation: "supporter" as const,
    consentContact: true,
    consentDataUse: true,
    consentVersion: "test",
    confirmedAt: confirmed ? new Date(Date.now() - 2 * DAY) : null,
  });
  await database.db.insert(pledges).values([pledge("Anwen", true), pledge("Bryn", true), pledge("Cara", false)]);
  await grantRole(database.db, { email: "org@example.org", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "org@example.org");
  await grantRole(database.db, { email: "ro@example.org", role: "returning_officer", actor: systemActor() });
  ro = await cookieFor(database.db, "ro@example.org");
});
afterAll(() => database.drop());

describe("extending the campaign's deadline", () => {
  it("needs a later time and a reason, keeping what was typed", async () => {
    const later = toLondonLocal(new Date(Date.now() + 14 * DAY));
    const noReason = await app.request("/campaign/manage", { form: { intent: "extend-deadline", newDeadline: later, reason: "" }, cookie: organiser });
    expect(noReason.status).toBe(400);
    const page = await html(noReason);
    expect(page).toContain('href="#extend-reason"');
    expect(page).toContain(`value="${later}"`);
    const earlier = await app.request("/campaign/manage", {
      form: { intent: "extend-deadline", newDeadline: toLondonLocal(new Date(Date.now() - 2 * DAY)), reason: "Oops." },
      cookie: organiser,
    });
    expect(earlier.status).toBe(409);
    expect(await html(earlier)).toContain("never brought forward");
  });

  it("extends a deadline that has passed, audits it, shows it on the campaign page, and emails confirmed pledgers", async () => {
    const [before] = await database.db.select().from(movement);
    const newDeadline = new Date(Date.now() + 14 * DAY);
    const reason = "The party conference moved its vote on our demands by a fortnight.";
    const done = await app.request("/campaign/manage", {
      form: { intent: "extend-deadline", newDeadline: toLondonLocal(newDeadline), reason },
      cookie: organiser,
    });
    expect(done.status).toBe(200);
    expect(await html(done)).toContain("2 pledgers are being told by email");
    const [after] = await database.db.select().from(movement);
    expect(after!.deadline.getTime()).toBeGreaterThan(Date.now());
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "campaign.deadline_extended"));
    expect(entry?.details).toMatchObject({ from: before!.deadline.toISOString(), to: after!.deadline.toISOString(), reason });

    const campaign = await html(await app.request("/campaign"));
    // Dates as people write them (decision 037): "Friday 4 December 2026 at 6pm".
    expect(campaign).toMatch(/Deadline extended from [A-Z][a-z]+day \d+ [A-Z][a-z]+ \d{4} at (\d{1,2}(:\d\d)?(am|pm)|midday|midnight) to [A-Z][a-z]+day/);
    expect(campaign).toContain(reason);

    const mails = await database.db.select().from(outbox).where(eq(outbox.kind, "deadline-extended"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["anwen@example.org", "bryn@example.org"]);
    expect(mails[0]?.bodyText).toContain(reason);
  });

  it("is refused once the decision ballot is open, and allowed again once that ballot is cancelled", async () => {
    await database.db.update(movement).set({ deadline: new Date(Date.now() - 1000) });
    const opened = await app.request("/campaign/manage", {
      form: { intent: "open-decision", closesAt: toLondonLocal(new Date(Date.now() + 7 * DAY)) },
      cookie: organiser,
    });
    expect(opened.status).toBe(200);
    const [m] = await database.db.select().from(movement);
    const refused = await app.request("/campaign/manage", {
      form: { intent: "extend-deadline", newDeadline: toLondonLocal(new Date(Date.now() + 20 * DAY)), reason: "More time." },
      cookie: organiser,
    });
    expect(refused.status).toBe(409);
    expect(await html(refused)).toContain("cancel the decision ballot on its page");

    const cancelled = await app.request(`/polls/${m!.decisionPollId}`, { form: { intent: "cancel", reason: "Opened a week too early." }, cookie: ro });
    expect(cancelled.status).toBe(200);
    expect((await database.db.select().from(polls).where(eq(polls.id, m!.decisionPollId!)))[0]?.status).toBe("cancelled");
    expect((await database.db.select().from(movement))[0]).toMatchObject({ phase: "campaign", decisionPollId: null });
    const again = await app.request("/campaign/manage", {
      form: { intent: "extend-deadline", newDeadline: toLondonLocal(new Date(Date.now() + 20 * DAY)), reason: "More time." },
      cookie: organiser,
    });
    expect(again.status).toBe(200);
  });
});
