/**
 * Nominating another founding member (standing orders 11.6), and the ends of a count people
 * rarely see (RON winning, a tie decided by lot), through the pages as a browser would use them.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { flat, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { acceptNomination, nominate, stand } from "../../app/modules/elections/nominations.server";
import { addPosition } from "../../app/modules/elections/setup.server";
import { currentElection, listPositions, type Position } from "../../app/modules/elections/current-election.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { grantRole } from "../../app/modules/users/users.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { auditLog, candidacies, elections, outbox, pollOptions, seconders, users } from "../../db/schema";
import { foundingMembersReady } from "../support/constitution-fixture";
import { electionOpenForNominations } from "../support/election-fixture";
import { cookieFor, createTestApp } from "../support/app-harness";
import { holdLocks, lockWaiters } from "../support/locks";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let founder: string[] = [];
let cookie: Record<string, string> = {};
let outsiderId = "";
const agree = { statement: "I will serve.", consent: true, registeredOfficer: true, treasurerEligible: true };
const databases: TestDatabase[] = [];
// The embedded database has one connection: nothing there runs at the same time as anything else.
const onServer = Boolean(process.env.TEST_DATABASE_URL);
const appUrl = { appUrl: "http://localhost:3000" };
const as = (i: number) => ({ id: ids[i]!, email: `founder${i + 1}@example.org` });

/**
 * A database of its own with nine founding members, a member not on the roll, a returning
 * officer, and an election taking nominations for the ready-made offices, a chair and a
 * secretary. A describe block that needs the election in a state of its own starts one.
 */
async function newElectionWorld() {
  database = await createTestDatabase();
  databases.push(database);
  app = await createTestApp(database.db);
  ({ ids } = await foundingMembersReady(database.db, 9, { adoptStandingOrders: false }));
  founder = [];
  cookie = {};
  for (let i = 0; i < ids.length; i += 1) founder.push(await cookieFor(database.db, `founder${i + 1}@example.org`));
  for (const role of ["member", "returning_officer"] as const) {
    const r = await grantRole(database.db, { email: `${role}@example.org`, role, actor: systemActor() });
    if (!r.ok) throw new Error(role);
    if (role === "member") outsiderId = r.userId;
    cookie[role] = await cookieFor(database.db, `${role}@example.org`);
  }
  await electionOpenForNominations(database.db);
  for (const title of ["Chair", "Secretary"]) {
    const added = await addPosition(database.db, systemActor(), { title, seats: 1, secondersRequired: 0, eligibility: "" });
    if (!added.ok) throw new Error(added.code);
  }
}

beforeAll(newElectionWorld);
afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function position(title: string): Promise<Position> {
  const election = (await currentElection(database.db))!;
  return (await listPositions(database.db, election.id)).find((p) => p.title === title)!;
}

/** The page's HTML without the markers React puts between adjacent pieces of text. */
async function html(res: Response): Promise<string> {
  return (await res.text()).replaceAll("<!-- -->", "");
}

async function page(path: string, who: string | null) {
  const res = await app.request(path, { cookie: who });
  return { status: res.status, html: await html(res) };
}

async function post(path: string, who: string | null, form: Record<string, string>) {
  const res = await app.request(path, { cookie: who, form });
  return { status: res.status, html: res.status === 302 ? "" : await html(res), location: res.headers.get("Location") };
}

async function candidacyOf(positionId: string, userId: string) {
  const [row] = await database.db
    .select()
    .from(candidacies)
    .where(and(eq(candidacies.positionId, positionId), eq(candidacies.userId, userId)));
  return row;
}

async function audited(action: string, subjectId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
}

