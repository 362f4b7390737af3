/**
 * Roles from the app (issue 14): organisers appoint and remove organisers and the returning
 * officer on /roles, within the rules of role-rules.ts; every change audited and emailed, and
 * seen by the person's sessions on their next page. The pages say what they are waiting for.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { currentElection, listPositions, type Position } from "../../app/modules/elections/current-election.server";
import { stand } from "../../app/modules/elections/nominations.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, candidacies, elections, outbox, seconders, users } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { foundingMembersReady } from "../support/constitution-fixture";
import { electionOpenForNominations } from "../support/election-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
const founder: string[] = [];
let organiser = "";
let organiserId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  ({ ids } = await foundingMembersReady(database.db, 4, { adoptStandingOrders: false }));
  for (let i = 0; i < ids.length; i += 1) founder.push(await cookieFor(database.db, `founder${i + 1}@example.org`));
  const o = await grantRole(database.db, { email: "olive@example.org", displayName: "Olive Organiser", role: "organiser", actor: systemActor() });
  if (!o.ok) throw new Error("organiser");
  organiserId = o.userId;
  organiser = await cookieFor(database.db, "olive@example.org");
  await electionOpenForNominations(database.db);
});
afterAll(() => database.drop());

async function leader(): Promise<Position> {
  const election = (await currentElection(database.db))!;
  return (await listPositions(database.db, election.id)).find((p) => p.title === "Leader")!;
}

async function post(path: string, who: string, form: Record<string, string>) {
  const res = await app.request(path, { cookie: who, form });
  return { status: res.status, html: await html(res) };
}

async function get(path: string, who: string | null) {
  const res = await app.request(path, { cookie: who });
  return { status: res.status, html: res.status === 200 ? await html(res) : "" };
}

async function roleOf(userId: string) {
  const [u] = await database.db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return u?.role;
}

async function audits(action: string, subjectId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
}

async function mailTo(email: string) {
  return database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, "role-change")));
}

describe("who may see and change roles", () => {
  it("lets every signed-in person read who holds which role, and only organisers change them", async () => {
    const asMember = await get("/roles", founder[0]!);
    expect(asMember.status).toBe(200);
    expect(asMember.html).toContain("Olive Organiser");
    expect(asMember.html).toContain("There is no returning officer.");
    // The addresses and the forms are the organisers'.
    expect(asMember.html).not.toContain("olive@example.org");
    expect(asMember.html).not.toContain("Appoint someone");
    expect((await get("/roles", null)).status).toBe(302);

    const refused = await app.request("/roles", { cookie: founder[0]!, form: { intent: "appoint", role: "organiser", email: "founder1@example.org" } });
    expect(refused.status).toBe(403);
    const removal = await app.request("/roles", { cookie: founder[0]!, form: { intent: "remove", role: "organiser", userId: organiserId } });
    expect(removal.status).toBe(403);
    expect(await roleOf(ids[0]!)).toBe("member");
    expect(await roleOf(organiserId)).toBe("organiser");

    const asOrganiser = await get("/roles", organiser);
    expect(asOrganiser.html).toContain("olive@example.org");
    expect(asOrganiser.html).toMatch(/<a [^>]*href="\/roles"[^>]*>Roles<\/a>/);
    expect((await get("/", founder[0]!)).html).not.toMatch(/<a [^>]*href="\/roles"[^>]*>Roles<\/a>/);
  });

  it("says plainly when nobody has an account with the address, keeping what was typed", async () => {
    const r = await post("/roles", organiser, { intent: "appoint", role: "organiser", email: "Nobody@Example.org" });
    expect(r.status).toBe(400);
    expect(r.html).toContain("Nobody in the movement has an account with that email address.");
    expect(r.html).toContain('href="#email"');
    expect(r.html).toContain('value="Nobody@Example.org"');
  });
});

describe("what the elections page is waiting for", () => {
  it("after nominations close with no returning officer: says so, and where to appoint one (the issue's case)", async () => {
    const election = (await currentElection(database.db))!;
    const hour = 3600_000;
    await database.db
      .update(elections)
      .set({ nominationsOpenAt: new Date(Date.now() - 2 * hour), nominationsCloseAt: new Date(Date.now() - hour) })
      .where(eq(elections.id, election.id));
    try {
      const page = await get("/elections", organiser);
      expect(page.html).toContain("Waiting for the returning officer to open the ballots. There is no returning officer yet: appoint one on the Roles page.");
      expect(page.html).toContain("Not open yet: waiting for the returning officer");
      const position = await get(`/elections/positions/${(await leader()).id}`, founder[0]!);
      expect(position.html).toContain("There is no returning officer yet: an organiser appoints one on the Roles page.");
    } finally {
      await database.db
        .update(elections)
        .set({ nominationsOpenAt: election.nominationsOpenAt, nominationsCloseAt: election.nominationsCloseAt })
        .where(eq(elections.id, election.id));
    }
    // Nominations open again: the organisers are told to appoint one before they close.
    expect((await get("/elections", organiser)).html).toContain("Appoint one on the Roles page before then.");
  });
});

describe("appointing and removing", () => {
  it("appoints an organiser: audited with the role, emailed, and in force on their next page", async () => {
    expect((await app.request("/campaign/manage", { cookie: founder[0]! })).status).toBe(403);
    const r = await post("/roles", organiser, { intent: "appoint", role: "organiser", email: "FOUNDER1@example.org" });
    expect(r.status).toBe(200);
    expect(r.html).toContain("Founder 1 is now an organiser.");
    expect(await roleOf(ids[0]!)).toBe("organiser");
    const [entry] = await audits("role.appointed", ids[0]!);
    expect(entry?.details).toEqual({ role: "organiser", previousRole: "member" });
    expect(entry?.actorId).toBe(organiserId);
    const [mail] = await mailTo("founder1@example.org");
    expect(mail?.subject).toBe("You are now an organiser of Test Movement");
    expect(mail?.bodyText).toContain("Olive Organiser has appointed you organiser in Test Movement.");
    // The one who made the change is not emailed about it.
    expect(await mailTo("olive@example.org")).toEqual([]);
    // The same session, not signed in again.
    expect((await app.request("/campaign/manage", { cookie: founder[0]! })).status).toBe(200);
  });

  it("refuses a candidate in the running election as returning officer, saying why", async () => {
    const stood = await stand(database.db, { id: ids[1]!, email: "founder2@example.org" }, (await leader()).id, {
      statement: "Me.",
      consent: true,
      registeredOfficer: true,
      treasurerEligible: false,
    });
    expect(stood.ok).toBe(true);
    const r = await post("/roles", organiser, { intent: "appoint", role: "returning_officer", email: "founder2@example.org" });
    expect(r.status).toBe(400);
    expect(r.html).toContain("Founder 2 is a candidate in the election that is running. The returning officer runs the election, so takes no side in it");
    expect(await roleOf(ids[1]!)).toBe("member");
    expect(await audits("role.appointed", ids[1]!)).toEqual([]);
  });

  it("refuses an organiser as returning officer: remove them as organiser first", async () => {
    const r = await post("/roles", organiser, { intent: "appoint", role: "returning_officer", email: "founder1@example.org" });
    expect(r.status).toBe(400);
    expect(r.html).toContain("Founder 1 is an organiser. The returning officer runs the ballots independently of the organisers");
    expect(await roleOf(ids[0]!)).toBe("organiser");
  });

  it("appoints the returning officer: emailed to them and the other organisers, and they can run the election at once", async () => {
    const before = await get("/elections", founder[3]!);
    expect(before.html).not.toContain("Close nominations and open the ballot");
    const r = await post("/roles", organiser, { intent: "appoint", role: "returning_officer", email: "founder4@example.org" });
    expect(r.status).toBe(200);
    expect(r.html).toContain("Founder 4 is now the returning officer.");
    const [entry] = await audits("role.appointed", ids[3]!);
    expect(entry?.details).toEqual({ role: "returning_officer", previousRole: "member" });
    expect(JSON.stringify(entry?.details)).not.toContain("@");
    expect((await mailTo("founder4@example.org")).map((m) => m.subject)).toEqual(["You are now the returning officer of Test Movement"]);
    expect((await mailTo("founder1@example.org")).map((m) => m.subject)).toContain("Founder 4 appointed returning officer");
    const after = await get("/elections", founder[3]!);
    expect(after.html).toContain("Close nominations and open the ballot");
    // Everyone signed in can see who it is.
    expect((await get("/roles", founder[1]!)).html).toContain("Founder 4");
  });

  it("refuses the returning officer's standing, nominating and seconding, and shows them no such forms", async () => {
    const positionPath = `/elections/positions/${(await leader()).id}`;
    const refusal = "You are the returning officer, so you cannot stand, nominate or second in this election.";
    const standing = await post(positionPath, founder[3]!, { intent: "stand", statement: "Me too.", consent: "yes", registeredOfficer: "yes" });
    expect(standing.status).toBe(400);
    expect(standing.html).toContain(refusal);
    const nominating = await post(positionPath, founder[3]!, { intent: "nominate", nomineeId: ids[2]! });
    expect(nominating.html).toContain(refusal);
    const [candidacy] = await database.db.select({ id: candidacies.id }).from(candidacies).where(eq(candidacies.userId, ids[1]!));
    const candidacyId = candidacy!.id;
    const seconding = await post(positionPath, founder[3]!, { intent: "second", candidacyId });
    expect(seconding.html).toContain(refusal);
    expect(await database.db.select().from(seconders).where(eq(seconders.userId, ids[3]!))).toEqual([]);
    // Nobody can nominate them either.
    const nominee = await post(positionPath, founder[2]!, { intent: "nominate", nomineeId: ids[3]! });
    expect(nominee.html).toContain("They are the returning officer, who runs this election and cannot stand in it.");
    const page = await get(positionPath, founder[3]!);
    expect(page.html).toContain(refusal);
    expect(page.html).not.toContain("Stand for Leader");
    expect(page.html).not.toContain("Second Founder 2");
  });

  it("replaces the returning officer by appointing another: the old one is told and loses the role", async () => {
    const r = await post("/roles", organiser, { intent: "appoint", role: "returning_officer", email: "founder3@example.org" });
    expect(r.status).toBe(200);
    expect(r.html).toContain("Founder 3 is now the returning officer, in place of Founder 4.");
    expect(await roleOf(ids[3]!)).toBe("member");
    expect(await roleOf(ids[2]!)).toBe("returning_officer");
    const [removed] = await audits("role.removed", ids[3]!);
    expect(removed?.details).toEqual({ role: "returning_officer", replacedBy: ids[2] });
    expect((await mailTo("founder4@example.org")).map((m) => m.subject)).toContain("You are no longer the returning officer of Test Movement");
    expect((await get("/elections", founder[3]!)).html).not.toContain("Close nominations and open the ballot");
  });

  it("keeps the returning officer while the election runs: replace, do not remove", async () => {
    const r = await post("/roles", organiser, { intent: "remove", role: "returning_officer", userId: ids[2]! });
    expect(r.status).toBe(409);
    expect(r.html).toContain("An election is running, and only the returning officer can open, count and declare it.");
    expect(await roleOf(ids[2]!)).toBe("returning_officer");
  });

  it("removes an organiser, and never the last one, not even by themselves", async () => {
    const r = await post("/roles", organiser, { intent: "remove", role: "organiser", userId: ids[0]! });
    expect(r.status).toBe(200);
    expect(r.html).toContain("Founder 1 is no longer an organiser.");
    expect((await audits("role.removed", ids[0]!)).map((e) => e.details)).toEqual([{ role: "organiser" }]);
    expect((await mailTo("founder1@example.org")).map((m) => m.subject)).toContain("You are no longer an organiser of Test Movement");
    expect((await app.request("/campaign/manage", { cookie: founder[0]! })).status).toBe(403);

    const self = await post("/roles", organiser, { intent: "remove", role: "organiser", userId: organiserId });
    expect(self.status).toBe(409);
    expect(self.html).toContain("The movement must always have at least one organiser.");
    expect(await roleOf(organiserId)).toBe("organiser");
    // The page offers no button that cannot work, and says why.
    expect(self.html).not.toContain("Remove yourself as organiser");
  });
});

describe("closing a poll early", () => {
  it("tells the organisers who can: the returning officer, by name", async () => {
    const created = await createPoll(database.db, systemActor(), {
      title: "A question",
      method: "yes-no",
      options: [],
      closesAt: new Date(Date.now() + 3600_000),
    });
    if (!created.ok) throw new Error(created.code);
    await openPoll(database.db, systemActor(), created.pollId, ids);
    const page = await get(`/polls/${created.pollId}`, organiser);
    expect(page.html).toContain(
      "Only the returning officer can close a poll before its closing time. It closes and is counted by itself when the time comes. The returning officer is Founder 3.",
    );
  });
});
