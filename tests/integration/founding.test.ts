import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, foundingMembers, movement, outbox, polls, pollRoll } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { movementInFoundingPhase } from "../support/founding-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
const cookie: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await movementInFoundingPhase(database.db, [
    { name: "Anwen Ashdown", email: "anwen@example.org", relation: "member" },
    { name: "Bryn Bellamy", email: "bryn@example.org", relation: "supporter", region: "Wales" },
    { name: "Cara Cotswold", email: "cara@example.org", relation: "former_member" },
  ]);
  await grantRole(database.db, { email: "org@example.org", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "org@example.org");
  for (const p of ["anwen", "bryn", "cara"]) cookie[p] = await cookieFor(database.db, `${p}@example.org`);
});
afterAll(() => database.drop());

describe("founding membership", () => {
  it("invites every pledger on the roll once, and reminds only those who have not accepted", async () => {
    expect((await app.request("/founding", { form: { intent: "invite" }, cookie: cookie.anwen })).status).toBe(403);
    const sent = await app.request("/founding", { form: { intent: "invite" }, cookie: organiser });
    expect(await sent.text()).toContain("3 invitations sent.");
    const again = await app.request("/founding", { form: { intent: "invite" }, cookie: organiser });
    expect(await again.text()).toContain("0 invitations sent.");
    const mails = await database.db.select().from(outbox).where(eq(outbox.kind, "founding-invitation"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["anwen@example.org", "bryn@example.org", "cara@example.org"]);
  });

  it("needs the statement accepted and fresh consent, then issues membership numbers in order", async () => {
    const refused = await app.request("/founding", { form: { intent: "accept", acceptStatement: "yes" }, cookie: cookie.bryn });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("agree to how we use your information");
    expect(
      await (await app.request("/founding", { form: { intent: "accept", acceptStatement: "yes", consent: "yes" }, cookie: cookie.bryn })).text(),
    ).toContain("founding member number 1");
    expect(
      await (await app.request("/founding", { form: { intent: "accept", acceptStatement: "yes", consent: "yes" }, cookie: cookie.anwen })).text(),
    ).toContain("founding member number 2");
    const twice = await app.request("/founding", { form: { intent: "accept", acceptStatement: "yes", consent: "yes" }, cookie: cookie.anwen });
    expect(twice.status).toBe(400);
    const rows = await database.db.select().from(foundingMembers);
    expect(rows.filter((r) => r.consentVersion === "founding-2026-11")).toHaveLength(2);
  });

  it("asks only members of the old party to resign, and records it", async () => {
    const page = await (await app.request("/founding", { cookie: cookie.anwen })).text();
    expect(page).toContain("/founding/resignation-letter.pdf");
    expect(await (await app.request("/founding", { cookie: cookie.bryn })).text()).not.toContain("resignation-letter");
    expect((await app.request("/founding", { form: { intent: "resigned" }, cookie: cookie.bryn })).status).toBe(409);
    expect(await (await app.request("/founding", { form: { intent: "resigned" }, cookie: cookie.anwen })).text()).toContain("your resignation is recorded");
  });

  it("shows members counts only, never other members' details", async () => {
    const html = await (await app.request("/founding", { cookie: cookie.cara })).text();
    expect(html).toContain("You are invited to be a founding member");
    for (const other of ["Anwen", "Bryn", "anwen@example.org", "bryn@example.org", "OLD-1000"]) expect(html).not.toContain(other);
    expect(html).toContain("Founding members");
  });

  it("sets the leaving day and opens the standing orders vote to accepted founding members only", async () => {
    const bad = await app.request("/founding", { form: { intent: "leaving-day", leavingDay: "next week" }, cookie: organiser });
    expect(bad.status).toBe(400);
    await app.request("/founding", { form: { intent: "leaving-day", leavingDay: "2027-03-01" }, cookie: organiser });
    expect((await database.db.select().from(movement))[0]?.leavingDay).toBe("2027-03-01");
    // Standing orders 4.1: the vote names the first returning officer, so it needs one.
    const noOfficer = await app.request("/founding", { form: { intent: "standing-orders", closesAt: "2099-01-01T12:00" }, cookie: organiser });
    expect(noOfficer.status).toBe(409);
    expect(await noOfficer.text()).toContain("Appoint a returning officer first");
    expect((await database.db.select().from(movement))[0]?.standingOrdersPollId).toBeNull();
    await grantRole(database.db, { email: "ro@example.org", displayName: "Rhian Roberts", role: "returning_officer", actor: systemActor() });
    const opened = await app.request("/founding", { form: { intent: "standing-orders", closesAt: "2099-01-01T12:00" }, cookie: organiser });
    expect(await opened.text()).toContain("open to 2 founding members");
    const [m] = await database.db.select().from(movement);
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, m!.standingOrdersPollId!));
    expect(poll).toMatchObject({ method: "yes-no", quorumNumerator: 20, quorumDenominator: 100, majority: "simple", status: "open" });
    expect(poll!.description).toContain("A yes vote also confirms Rhian Roberts as the first returning officer (standing orders 4.1)");
    const roll = await database.db.select().from(pollRoll).where(eq(pollRoll.pollId, poll!.id));
    expect(roll).toHaveLength(2);
  });

  it("withdraws an invitation sent in error, before it is accepted, with a reason, on the record", async () => {
    const noReason = await app.request("/founding", { form: { intent: "withdraw", withdrawEmail: "cara@example.org", withdrawReason: "" }, cookie: organiser });
    expect(noReason.status).toBe(400);
    const noReasonPage = await noReason.text();
    expect(noReasonPage).toContain('href="#withdrawReason"');
    expect(noReasonPage).toContain('value="cara@example.org"');
    const accepted = await app.request("/founding", {
      form: { intent: "withdraw", withdrawEmail: "anwen@example.org", withdrawReason: "Sent in error." },
      cookie: organiser,
    });
    expect(accepted.status).toBe(409);
    expect(
      (await app.request("/founding", { form: { intent: "withdraw", withdrawEmail: "cara@example.org", withdrawReason: "x" }, cookie: cookie.bryn })).status,
    ).toBe(403);

    const reason = "Cara's pledge was imported twice under another address; this one was sent in error.";
    const done = await app.request("/founding", { form: { intent: "withdraw", withdrawEmail: "Cara@Example.org", withdrawReason: reason }, cookie: organiser });
    expect(await done.text()).toContain("The invitation is withdrawn.");
    const caraId = (await database.db.select().from(foundingMembers)).find((r) => r.withdrawnAt)?.userId;
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "founding.invitation_withdrawn"));
    expect(entry).toMatchObject({ subjectId: caraId, details: { reason } });

    // Cara can no longer accept, is not reminded, and is not invited again.
    expect(await (await app.request("/founding", { cookie: cookie.cara })).text()).not.toContain("You are invited to be a founding member");
    const accept = await app.request("/founding", { form: { intent: "accept", acceptStatement: "yes", consent: "yes" }, cookie: cookie.cara });
    expect(accept.status).toBe(400);
    const before = (await database.db.select().from(outbox).where(eq(outbox.toAddress, "cara@example.org"))).length;
    await app.request("/founding", { form: { intent: "resend" }, cookie: organiser });
    expect(await (await app.request("/founding", { form: { intent: "invite" }, cookie: organiser })).text()).toContain("0 invitations sent.");
    expect(await database.db.select().from(outbox).where(eq(outbox.toAddress, "cara@example.org"))).toHaveLength(before);
  });
});
