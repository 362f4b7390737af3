/**
 * Issue 15: every status line is derived from the state, never stored wording (decision 039).
 * One movement is walked through its phases, from the campaign to a carried amendment, and each
 * page's status line is read at each step: none may say what was true at an earlier one.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { openDecisionBallot, settleDecision } from "../../app/modules/campaign/decision.server";
import { proposeAmendment, startDraft } from "../../app/modules/constitution/drafting.server";
import { closeRound, openRound, roundItems } from "../../app/modules/constitution/round.server";
import { flat, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { acceptInvitation, openStandingOrdersVote, sendInvitations } from "../../app/modules/founding/founding.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { grantRole } from "../../app/modules/users/users.server";
import { movement, pledges, users } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { ballotCloses } from "../support/periods";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const DAY = 86_400_000;
const HOUR = 3_600_000;
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
const founders: { id: string; email: string }[] = [];
const actor = { id: null, label: "organiser@example.org" };

const page = async (path: string, cookie: string | null = organiser) => {
  const response = await app.request(path, { cookie });
  expect(response.status).toBe(200);
  // Apostrophes as people read them, so sentences can be compared whole.
  return (await html(response)).replaceAll("&#x27;", "'");
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await database.db.insert(movement).values({ name: "Test Movement", partyName: "the Old Party", statement: "", deadline: new Date(Date.now() + DAY) });
  await database.db.insert(pledges).values(
    ["Anwen", "Bryn", "Cara"].map((name) => ({
      name,
      email: `${name.toLowerCase()}@example.org`,
      postcode: "EH1 1YZ",
      region: "Scotland",
      relation: "former_member" as const,
      consentContact: true,
      consentDataUse: true,
      consentVersion: "test",
      confirmedAt: new Date(Date.now() - DAY),
    })),
  );
  await grantRole(database.db, { email: actor.label, displayName: "Olive Organiser", role: "organiser", actor: systemActor() });
  // The standing orders vote names the first returning officer: there must be one.
  await grantRole(database.db, { email: "ro@example.org", displayName: "Rhian Roberts", role: "returning_officer", actor: systemActor() });
  organiser = await cookieFor(database.db, actor.label);
});
afterAll(() => database.drop());

describe("status lines through the phases (issue 15)", () => {
  it("says the campaign is running only before the deadline, on home, the campaign page and Manage", async () => {
    for (const path of ["/", "/campaign/manage"]) expect(await page(path)).toContain("The campaign is running: pledges are open until the deadline.");
    await database.db
      .update(movement)
      .set({ deadline: new Date(Date.now() - HOUR) })
      .where(eq(movement.id, 1));
    for (const path of ["/", "/campaign", "/campaign/manage"]) {
      const text = await page(path);
      expect(text).not.toContain("The campaign is running");
      expect(text).toContain("The deadline has passed and pledges are closed.");
    }
  });

  it("says the members are deciding while their ballot is open, and no longer once it closed early; the poll is listed as closed when it did", async () => {
    const opened = await openDecisionBallot(database.db, systemActor(), { closesAt: new Date(Date.now() + DAY), appUrl: "http://localhost:3000" });
    if (!opened.ok) throw new Error(opened.code);
    expect(await page("/campaign")).toContain("Pledgers are deciding together what to do next");
    const rows = await database.db.select({ userId: pledges.userId, email: pledges.email }).from(pledges);
    for (const r of rows) {
      expect((await castBallot(database.db, { pollId: opened.pollId, userId: r.userId!, ranking: [2, 1] })).ok).toBe(true);
      founders.push({ id: r.userId!, email: r.email });
    }
    await closePoll(database.db, systemActor(), opened.pollId, { reason: "Everyone has voted." });
    const campaign = await page("/campaign");
    expect(campaign).not.toContain("deciding together");
    expect(campaign).toContain("The members' decision ballot has closed.");
    // Closed today, a day before it was set to close: listed as closed early, with both times.
    const polls = await page("/polls");
    expect(polls).toMatch(/What next\? The members' decision on the Old Party<\/a>\. Closed early, on [^<]+\. It was set to close on/);
    const pollPage = await page(`/polls/${opened.pollId}`);
    expect(pollPage).toContain("Closed early, on");
    expect(pollPage).toContain("3 people on the roll; 3 voted.");
  });

  it("says founding members are being invited only once invitations have been sent", async () => {
    const settled = await settleDecision(database.db, systemActor());
    expect(settled).toMatchObject({ ok: true, phase: "founding" });
    const before = await page("/campaign");
    expect(before).not.toContain("being invited");
    expect(before).toContain("The organisers will invite everyone who pledged to be a founding member.");
    expect((await sendInvitations(database.db, actor, "http://localhost:3000")).ok).toBe(true);
    for (const path of ["/", "/campaign", "/campaign/manage"]) expect(await page(path)).toContain("3 people have been invited to be founding members.");
  });

  it("says the standing orders vote is under way only until it closes, and never tells a member who has just voted that nobody has", async () => {
    for (const f of founders) expect((await acceptInvitation(database.db, f, { acceptStatement: true, consent: true })).ok).toBe(true);
    const opened = await openStandingOrdersVote(database.db, actor, { closesAt: new Date(Date.now() + HOUR), quorumPercent: 20, majority: "simple" });
    if (!opened.ok) throw new Error(opened.code);
    expect(await page("/founding")).toContain("The standing orders vote is under way. It closes on");

    // The first member votes without JavaScript: the page with the receipt counts their ballot.
    const first = await cookieFor(database.db, founders[0]!.email);
    const cast = await app.request(`/polls/${opened.pollId}`, { form: { intent: "cast", choice: "yes" }, cookie: first });
    const receipt = (await html(cast)).replaceAll("&#x27;", "'");
    expect(receipt).toContain("Your vote has been cast");
    expect(receipt).toContain("3 people on the roll; 1 has voted so far, you among them.");
    expect(receipt).not.toContain("0 have voted");

    for (const f of founders.slice(1)) expect((await castBallot(database.db, { pollId: opened.pollId, userId: f.id, choice: "yes" })).ok).toBe(true);
    await closePoll(database.db, systemActor(), opened.pollId, { reason: "Everyone has voted." });
    const after = await page("/founding");
    expect(after).not.toContain("under way");
    expect(after).toContain("The founding members adopted the interim standing orders by secret ballot.");
    const member = await page("/founding", first);
    expect(member).not.toContain("Vote on the interim standing orders");
    expect(member).toContain("See the result of the standing orders vote");
  });

  it("counts amendments by what became of them, and the amendments book does not wait for a recommendation after the vote", async () => {
    const clauses = [
      { id: "name", title: "Name", text: "The party is called the Example Party.", entrenched: false, covers: [] },
      { id: "aims", title: "Aims", text: "(1) Fair votes.\n(2) A green economy.", entrenched: false, covers: [] },
    ];
    expect((await startDraft(database.db, actor, { kind: "upload", clauses })).ok).toBe(true);
    const [proposer] = await database.db.select().from(users).where(eq(users.id, founders[0]!.id));
    const added = await proposeAmendment(
      database.db,
      { id: proposer!.id, email: proposer!.email, isOrganiser: true },
      {
        operation: { kind: "insertAfter", afterClauseId: "aims", clause: { id: "fees", title: "Fees", text: "Members pay a yearly fee." } },
        reason: "We need fees.",
      },
    );
    expect(added.ok).toBe(true);
    expect(await page("/constitution/manage")).toContain("1 amendment: 1 with enough support to go to the vote.");
    const firstBook = flat(pdfText(new Uint8Array(await (await app.request("/constitution/amendments.pdf", { cookie: organiser })).arrayBuffer())));
    expect(firstBook).toContain("The drafting committee has not made a recommendation yet.");

    const opened = await openRound(database.db, actor, { closesAt: ballotCloses() });
    if (!opened.ok) throw new Error(opened.code);
    for (const item of await roundItems(database.db, opened.roundId)) {
      for (const f of founders) expect((await castBallot(database.db, { pollId: item.pollId, userId: f.id, choice: "yes" })).ok).toBe(true);
    }
    expect((await closeRound(database.db, actor)).ok).toBe(true);
    const manage = await page("/constitution/manage");
    expect(manage).toContain("1 amendment: 1 carried.");
    expect(manage).not.toContain("with enough support");
    const book = flat(pdfText(new Uint8Array(await (await app.request("/constitution/amendments.pdf", { cookie: organiser })).arrayBuffer())));
    expect(book).toContain("Status: Carried");
    expect(book).toContain("The drafting committee made no recommendation.");
    expect(book).not.toContain("has not made a recommendation yet");
  });
});
