import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { campaignFigures, rebuildCounts } from "../../app/modules/pledges/counts.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, demands, movement, outbox, pendingPledges, pledgeDailyCounts, pledges, polls, users } from "../../db/schema";
import { cookieFor, createTestApp, withoutNonce } from "../support/app-harness";
import { pledgeForm } from "../support/pledge-form";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
let member = "";

/** The running totals, compared with a recount of the pledges from scratch. */
async function expectTotalsMatchRecount() {
  const kept = await database.db.select().from(pledgeDailyCounts);
  await database.db.transaction((tx) => rebuildCounts(tx));
  const rebuilt = await database.db.select().from(pledgeDailyCounts);
  const key = (r: (typeof kept)[number]) => `${r.day}|${r.region}|${r.relation}|${r.confirmed}|${r.withdrawn}|${r.subscriptionsPence}`;
  // A day whose changes cancelled out keeps a row of zeros; it counts for nothing.
  const nonZero = (r: (typeof kept)[number]) => r.confirmed !== 0 || r.withdrawn !== 0 || r.subscriptionsPence !== 0;
  expect(rebuilt.filter(nonZero).map(key).sort()).toEqual(kept.filter(nonZero).map(key).sort());
}

async function latestMailTo(email: string) {
  const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).limit(1);
  return mail;
}
const linkIn = (text: string, path: string) => {
  const match = new RegExp(`http://localhost:3000(${path}\\?token=[a-z2-7]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link`);
  return match[1];
};
const tokenOf = (link: string) => new URL(link, "http://x").searchParams.get("token") ?? "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await database.db
    .insert(movement)
    .values({ name: "Test Movement", partyName: "the Test Party", statement: "We mean it.", deadline: new Date(Date.now() + 86_400_000) });
  await database.db.insert(demands).values([{ position: 1, title: "Open selections", body: "Members choose." }]);
  await grantRole(database.db, { email: "org@example.org", role: "organiser", actor: systemActor() });
  await grantRole(database.db, { email: "mem@example.org", role: "member", actor: systemActor() });
  organiser = await cookieFor(database.db, "org@example.org");
  member = await cookieFor(database.db, "mem@example.org");
});
afterAll(() => database.drop());