describe("nominating another founding member", () => {
  it("finds founding members by name or membership number, never the searcher", async () => {
    const chair = await position("Chair");
    const byName = await page(`/elections/positions/${chair.id}?find=founder`, founder[0]!);
    expect(byName.status).toBe(200);
    expect(byName.html).toContain("Founder 2 (founding member 2)");
    expect(byName.html).not.toContain("Founder 1 (founding member 1)");
    const byNumber = await page(`/elections/positions/${chair.id}?find=3`, founder[0]!);
    expect(byNumber.html).toContain("Founder 3 (founding member 3)");
    expect(byNumber.html).not.toContain("Founder 2 (founding member 2)");
    // Someone not on the founding roll may not search it.
    const byOutsider = await page(`/elections/positions/${chair.id}?find=founder`, cookie.member!);
    expect(byOutsider.status).toBe(200);
    expect(byOutsider.html).toContain(`${chair.title}</h1>`);
    expect(byOutsider.html).not.toContain("(founding member 2)");
  });

  it("asks the nominee to accept; until then they are not a candidate, and nobody seconds them", async () => {
    const chair = await position("Chair");
    const made = await post(`/elections/positions/${chair.id}?find=Founder%202`, founder[0]!, { intent: "nominate", nomineeId: ids[1]! });
    expect(made.status).toBe(200);
    expect(made.html).toContain("You have nominated Founder 2");
    const c = (await candidacyOf(chair.id, ids[1]!))!;
    expect([c.nominatedBy, c.consentedAt, c.status]).toEqual([ids[0], null, "standing"]);
    expect(await audited("election.nominated", c.id)).toHaveLength(1);
    const mail = await database.db.select().from(outbox).where(eq(outbox.kind, "election-nomination"));
    expect(mail.map((m) => [m.toAddress, m.subject])).toEqual([["founder2@example.org", "Founder 1 has nominated you for Chair"]]);
    expect(mail[0]!.bodyText).toContain(`/elections/positions/${chair.id}`);

    const overview = await page("/elections", founder[1]!);
    expect(overview.html).toContain("You have been nominated");
    expect(overview.html).toContain("Chair, nominated by Founder 1");
    expect((await page("/elections", founder[2]!)).html).not.toContain("You have been nominated");
    const own = await page(`/elections/positions/${chair.id}`, founder[1]!);
    expect(own.html).toContain("Nominated by Founder 1: accept or decline");
    expect(own.html).toContain("Accept the nomination");
    expect(own.html).not.toContain("Stand for Chair</button>");
    // Founding members see the nomination waiting; the public page does not name the nominee.
    expect((await page(`/elections/positions/${chair.id}`, founder[2]!)).html).toContain("Founder 2, nominated by Founder 1");
    expect((await page(`/elections/positions/${chair.id}`, null)).html).not.toContain("Founder 2");
    expect((await page(`/elections/positions/${chair.id}`, null)).html).toContain("Nobody is standing yet.");

    const early = await post(`/elections/positions/${chair.id}`, founder[2]!, { intent: "second", candidacyId: c.id });
    expect(early.status).toBe(400);
    expect(early.html).toContain("They have not accepted their nomination yet.");
  });

  it("takes the nominee's acceptance with the same statement, consent and declarations as standing", async () => {
    const chair = await position("Chair");
    const unconsented = await post(`/elections/positions/${chair.id}`, founder[1]!, { intent: "accept", statement: "Fair chairing for all." });
    expect(unconsented.status).toBe(400);
    expect(unconsented.html).toContain("There is a problem");
    expect(unconsented.html).toContain('href="#consent"');
    expect(unconsented.html).toContain("Fair chairing for all.");
    const accepted = await post(`/elections/positions/${chair.id}`, founder[1]!, { intent: "accept", statement: "Fair chairing for all.", consent: "yes" });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain("You have accepted the nomination");
    const c = (await candidacyOf(chair.id, ids[1]!))!;
    expect(c.consentedAt).not.toBeNull();
    expect(c.nominatedBy).toBe(ids[0]);
    expect(c.statement).toBe("Fair chairing for all.");
    const [entry] = await audited("election.nomination_accepted", c.id);
    expect(entry?.details).toMatchObject({ nominatedBy: ids[0] });
    // Now a candidate: listed publicly, and the nominator is not one of its seconders (11.6), so
    // is not offered the button; other founding members are.
    expect((await page(`/elections/positions/${chair.id}`, null)).html).toContain("Fair chairing for all.");
    expect((await page(`/elections/positions/${chair.id}`, founder[2]!)).html).toContain("Second Founder 2</button>");
    expect((await page(`/elections/positions/${chair.id}`, founder[0]!)).html).not.toContain("Second Founder 2</button>");
    expect((await post(`/elections/positions/${chair.id}`, founder[0]!, { intent: "second", candidacyId: c.id })).html).toContain(
      "You cannot second your own nomination, or one you made.",
    );
    expect((await post(`/elections/positions/${chair.id}`, founder[2]!, { intent: "second", candidacyId: c.id })).status).toBe(200);
    // Accepting again is refused: there is nothing left to accept.
    expect((await post(`/elections/positions/${chair.id}`, founder[1]!, { intent: "accept", statement: "", consent: "yes" })).html).toContain(
      "There is no nomination waiting for your answer here.",
    );
  });

  it("warns a nominee at acceptance when the office would break the officer rules, and refuses it", async () => {
    const treasurer = await position("Treasurer");
    const leader = await position("Leader");
    expect((await stand(database.db, { id: ids[3]!, email: "founder4@example.org" }, treasurer.id, agree)).ok).toBe(true);
    expect((await post(`/elections/positions/${leader.id}`, founder[0]!, { intent: "nominate", nomineeId: ids[3]! })).status).toBe(200);
    const view = await page(`/elections/positions/${leader.id}`, founder[3]!);
    expect(view.html).toContain("Before you accept:");
    expect(view.html).toContain("standing orders (11.3)");
    const refused = await post(`/elections/positions/${leader.id}`, founder[3]!, { intent: "accept", statement: "", consent: "yes", registeredOfficer: "yes" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("You are already standing for another registered office.");
  });

  it("lets the nominee decline, and nobody may nominate them for it again", async () => {
    const chair = await position("Chair");
    expect((await post(`/elections/positions/${chair.id}`, founder[0]!, { intent: "nominate", nomineeId: ids[4]! })).status).toBe(200);
    const declined = await post(`/elections/positions/${chair.id}`, founder[4]!, { intent: "decline" });
    expect(declined.status).toBe(200);
    expect(declined.html).toContain("You have declined the nomination.");
    const c = (await candidacyOf(chair.id, ids[4]!))!;
    expect([c.status, c.consentedAt]).toEqual(["withdrawn", null]);
    expect(await audited("election.nomination_declined", c.id)).toHaveLength(1);
    expect((await page(`/elections/positions/${chair.id}`, founder[4]!)).html).not.toContain("accept or decline");
    const again = await post(`/elections/positions/${chair.id}`, founder[5]!, { intent: "nominate", nomineeId: ids[4]! });
    expect(again.status).toBe(400);
    expect(again.html).toContain("They have already been nominated for this position");
    // Declining twice: the summary says so, with no link to a button the page no longer shows.
    const twice = await post(`/elections/positions/${chair.id}`, founder[4]!, { intent: "decline" });
    expect(twice.status).toBe(400);
    expect(twice.html).toContain("There is no nomination waiting for your answer here.");
    expect(twice.html).not.toContain('href="#decline"');
    // A declined nomination is nobody standing: there is nobody to second.
    const seconded = await post(`/elections/positions/${chair.id}`, founder[5]!, { intent: "second", candidacyId: c.id });
    expect(seconded.status).toBe(400);
    expect(seconded.html).toContain("They have not accepted their nomination yet.");
    expect(await database.db.select().from(seconders).where(eq(seconders.candidacyId, c.id))).toEqual([]);
  });

  it("takes standing, by a nominee whose nomination waits, as accepting it", async () => {
    const officer = await position("Nominating officer");
    expect((await post(`/elections/positions/${officer.id}`, founder[0]!, { intent: "nominate", nomineeId: ids[8]! })).status).toBe(200);
    const stood = await post(`/elections/positions/${officer.id}`, founder[8]!, {
      intent: "stand",
      statement: "Careful with the paperwork.",
      consent: "yes",
      registeredOfficer: "yes",
    });
    expect(stood.status).toBe(200);
    expect(stood.html).toContain("You are standing.");
    const c = (await candidacyOf(officer.id, ids[8]!))!;
    expect([c.nominatedBy, c.status, c.statement]).toEqual([ids[0], "standing", "Careful with the paperwork."]);
    expect(c.consentedAt).not.toBeNull();
    expect(await audited("election.nomination_accepted", c.id)).toHaveLength(1);
    expect(await audited("election.stood", c.id)).toHaveLength(0);
    // Still the nominator's nomination: they may not second it.
    expect((await post(`/elections/positions/${officer.id}`, founder[0]!, { intent: "second", candidacyId: c.id })).html).toContain(
      "You cannot second your own nomination, or one you made.",
    );
  });

  it("refuses nominating yourself, a duplicate, and anyone off the roll, and nominations by anyone off it", async () => {
    const chair = await position("Chair");
    const self = await post(`/elections/positions/${chair.id}`, founder[0]!, { intent: "nominate", nomineeId: ids[0]! });
    expect(self.status).toBe(400);
    expect(self.html).toContain("You cannot nominate yourself this way.");
    // The database reads an id in capitals as the same id.
    const shouted = await post(`/elections/positions/${chair.id}`, founder[0]!, { intent: "nominate", nomineeId: ids[0]!.toUpperCase() });
    expect(shouted.status).toBe(400);
    expect(shouted.html).toContain("You cannot nominate yourself this way.");
    expect(await candidacyOf(chair.id, ids[0]!)).toBeUndefined();
    const duplicate = await post(`/elections/positions/${chair.id}`, founder[2]!, { intent: "nominate", nomineeId: ids[1]! });
    expect(duplicate.status).toBe(400);
    expect(duplicate.html).toContain("They have already been nominated for this position");
    const offRoll = await post(`/elections/positions/${chair.id}`, founder[0]!, { intent: "nominate", nomineeId: outsiderId });
    expect(offRoll.status).toBe(400);
    expect(offRoll.html).toContain("Only founding members on the roll can be nominated.");
    // Nobody chosen: the message links to the first choice, and the choices stay on screen.
    const nothing = await post(`/elections/positions/${chair.id}?find=Founder%207`, founder[0]!, { intent: "nominate" });
    expect(nothing.status).toBe(400);
    expect(nothing.html).toContain(`<a href="#nomineeId-${ids[6]}">Choose the founding member you are nominating</a>`);
    expect(nothing.html).toContain(`action="/elections/positions/${chair.id}?find=Founder%207"`);
    expect(nothing.html).toContain("Founder 7 (founding member 7)");
    const byOutsider = await post(`/elections/positions/${chair.id}`, cookie.member!, { intent: "nominate", nomineeId: ids[6]! });
    expect(byOutsider.status).toBe(403);
    const byVisitor = await post(`/elections/positions/${chair.id}`, null, { intent: "nominate", nomineeId: ids[6]! });
    expect(byVisitor.status).toBe(302);
    expect(byVisitor.location).toMatch(/^\/login/);
    expect(await candidacyOf(chair.id, ids[6]!)).toBeUndefined();
    expect(await candidacyOf(chair.id, outsiderId)).toBeUndefined();
  });
});

/**
 * Two requests at once, made to meet where the bug would be: another transaction holds a lock one
 * of them needs half-way, until both are under way.
 */
describe("at the same time", () => {
  async function until(condition: () => Promise<boolean> | boolean) {
    const giveUp = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > giveUp) throw new Error("gave up waiting");
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it.skipIf(!onServer)("lets one member stand for one registered office only, when they ask for two at once", async () => {
    const leader = await position("Leader");
    const treasurer = await position("Treasurer");
    // Both requests pass their checks and then wait to store the candidacy, whose member row is held.
    const release = await holdLocks(database.db, (tx) => tx.select().from(users).where(eq(users.id, ids[7]!)).for("update"));
    const both = Promise.all([stand(database.db, as(7), leader.id, agree), stand(database.db, as(7), treasurer.id, agree)]);
    await until(async () => (await lockWaiters(database.db)) >= 2);
    await release();
    const results = await both;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["already_standing_for_office"]);
    const stored = await database.db.select().from(candidacies).where(eq(candidacies.userId, ids[7]!));
    expect(stored).toHaveLength(1);
  });

  it.skipIf(!onServer)("puts a nominee who accepts while the returning officer opens the ballots early on the ballot, or refuses them", async () => {
    await newElectionWorld();
    const chair = await position("Chair");
    const made = await nominate(database.db, as(0), chair.id, ids[1]!, appUrl);
    if (!made.ok) throw new Error(made.code);
    // The acceptance gets past its check that nominations are open, then waits for its nomination.
    const release = await holdLocks(database.db, (tx) => tx.select().from(candidacies).where(eq(candidacies.id, made.candidacyId)).for("update"));
    const accepting = acceptNomination(database.db, as(1), chair.id, { ...agree, statement: "Accepted at the last moment." });
    await until(async () => (await lockWaiters(database.db)) >= 1);
    let opened = false;
    const opening = openBallots(database.db, systemActor("returning officer"), {
      closesAt: new Date(Date.now() + 2 * 3600_000),
      reason: "Test: everyone is ready.",
    }).finally(() => {
      opened = true;
    });
    // The opening either finishes, or waits for the acceptance.
    await until(async () => opened || (await lockWaiters(database.db)) >= 2);
    await release();
    const [accepted, open] = await Promise.all([accepting, opening]);
    expect(open.ok).toBe(true);
    const c = (await candidacyOf(chair.id, ids[1]!))!;
    if (accepted.ok) {
      expect(c.consentedAt).not.toBeNull();
      expect(c.ballotPosition).toBe(0);
      const paper = await database.db
        .select()
        .from(pollOptions)
        .where(eq(pollOptions.pollId, (await position("Chair")).pollId!));
      expect(paper.map((o) => o.label)).toEqual(["Founder 2", "Re-open nominations"]);
    } else {
      expect(accepted.code).toBe("nominations_closed");
      expect(c.consentedAt).toBeNull();
    }
  });
});

describe("when nominations close", () => {
  let pendingSecretary = "";
  let pendingLeader = "";

  // An election of its own: a nominee who accepted (chair), two who stood (secretary), and two
  // nominations never answered (secretary, leader).
  beforeAll(async () => {
    await newElectionWorld();
    const chair = await position("Chair");
    const secretary = await position("Secretary");
    const made = await nominate(database.db, as(0), chair.id, ids[1]!, appUrl);
    if (!made.ok) throw new Error(made.code);
    expect((await acceptNomination(database.db, as(1), chair.id, agree)).ok).toBe(true);
    for (const i of [5, 6]) expect((await stand(database.db, as(i), secretary.id, agree)).ok).toBe(true);
    const toSecretary = await nominate(database.db, as(0), secretary.id, ids[7]!, appUrl);
    const toLeader = await nominate(database.db, as(0), (await position("Leader")).id, ids[3]!, appUrl);
    if (!toSecretary.ok || !toLeader.ok) throw new Error("nominations refused");
    pendingSecretary = toSecretary.candidacyId;
    pendingLeader = toLeader.candidacyId;
  });

  it("refuses nominations, acceptances and declines, in a summary that links to no missing form, and lapses those not accepted", async () => {
    const secretary = await position("Secretary");
    const chair = await position("Chair");
    await database.db.update(elections).set({ nominationsCloseAt: new Date(Date.now() - 1000) });

    const late = await post(`/elections/positions/${chair.id}`, founder[0]!, { intent: "nominate", nomineeId: ids[8]! });
    expect(late.status).toBe(400);
    expect(late.html).toContain("There is a problem");
    expect(late.html).toContain("Nominations are not open.");
    expect(late.html).not.toContain('href="#find"');
    expect(late.html).not.toContain('id="find"');
    const lateAccept = await post(`/elections/positions/${secretary.id}`, founder[7]!, { intent: "accept", statement: "", consent: "yes" });
    expect(lateAccept.status).toBe(400);
    expect(lateAccept.html).toContain("Nominations are not open.");
    expect(lateAccept.html).not.toContain('href="#statement"');
    expect(lateAccept.html).not.toContain('id="statement"');
    const lateDecline = await post(`/elections/positions/${secretary.id}`, founder[7]!, { intent: "decline" });
    expect(lateDecline.status).toBe(400);
    expect(lateDecline.html).toContain("Nominations are not open.");
    expect(lateDecline.html).not.toContain('href="#decline"');
    expect(lateDecline.html).not.toContain('id="decline"');
    expect((await candidacyOf(secretary.id, ids[7]!))!.status).toBe("standing");
    expect((await page("/elections", founder[7]!)).html).not.toContain("You have been nominated");

    const opened = await post("/elections", cookie.returning_officer!, {
      intent: "open-ballots",
      ballotClosesAt: toLondonLocal(new Date(Date.now() + 2 * 3600_000)),
    });
    expect(opened.status).toBe(200);
    expect(opened.html).toContain("Ballots are open for Chair, Secretary");
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "election.ballots_opened"));
    expect((entry?.details as { lapsedNominations: { candidacyId: string }[] }).lapsedNominations.map((l) => l.candidacyId).sort()).toEqual(
      [pendingSecretary, pendingLeader].sort(),
    );
    const paper = await database.db
      .select()
      .from(pollOptions)
      .where(eq(pollOptions.pollId, (await position("Secretary")).pollId!));
    expect(paper.map((o) => o.label)).toEqual(["Founder 6", "Founder 7", "Re-open nominations"]);
    const chairPaper = await database.db
      .select()
      .from(pollOptions)
      .where(eq(pollOptions.pollId, (await position("Chair")).pollId!));
    expect(chairPaper.map((o) => o.label)).toEqual(["Founder 2", "Re-open nominations"]);
  });
});

