import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, emailChanges, foundingMembers, movement, outbox, pledges, polls, pollRoll, users } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { movementInFoundingPhase } from "../support/founding-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** Issue 14 item 7: people keep control of their address and of their place on the founding roll. */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
const cookie: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await movementInFoundingPhase(database.db, [
    { name: "Dee Dalby", email: "dee@example.org", relation: "member" },
    { name: "Eli Ellis", email: "eli@example.org", relation: "supporter" },
    { name: "Fay Foster", email: "fay@example.org", relation: "former_member" },
    { name: "Gus Gray", email: "gus@example.org", relation: "supporter" },
  ]);
  await grantRole(database.db, { email: "org@example.org", role: "organiser", actor: systemActor() });
  await grantRole(database.db, { email: "hal@example.org", displayName: "Hal Hughes", role: "member", actor: systemActor() });
  organiser = await cookieFor(database.db, "org@example.org");
  for (const p of ["dee", "eli", "fay", "gus", "hal"]) cookie[p] = await cookieFor(database.db, `${p}@example.org`);
});
afterAll(() => database.drop());

async function linkMailedTo(email: string, kind: string): Promise<string> {
  const [mail] = await database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, kind)))
    .orderBy(desc(outbox.id))
    .limit(1);
  const match = mail?.bodyText.match(/http:\/\/localhost:3000(\/account\/email\?token=[a-z2-7]+)/);
  if (!match?.[1]) throw new Error(`no ${kind} link mailed to ${email}`);
  return match[1];
}

/** Opens a mailed link (a page with a button only), then presses the button. */
async function follow(link: string): Promise<{ opened: string; confirmed: Response }> {
  const opened = await html(await app.request(link));
  const token = new URL(link, "http://localhost").searchParams.get("token") ?? "";
  return { opened, confirmed: await app.request("/account/email", { form: { token } }) };
}

const emailOf = async (id: string) => (await database.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]?.email;