describe("pledging", () => {
  it("explains bad input field by field and keeps what was typed", async () => {
    const res = await app.request("/pledge", { form: pledgeForm({ postcode: "nowhere", consentDataUse: "" }) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter a real postcode");
    expect(html).toContain("You must agree to how we use your information");
    expect(html).toContain('value="Zebedee Quartermaine"');
    expect(await database.db.select().from(pledges)).toHaveLength(0);
  });

  it("counts a pledge only once its email is confirmed", async () => {
    const res = await app.request("/pledge", { form: pledgeForm() });
    expect(await res.text()).toContain("Check your email to confirm your pledge");
    expect((await campaignFigures(database.db)).pledged).toBe(0);
    const mail = await latestMailTo("zeb@example.org");
    const confirm = linkIn(mail!.bodyText, "/pledge/confirm");
    const opened = await app.request(confirm);
    expect(await opened.text()).toContain("Confirm my pledge");
    expect((await campaignFigures(database.db)).pledged).toBe(0);
    const done = await app.request("/pledge/confirm", { form: { token: tokenOf(confirm) } });
    expect(await done.text()).toContain("Your pledge is confirmed");
    const figures = await campaignFigures(database.db);
    expect(figures).toMatchObject({ pledged: 1, subscriptionsPence: 525, byRelation: { member: 1 } });
    expect(figures.byRegion).toEqual([{ region: "Scotland", pledged: 1 }]);
  });

  it("changes nothing and reveals nothing on a second pledge with the same email", async () => {
    const before = await database.db.select().from(pledges);
    const first = await (await app.request("/pledge", { form: pledgeForm({ email: "new@example.org" }) })).text();
    const again = await (await app.request("/pledge", { form: pledgeForm({ name: "Someone Else", relation: "supporter" }) })).text();
    const strip = (html: string) =>
      withoutNonce(html)
        .replace(/new@example\.org|zeb@example\.org/g, "EMAIL")
        .replace(/Someone Else|Zebedee Quartermaine/g, "NAME")
        .replace(/"relation":"\w+"/g, "");
    expect(strip(again)).toBe(strip(first));
    const after = await database.db.select().from(pledges).where(eq(pledges.email, "zeb@example.org"));
    expect(after).toEqual(before.filter((p) => p.email === "zeb@example.org"));
    expect((await latestMailTo("zeb@example.org"))?.kind).toBe("pledge-repeated");
  });

  it("withdraws with one link, and counts the withdrawal", async () => {
    const [firstMail] = await database.db.select().from(outbox).where(eq(outbox.kind, "pledge-confirmation")).orderBy(outbox.id).limit(1);
    const withdraw = linkIn(firstMail!.bodyText, "/pledge/withdraw");
    const res = await app.request("/pledge/withdraw", { form: { token: tokenOf(withdraw) } });
    expect(await res.text()).toContain("Your pledge is withdrawn");
    expect(await campaignFigures(database.db)).toMatchObject({ pledged: 0, withdrawn: 1, subscriptionsPence: 0 });
    const [row] = await database.db.select().from(pledges).where(eq(pledges.email, "zeb@example.org"));
    expect(row?.withdrawnAt).not.toBeNull();
    const again = await app.request("/pledge/withdraw", { form: { token: tokenOf(withdraw) } });
    expect(again.status).toBe(409);
  });

  it("renews a withdrawn pledge when the person pledges again, to be confirmed afresh", async () => {
    const res = await app.request("/pledge", { form: pledgeForm({ relation: "supporter", monthlySubscription: "" }) });
    expect(await res.text()).toContain("Check your email to confirm your pledge");
    // Until the link mailed to the address is followed, the withdrawn record stays as it was.
    const [row] = await database.db.select().from(pledges).where(eq(pledges.email, "zeb@example.org"));
    expect(row).toMatchObject({ relation: "member" });
    expect(row?.withdrawnAt).not.toBeNull();
    const link = linkIn((await latestMailTo("zeb@example.org"))!.bodyText, "/pledge/confirm");
    await app.request("/pledge/confirm", { form: { token: tokenOf(link) } });
    const [renewed] = await database.db.select().from(pledges).where(eq(pledges.email, "zeb@example.org"));
    expect(renewed).toMatchObject({ withdrawnAt: null, relation: "supporter" });
    expect(await campaignFigures(database.db)).toMatchObject({ pledged: 1, withdrawn: 0, byRelation: { supporter: 1 } });
  });

  it("limits pledges per email address, so nobody can be mail-bombed through the form", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await app.request("/pledge", { form: pledgeForm({ email: "target@example.org" }), ip: `198.51.100.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await database.db.select().from(outbox).where(eq(outbox.toAddress, "target@example.org"))).length).toBe(3);
  });

  it("keeps the running totals equal to a recount of the pledges", expectTotalsMatchRecount);

  it("never shows a pledger's name or email on the public campaign page", async () => {
    const html = await (await app.request("/campaign")).text();
    expect(html).toContain("Open selections");
    expect(html).not.toContain("Quartermaine");
    expect(html).not.toContain("zeb@example.org");
  });
});

describe("a pledge with an address that already has a record", () => {
  const stranger = { name: "Mallory Stranger", postcode: "SW1A 1AA", relation: "supporter", membershipNumber: "", monthlySubscription: "" };
  const rowOf = async (email: string) => (await database.db.select().from(pledges).where(eq(pledges.email, email)))[0];
  const pendingOf = async (id: string) => database.db.select().from(pendingPledges).where(eq(pendingPledges.pledgeId, id));
  const confirmedAndWithdrawn = async (email: string, name: string) => {
    await app.request("/pledge", { form: pledgeForm({ email, name }) });
    const mail = (await latestMailTo(email))!.bodyText;
    await app.request("/pledge/confirm", { form: { token: tokenOf(linkIn(mail, "/pledge/confirm")) } });
    await app.request("/pledge/withdraw", { form: { token: tokenOf(linkIn(mail, "/pledge/withdraw")) } });
    return (await rowOf(email))!;
  };

  it("leaves a withdrawn pledger's record unchanged, and shows the stranger the page a new address gets", async () => {
    const before = await confirmedAndWithdrawn("wanda@example.org", "Wanda Original");
    expect(before.withdrawnAt).not.toBeNull();
    const figures = await campaignFigures(database.db);
    const fresh = await (await app.request("/pledge", { form: pledgeForm({ ...stranger, email: "fresh@example.org" }) })).text();
    const known = await (await app.request("/pledge", { form: pledgeForm({ ...stranger, email: "wanda@example.org" }) })).text();
    const strip = (html: string) => withoutNonce(html).replace(/fresh@example\.org|wanda@example\.org/g, "EMAIL");
    expect(strip(known)).toBe(strip(fresh));
    expect(await rowOf("wanda@example.org")).toEqual(before);
    expect(await campaignFigures(database.db)).toMatchObject({ pledged: figures.pledged, withdrawn: figures.withdrawn });
    // The owner of the address is asked, with the same mail a new pledge gets.
    expect((await latestMailTo("wanda@example.org"))?.kind).toBe("pledge-confirmation");
  });

  it("applies the new details only once the link mailed to that address is followed", async () => {
    const before = (await rowOf("wanda@example.org"))!;
    const figures = await campaignFigures(database.db);
    const link = linkIn((await latestMailTo("wanda@example.org"))!.bodyText, "/pledge/confirm");
    const opened = await (await app.request(link)).text();
    expect(opened).toContain("Confirm my pledge");
    expect(await rowOf("wanda@example.org")).toEqual(before);
    const done = await app.request("/pledge/confirm", { form: { token: tokenOf(link) } });
    expect(await done.text()).toContain("Your pledge is confirmed");
    const after = (await rowOf("wanda@example.org"))!;
    expect(after).toMatchObject({
      id: before.id,
      name: "Mallory Stranger",
      postcode: "SW1A 1AA",
      region: "London",
      relation: "supporter",
      withdrawnAt: null,
      membershipNumber: null,
    });
    expect(after.confirmedAt).not.toBeNull();
    expect(await pendingOf(before.id)).toEqual([]);
    // The old confirmation and withdrawal leave the totals; the renewed pledge counts once.
    expect(await campaignFigures(database.db)).toMatchObject({ pledged: figures.pledged + 1, withdrawn: figures.withdrawn - 1 });
    const [entry] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: "pledge.renewal_confirmed", subjectId: before.id });
    // The withdrawal link mailed with it now withdraws the renewed pledge (and keeps the roll of later tests as it was).
    const withdraw = linkIn((await latestMailTo("wanda@example.org"))!.bodyText, "/pledge/withdraw");
    expect(await (await app.request("/pledge/withdraw", { form: { token: tokenOf(withdraw) } })).text()).toContain("Your pledge is withdrawn");
  });

  it("applies nothing from a superseded or an expired link", async () => {
    const before = await confirmedAndWithdrawn("otto@example.org", "Otto Original");
    await app.request("/pledge", { form: pledgeForm({ ...stranger, email: "otto@example.org" }) });
    const first = linkIn((await latestMailTo("otto@example.org"))!.bodyText, "/pledge/confirm");
    await app.request("/pledge", { form: pledgeForm({ ...stranger, name: "Second Stranger", email: "otto@example.org" }) });
    const second = linkIn((await latestMailTo("otto@example.org"))!.bodyText, "/pledge/confirm");
    expect(await (await app.request(first)).text()).toContain("not valid");
    expect((await app.request("/pledge/confirm", { form: { token: tokenOf(first) } })).status).toBe(409);
    expect(await rowOf("otto@example.org")).toEqual(before);
    await database.db
      .update(pendingPledges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(pendingPledges.pledgeId, before.id));
    expect(await (await app.request(second)).text()).toContain("not valid");
    expect((await app.request("/pledge/confirm", { form: { token: tokenOf(second) } })).status).toBe(409);
    expect(await rowOf("otto@example.org")).toEqual(before);
  });

  it("leaves a confirmed pledger's record untouched and keeps nothing of the stranger's", async () => {
    await app.request("/pledge", { form: pledgeForm({ email: "cora@example.org", name: "Cora Confirmed" }) });
    const own = (await latestMailTo("cora@example.org"))!.bodyText;
    await app.request("/pledge/confirm", { form: { token: tokenOf(linkIn(own, "/pledge/confirm")) } });
    const before = (await rowOf("cora@example.org"))!;
    expect(before.confirmedAt).not.toBeNull();
    const res = await app.request("/pledge", { form: pledgeForm({ ...stranger, email: "cora@example.org" }) });
    expect(await res.text()).toContain("Check your email to confirm your pledge");
    expect(await rowOf("cora@example.org")).toEqual(before);
    expect(await pendingOf(before.id)).toEqual([]);
    expect((await latestMailTo("cora@example.org"))?.kind).toBe("pledge-repeated");
    // Withdrawn, so that the roll of later tests stays as it was.
    await app.request("/pledge/withdraw", { form: { token: tokenOf(linkIn(own, "/pledge/withdraw")) } });
  });

  it("still limits pledges per address when the address is known", async () => {
    await confirmedAndWithdrawn("rita@example.org", "Rita Original");
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await app.request("/pledge", { form: pledgeForm({ ...stranger, email: "rita@example.org" }), ip: `203.0.113.${i}` })).status);
    // The first of the address's three pledges was Rita's own.
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("keeps the running totals equal to a recount of the pledges", expectTotalsMatchRecount);
});

describe("running the campaign", () => {
  it("is for organisers only", async () => {
    expect((await app.request("/campaign/manage", { cookie: member })).status).toBe(403);
    expect((await app.request("/campaign/manage", { form: { intent: "add-demand", title: "x", body: "y" }, cookie: member })).status).toBe(403);
    expect((await app.request("/campaign/manage")).status).toBe(302);
  });

  it("emails a confirmation link to unconfirmed pledges that never had one (from an imported file)", async () => {
    await database.db.insert(pledges).values({
      name: "Imported Person",
      email: "imported@example.org",
      postcode: "M14 5AB",
      region: "North West",
      relation: "former_member",
      consentContact: false,
      consentDataUse: true,
      consentVersion: "import:file.csv",
    });
    const page = await (await app.request("/campaign/manage", { cookie: organiser })).text();
    expect(page).toContain("Email them a confirmation link");
    const sent = await app.request("/campaign/manage", { form: { intent: "send-confirmations" }, cookie: organiser });
    expect(await sent.text()).toContain("1 confirmation emails are on their way.");
    const link = linkIn((await latestMailTo("imported@example.org"))!.bodyText, "/pledge/confirm");
    await app.request("/pledge/confirm", { form: { token: tokenOf(link) } });
    const [row] = await database.db.select().from(pledges).where(eq(pledges.email, "imported@example.org"));
    expect(row?.confirmedAt).not.toBeNull();
    expect(await (await app.request("/campaign/manage", { cookie: organiser })).text()).not.toContain("Email them a confirmation link");
  });

  it("edits the campaign and its demands until the deadline, every change audited", async () => {
    const add = await app.request("/campaign/manage", {
      form: { intent: "add-demand", title: "Open books", body: "Publish the accounts." },
      cookie: organiser,
    });
    expect(await add.text()).toContain("The demand is added.");
    const [second] = await database.db.select().from(demands).where(eq(demands.title, "Open books"));
    await app.request("/campaign/manage", { form: { intent: "move-up", id: String(second!.id) }, cookie: organiser });
    const order = await database.db.select().from(demands).orderBy(demands.position);
    expect(order.map((d) => d.title)).toEqual(["Open books", "Open selections"]);
    const bad = await app.request("/campaign/manage", {
      form: { intent: "settings", name: "", partyName: "x", statement: "", deadline: "soon" },
      cookie: organiser,
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter the movement");
    const actions = (await database.db.select().from(auditLog)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["campaign.demand_added", "campaign.demand_moved"]));
  });

  it("after the deadline: records responses, opens the decision ballot to confirmed pledgers, and settles the outcome", async () => {
    // Two confirmed pledgers who have no account yet.
    for (const email of ["p1@example.org", "p2@example.org"]) {
      await app.request("/pledge", { form: pledgeForm({ email, name: email }) });
      const link = linkIn((await latestMailTo(email))!.bodyText, "/pledge/confirm");
      await app.request("/pledge/confirm", { form: { token: tokenOf(link) } });
    }
    const early = await app.request("/campaign/manage", { form: { intent: "open-decision", closesAt: "2099-01-01T12:00" }, cookie: organiser });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("can open only after the deadline");
    await database.db.update(movement).set({ deadline: new Date(Date.now() - 1000) });

    const locked = await app.request("/campaign/manage", { form: { intent: "add-demand", title: "Late", body: "Too late" }, cookie: organiser });
    expect(locked.status).toBe(409);
    // A pledge confirmed after the deadline no longer counts.
    await app.request("/pledge", { form: pledgeForm({ email: "late@example.org" }) }).catch(() => null);
    const lateMail = await latestMailTo("late@example.org");
    expect(lateMail).toBeUndefined();
    const [d1] = await database.db.select().from(demands).orderBy(demands.position);
    const response = await app.request("/campaign/manage", {
      form: { intent: "response", id: String(d1!.id), response: "not_met", note: "Rejected at conference.", evidenceUrl: "https://example.org/minutes" },
      cookie: organiser,
    });
    expect(await response.text()).toContain("recorded and published");
    expect(await (await app.request("/campaign")).text()).toContain("Rejected at conference.");

    const opened = await app.request("/campaign/manage", { form: { intent: "open-decision", closesAt: "2099-01-01T12:00" }, cookie: organiser });
    expect(await opened.text()).toContain("4 pledgers are on its roll");
    const [m] = await database.db.select().from(movement);
    expect(m?.phase).toBe("decision");
    const invited = await database.db.select().from(outbox).where(eq(outbox.kind, "decision-invitation"));
    expect(invited.map((x) => x.toAddress).sort()).toEqual(["imported@example.org", "p1@example.org", "p2@example.org", "zeb@example.org"]);
    const accounts = await database.db
      .select()
      .from(users)
      .where(sql`${users.email} in ('p1@example.org', 'p2@example.org')`)
      .orderBy(users.email);
    expect(accounts).toHaveLength(2);

    // Both vote to found a new party, one of them twice at once: counted once.
    const [p1, p2] = accounts;
    const found = [2, 0];
    const double = await Promise.all([1, 2].map(() => castBallot(database.db, { pollId: m!.decisionPollId!, userId: p1!.id, ranking: found })));
    expect(double.filter((r) => r.ok)).toHaveLength(1);
    await castBallot(database.db, { pollId: m!.decisionPollId!, userId: p2!.id, ranking: [2] });
    await closePoll(database.db, systemActor(), m!.decisionPollId!);
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, m!.decisionPollId!));
    expect(poll?.ballotCount).toBe(2);

    const settled = await app.request("/campaign/manage", { form: { intent: "settle-decision" }, cookie: organiser });
    expect(await settled.text()).toContain("found a new party");
    expect((await database.db.select().from(movement))[0]?.phase).toBe("founding");
  });
});