describe("counted over the pages", () => {
  it("says a seat Re-open nominations won stays empty, on the page, when declared and in the declaration", { timeout: 120_000 }, async () => {
    const chair = await position("Chair");
    const secretary = await position("Secretary");
    // Chair: Founder 2 (option 0) or RON (option 1); RON wins 5 to 4.
    // Secretary: Founder 6 and Founder 7 level at 4 each, with nothing to split them but lot.
    for (let i = 0; i < ids.length; i += 1) {
      await castBallot(database.db, { pollId: chair.pollId!, userId: ids[i]!, ranking: i < 5 ? [1] : [0] });
      if (i < 8) await castBallot(database.db, { pollId: secretary.pollId!, userId: ids[i]!, ranking: i < 4 ? [0] : [1] });
    }
    const early = await post("/elections", cookie.returning_officer!, { intent: "count" });
    expect(early.status).toBe(400);
    const counted = await post("/elections", cookie.returning_officer!, { intent: "count", reason: "Test: everyone has voted." });
    expect(counted.status).toBe(200);

    const result = await page(`/elections/positions/${chair.id}`, null);
    expect(result.html).toContain("Elected: nobody.");
    expect(result.html).toContain("Re-open nominations won a seat: it stays empty");
    const declared = await post(`/elections/positions/${chair.id}`, cookie.returning_officer!, { intent: "declare" });
    expect(declared.status).toBe(200);
    expect(declared.html).toContain("The result is declared: nobody elected. Re-open nominations won a seat, which stays empty");
    const pdf = await app.request(`/elections/positions/${chair.id}/declaration.pdf`);
    expect(pdf.status).toBe(200);
    const text = flat(pdfText(new Uint8Array(await pdf.arrayBuffer())));
    expect(text).toContain("Seat left vacant: re-open nominations won");
    expect(text).not.toContain("Founder 2 elected");
  });

  it("says when a tie was decided by lot", async () => {
    const secretary = await position("Secretary");
    const result = await page(`/elections/positions/${secretary.id}`, null);
    expect(result.html).toMatch(/Founder 6 and Founder 7 had the same lowest total; Founder [67] was excluded, decided by lot: their totals never differed/);
    expect(result.html).toContain("When candidates are level and the rules must choose between them");
    expect(result.html).not.toMatch(/-&gt;|smallest ticket/);
    expect(result.html).toMatch(/Elected: Founder [67]\./);
  });
});