describe("changing your email address", () => {
  it("changes it only once both the new and the old address confirm; the pledge follows; sessions stay", async () => {
    const [gus] = await database.db.select().from(users).where(eq(users.email, "gus@example.org"));
    const asked = await app.request("/account", { form: { intent: "change-email", newEmail: "Gus.New@Example.org" }, cookie: cookie.gus });
    expect(asked.status).toBe(200);
    expect(await html(asked)).toContain("We have sent a link to Gus.New@Example.org, and another to the address you use now");
    const toNew = await linkMailedTo("gus.new@example.org", "email-change-new");
    const toOld = await linkMailedTo("gus@example.org", "email-change-old");
    // Tokens are stored only as keyed hashes.
    const [row] = await database.db.select().from(emailChanges).where(eq(emailChanges.userId, gus!.id));
    expect(JSON.stringify(row)).not.toContain(new URL(toNew, "http://x").searchParams.get("token"));

    const first = await follow(toNew);
    expect(first.opened).toContain("Confirm that this new email address is yours");
    expect(await emailOf(gus!.id)).toBe("gus@example.org"); // opening the link changed nothing
    expect(await html(first.confirmed)).toContain("Now follow the link we sent to the address you use now");
    expect(await emailOf(gus!.id)).toBe("gus@example.org");

    const second = await follow(toOld);
    expect(second.opened).toContain("Confirm, from the address you use now");
    expect(await html(second.confirmed)).toContain("Your email address has been changed");
    expect(await emailOf(gus!.id)).toBe("gus.new@example.org");
    expect((await database.db.select({ email: pledges.email }).from(pledges).where(eq(pledges.userId, gus!.id)))[0]?.email).toBe("gus.new@example.org");
    // Still signed in with the session from before.
    expect(await html(await app.request("/account", { cookie: cookie.gus }))).toContain("gus.new@example.org");
    // A used link does nothing more.
    expect((await follow(toOld)).confirmed.status).toBe(400);

    const entries = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, gus!.id)).orderBy(desc(auditLog.id)).limit(2);
    expect(entries.map((e) => e.action)).toEqual(["user.email_changed", "user.email_change_requested"]);
    for (const e of entries) expect(JSON.stringify(e)).not.toMatch(/gus(\.new)?@example\.org/i);
  });

  it("refuses an address someone else uses, without saying whose, and keeps what was typed", async () => {
    const refused = await app.request("/account", { form: { intent: "change-email", newEmail: "hal@example.org" }, cookie: cookie.eli });
    expect(refused.status).toBe(400);
    const page = await html(refused);
    expect(page).toContain("There is a problem");
    expect(page).toContain('href="#newEmail"');
    expect(page).toContain("This email address is already used by another account");
    expect(page).toContain('value="hal@example.org"');
    expect(page).not.toContain("Hal Hughes");
    const mails = await database.db
      .select()
      .from(outbox)
      .where(inArray(outbox.kind, ["email-change-new", "email-change-old"]));
    expect(mails.filter((m) => m.toAddress === "hal@example.org" || m.toAddress === "eli@example.org")).toHaveLength(0);
    const same = await app.request("/account", { form: { intent: "change-email", newEmail: "ELI@example.org" }, cookie: cookie.eli });
    expect(await html(same)).toContain("This is the email address you already use");
    const blank = await app.request("/account", { form: { intent: "change-email", newEmail: "" }, cookie: cookie.eli });
    expect(await html(blank)).toContain("Enter your new email address");
  });

  it("refuses a change when the address was taken while the links were on their way", async () => {
    await app.request("/account", { form: { intent: "change-email", newEmail: "taken@example.org" }, cookie: cookie.hal });
    const toNew = await linkMailedTo("taken@example.org", "email-change-new");
    const toOld = await linkMailedTo("hal@example.org", "email-change-old");
    await follow(toNew);
    await grantRole(database.db, { email: "taken@example.org", displayName: "Ivy", role: "member", actor: systemActor() });
    const late = await follow(toOld);
    expect(late.confirmed.status).toBe(409);
    expect(await html(late.confirmed)).toContain("the new address is now used by another account");
    expect(await database.db.select().from(users).where(eq(users.email, "hal@example.org"))).toHaveLength(1);
  });

  it("lets the links expire", async () => {
    await app.request("/account", { form: { intent: "change-email", newEmail: "eli.later@example.org" }, cookie: cookie.eli });
    const toNew = await linkMailedTo("eli.later@example.org", "email-change-new");
    const toOld = await linkMailedTo("eli@example.org", "email-change-old");
    await follow(toNew);
    const [eli] = await database.db.select().from(users).where(eq(users.email, "eli@example.org"));
    await database.db
      .update(emailChanges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailChanges.userId, eli!.id));
    const expired = await follow(toOld);
    expect(expired.opened).toContain("This link cannot be used");
    expect(expired.confirmed.status).toBe(400);
    expect(await emailOf(eli!.id)).toBe("eli@example.org");
  });
});

describe("leaving the founding roll", () => {
  it("asks first, then counts the member as left, keeps them off the next roll, and audits it", async () => {
    expect(await html(await app.request("/founding", { form: { intent: "invite" }, cookie: organiser }))).toContain("4 invitations sent.");
    for (const p of ["dee", "eli", "fay", "gus"]) {
      await app.request("/founding", { form: { intent: "accept", acceptStatement: "yes", consent: "yes" }, cookie: cookie[p] });
    }
    expect(await html(await app.request("/founding", { cookie: cookie.dee }))).toContain('href="/founding/leave"');

    const ask = await html(await app.request("/founding/leave", { cookie: cookie.dee }));
    expect(ask).toContain("Are you sure you want to leave the founding roll?");
    const unconfirmed = await app.request("/founding/leave", { form: {}, cookie: cookie.dee });
    expect(unconfirmed.status).toBe(400);
    const unconfirmedPage = await html(unconfirmed);
    expect(unconfirmedPage).toContain('href="#confirmLeave"');
    expect(await database.db.select().from(foundingMembers).where(isNotNull(foundingMembers.leftAt))).toHaveLength(0);

    const left = await app.request("/founding/leave", { form: { confirmLeave: "yes" }, cookie: cookie.dee });
    expect(left.status).toBe(302);
    expect(left.headers.get("Location")).toBe("/founding/leave");
    const after = await html(await app.request("/founding/leave", { cookie: cookie.dee }));
    expect(after).toContain("You have left the founding roll");
    expect(after).toMatch(/You left the founding roll on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(await html(await app.request("/founding", { cookie: cookie.dee }))).not.toContain('href="/founding/leave">Leave');

    const [dee] = await database.db.select().from(users).where(eq(users.email, "dee@example.org"));
    const [entry] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: "founding.left", subjectId: dee!.id });
    // Cannot rejoin by accepting again, nor vote as a founding member.
    expect((await app.request("/founding", { form: { intent: "accept", acceptStatement: "yes", consent: "yes" }, cookie: cookie.dee })).status).toBe(400);
  });

  it("counts an erased member as left and keeps them off later rolls", async () => {
    await app.request("/account", { form: { intent: "change-email", newEmail: "fay.elsewhere@example.org" }, cookie: cookie.fay });
    const [fay] = await database.db.select().from(users).where(eq(users.email, "fay@example.org"));
    expect(await database.db.select().from(emailChanges).where(eq(emailChanges.userId, fay!.id))).toHaveLength(1);
    const erased = await app.request("/account", { form: { intent: "erase", confirmErase: "yes" }, cookie: cookie.fay });
    expect(erased.status).toBe(302);
    // The address asked for goes with the rest of their details.
    expect(await database.db.select().from(emailChanges).where(eq(emailChanges.userId, fay!.id))).toHaveLength(0);
    const rows = await database.db.select().from(foundingMembers);
    expect(rows.filter((r) => r.leftAt !== null)).toHaveLength(2);

    const page = await html(await app.request("/founding", { cookie: cookie.eli }));
    expect(page).toMatch(/<dt>Founding members<\/dt><dd>2<\/dd>/);
    expect(page).toMatch(/<dt>Left the roll<\/dt><dd>2<\/dd>/);

    // The standing orders vote names the returning officer it confirms (4.1): appoint one first.
    await grantRole(database.db, { email: "ro@example.org", displayName: "Rhian Roberts", role: "returning_officer", actor: systemActor() });
    const opened = await app.request("/founding", { form: { intent: "standing-orders", closesAt: "2099-01-01T12:00" }, cookie: organiser });
    expect(await html(opened)).toContain("open to 2 founding members");
    const [m] = await database.db.select().from(movement);
    const roll = await database.db.select({ userId: pollRoll.userId }).from(pollRoll).where(eq(pollRoll.pollId, m!.standingOrdersPollId!));
    const onRoll = await database.db
      .select({ email: users.email })
      .from(users)
      .where(
        inArray(
          users.id,
          roll.map((r) => r.userId),
        ),
      );
    expect(onRoll.map((u) => u.email).sort()).toEqual(["eli@example.org", "gus.new@example.org"]);
    // Ballots already cast stay: the decision ballot still counts all four.
    const [decision] = await database.db.select().from(polls).where(eq(polls.id, m!.decisionPollId!));
    expect(decision?.ballotCount).toBe(4);
  });
});

describe("removing your information never leaves the movement without an organiser (issue 14 item 1)", () => {
  it("refuses the only organiser, with the way on, and changes nothing", async () => {
    const refused = await app.request("/account", { form: { intent: "erase", confirmErase: "yes" }, cookie: organiser });
    expect(refused.status).toBe(409);
    expect(await html(refused)).toContain("You are the movement&#x27;s only organiser. Appoint another organiser on the Roles page first");
    const [still] = await database.db.select().from(users).where(eq(users.email, "org@example.org"));
    expect(still).toMatchObject({ role: "organiser", erasedAt: null });
  });

  it("lets an organiser go once another holds the role", async () => {
    await grantRole(database.db, { email: "hal@example.org", role: "organiser", actor: systemActor() });
    const erased = await app.request("/account", { form: { intent: "erase", confirmErase: "yes" }, cookie: organiser });
    expect(erased.status).toBe(302);
    const organisers = await database.db.select({ email: users.email }).from(users).where(eq(users.role, "organiser"));
    expect(organisers.map((o) => o.email)).toEqual(["hal@example.org"]);
  });
});
