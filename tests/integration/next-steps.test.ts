/**
 * The next-step page (issue 15, item 1): walking the road phase by phase on a real database,
 * through the same server code the pages call, and reading each person's steps at every phase;
 * then home as a member, an organiser and a visitor; then voting on every clause in one sitting.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { castClauseBallot, closeRound, openAdoptionVote, openRound, roundItems, settleAdoption } from "../../app/modules/constitution/round.server";
import { createElection } from "../../app/modules/elections/setup.server";
import { currentElection, listPositions } from "../../app/modules/elections/current-election.server";
import { stand } from "../../app/modules/elections/nominations.server";
import { acceptInvitation, openStandingOrdersVote, sendInvitations } from "../../app/modules/founding/founding.server";
import { personalStepView, roadStepView } from "../../app/modules/next-steps/messages";
import { nextStepsFor } from "../../app/modules/next-steps/next-steps.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { grantRole } from "../../app/modules/users/users.server";
import { elections, polls, users, votingRounds } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { movementInFoundingPhase } from "../support/founding-fixture";
import { declaredOfficersElected } from "../support/registration-fixture";
import { ballotCloses, nominationsClose } from "../support/periods";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const people = Array.from({ length: 5 }, (_, i) => ({
  name: `Founder ${i + 1}`,
  email: `founder${i + 1}@example.org`,
  relation: i === 0 ? ("member" as const) : ("former_member" as const),
}));
const emails = people.map((p) => p.email);
let ids: string[] = [];
let organiserId = "";
let roId = "";
const actor = systemActor();

const member = (i: number) => ({ id: ids[i]!, role: "member" as const });
const organiser = () => ({ id: organiserId, role: "organiser" as const });
const returningOfficer = () => ({ id: roId, role: "returning_officer" as const });

/** The person's steps, as home words them. */
type Who = { id: string; role: "member" | "organiser" | "returning_officer" };

async function mine(who: Who) {
  return (await nextStepsFor(database.db, who)).personal.map(personalStepView);
}
async function road(who: Who = organiser()) {
  const steps = await nextStepsFor(database.db, who);
  return {
    kind: steps.road?.kind,
    view: roadStepView(steps.road!, { organiser: who.role === "organiser", returningOfficer: who.role === "returning_officer" }),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await grantRole(database.db, { email: "organiser@example.org", displayName: "Olive Organiser", role: "organiser", actor });
  const [o] = await database.db.select().from(users).where(eq(users.email, "organiser@example.org"));
  organiserId = o!.id;
});
afterAll(() => database.drop());

describe("walking the road, phase by phase", () => {
  it("before any movement: the organiser sets up the campaign", async () => {
    expect((await road()).kind).toBe("set_up_campaign");
  });

  it("founding: invitations, then confirming membership", async () => {
    const { userIds } = await movementInFoundingPhase(database.db, people);
    ids = emails.map((e) => userIds.get(e)!);
    expect((await road()).kind).toBe("invite_founders");
    expect(await mine(member(0))).toEqual([]);

    const sent = await sendInvitations(database.db, actor, "http://localhost:3000");
    expect(sent.ok).toBe(true);
    expect((await mine(member(0))).map((s) => s.title)).toEqual(["Confirm your founding membership"]);
    // Nobody to name in the standing orders vote yet.
    expect((await road()).kind).toBe("appoint_returning_officer");

    for (let i = 0; i < ids.length; i += 1) {
      const accepted = await acceptInvitation(database.db, { id: ids[i]!, email: emails[i]! }, { acceptStatement: true, consent: true });
      expect(accepted.ok).toBe(true);
    }
    // A member of the old party is reminded to resign; the others have nothing to do.
    expect((await mine(member(0))).map((s) => s.title)).toEqual(["Resign from the Old Party"]);
    expect(await mine(member(1))).toEqual([]);
  });

  it("the standing orders: a vote to cast, then gone once cast", async () => {
    await grantRole(database.db, { email: "ro@example.org", displayName: "Rhian Roberts", role: "returning_officer", actor });
    const [ro] = await database.db.select().from(users).where(eq(users.email, "ro@example.org"));
    roId = ro!.id;
    expect((await road()).kind).toBe("open_standing_orders");
    const opened = await openStandingOrdersVote(database.db, actor, { closesAt: new Date(Date.now() + 3600_000), quorumPercent: 20, majority: "simple" });
    if (!opened.ok) throw new Error(opened.code);
    expect((await mine(member(1))).map((s) => s.title)).toEqual(["Vote: Adopt the interim standing orders"]);
    expect((await mine(member(1)))[0]!.href).toBe(`/polls/${opened.pollId}`);
    const r = await road();
    expect(r.kind).toBe("standing_orders_open");
    expect(r.view.text).toMatch(
      /^Waiting for the standing orders vote to close on \w+day \d{1,2} \w+ \d{4} at (\d{1,2}(:\d\d)?[ap]m|midday|midnight)\. It is counted by itself\.$/,
    );
    for (const id of ids) await castBallot(database.db, { pollId: opened.pollId, userId: id, choice: "yes" });
    expect(await mine(member(1))).toEqual([]);
    await closePoll(database.db, actor, opened.pollId);
    expect((await road()).kind).toBe("start_draft");
  });

  it("drafting: members are asked to amend and support; the organiser to open the vote", async () => {
    const started = await startDraft(database.db, actor, { kind: "model" });
    expect(started.ok).toBe(true);
    expect((await mine(member(1))).map((s) => s.title)).toEqual(["Help draft the constitution"]);
    const r = await road();
    expect(r.kind).toBe("drafting");
    expect(r.view.text).toBe("Members are amending the draft: 0 amendments, 0 with enough support to go to the vote. Open the vote when drafting is done.");
    // The returning officer is not on the drafting committee: the step is the organisers'.
    expect((await road(returningOfficer())).view.text).toMatch(/^Waiting for the organisers: members are amending the draft/);
  });

  it("clause voting: how many clauses are left, counting down as the member votes", async () => {
    const round = await openRound(database.db, actor, { closesAt: ballotCloses() });
    if (!round.ok) throw new Error(round.code);
    const items = await roundItems(database.db, round.roundId);
    const clauses = [...new Set(items.map((i) => i.clauseId))];
    const total = clauses.length;
    const [before] = await mine(member(1));
    expect(before).toMatchObject({ title: "Vote on the constitution", href: `/constitution/vote/${clauses[0]}` });
    expect(before!.text).toMatch(new RegExp(`^${total} of ${total} clauses left to vote on in round 1\\. Voting closes on `));
    const cast = await castClauseBallot(
      database.db,
      ids[1]!,
      clauses[0]!,
      items.filter((i) => i.clauseId === clauses[0]).map((i) => ({ pollId: i.pollId, choice: "yes" })),
    );
    expect(cast.ok).toBe(true);
    const [after] = await mine(member(1));
    expect(after).toMatchObject({ title: "Carry on voting on the constitution", href: `/constitution/vote/${clauses[1]}` });
    expect(after!.text).toMatch(new RegExp(`^${total - 1} of ${total} clauses left to vote on`));
    expect((await road()).kind).toBe("round_open");

    // Home, signed in as that member: their steps first, each a link; the campaign summary after.
    const page = await html(await app.request("/", { cookie: await cookieFor(database.db, emails[1]!) }));
    expect(page).toContain("Your next steps");
    expect(page).toContain(`href="/constitution/vote/${clauses[1]}"`);
    expect(page).toContain(`${total - 1} of ${total} clauses left to vote on in round 1.`);
    expect(page.indexOf("Your next steps")).toBeLessThan(page.indexOf("Confirmed pledges"));
    expect(page).not.toContain("The next step of the road");
    // The organiser also sees the road's step, and what it waits for.
    const organiserPage = await html(await app.request("/", { cookie: await cookieFor(database.db, "organiser@example.org") }));
    expect(organiserPage).toContain("The next step of the road");
    expect(organiserPage).toContain("Round 1 of clause votes is open");
    expect(organiserPage).toContain("There is nothing for you to do at the moment.");
    // A visitor sees the campaign summary, as before.
    const visitor = await html(await app.request("/"));
    expect(visitor).not.toContain("Your next steps");
    expect(visitor).toContain("<h1>Test Movement</h1>");

    for (const userId of ids)
      for (const item of items)
        if (!(userId === ids[1] && item.clauseId === clauses[0])) await castBallot(database.db, { pollId: item.pollId, userId, choice: "yes" });
    expect(await mine(member(1))).toEqual([]);
    // Its closing time passes (the poll closer would close it; here the organiser does).
    await database.db.update(votingRounds).set({ closesAt: new Date(Date.now() - 60_000) });
    expect((await road()).kind).toBe("round_due");
    const closed = await closeRound(database.db, actor);
    expect(closed.ok).toBe(true);
    expect((await road()).kind).toBe("open_adoption");
  });

  it("the adoption vote, then the elections", async () => {
    const vote = await openAdoptionVote(database.db, actor, { closesAt: ballotCloses() });
    if (!vote.ok) throw new Error(vote.code);
    expect((await mine(member(2))).map((s) => s.title)).toEqual(["Vote: " + (await pollTitle(vote.pollId))]);
    expect((await road()).kind).toBe("adoption_open");
    for (const userId of ids) await castBallot(database.db, { pollId: vote.pollId, userId, choice: "yes" });
    const adopted = await settleAdoption(database.db, actor, { reason: "Every member has voted." });
    expect(adopted.ok && adopted.adopted).toBe(true);
    expect((await road()).kind).toBe("set_up_election");
  });

  it("nominations open: members may stand; the returning officer is not asked to", async () => {
    const opensAt = new Date(Date.now() - 60_000);
    const created = await createElection(database.db, actor, {
      title: "Interim officers",
      nominationsOpenAt: opensAt,
      nominationsCloseAt: nominationsClose(opensAt),
      campaignsOfficer: false,
      committeeSeats: 0,
    });
    expect(created.ok).toBe(true);
    expect((await mine(member(3))).map((s) => s.title)).toContain("Stand or nominate in the officer elections");
    const r = await road();
    expect(r.kind).toBe("nominations_open");
    expect(r.view.text).toMatch(/^Waiting for nominations to close on .+\. Then the returning officer opens the ballots\.$/);
    expect((await mine(returningOfficer())).map((s) => s.title)).not.toContain("Stand or nominate in the officer elections");
    // Standing is not enough: the candidate is told what is missing until the nomination is valid.
    const leader = (await listPositions(database.db, (await currentElection(database.db))!.id)).find((p) => p.title === "Leader")!;
    const stood = await stand(database.db, { id: ids[3]!, email: emails[3]! }, leader.id, {
      statement: "I will serve.",
      consent: true,
      registeredOfficer: true,
      treasurerEligible: false,
    });
    expect(stood.ok).toBe(true);
    const step = (await mine(member(3))).find((s) => s.title === "Complete your nomination for Leader");
    expect(step?.href).toBe(`/elections/positions/${leader.id}`);
    expect(step?.text).toMatch(/^You are not validly nominated yet: you need \d+ more members? to second you before nominations close on /);
    // Cancelled for the fixture, which sets up its own election from here.
    await database.db.delete(elections);
  });

  it("declared officers give their details; organisers prepare the registration", async () => {
    await declaredOfficersElected(database.db, ids, emails);
    const leader = await mine(member(0));
    expect(leader.map((s) => s.title)).toContain("Give your officer details");
    expect(leader.find((s) => s.title === "Give your officer details")!.text).toBe(
      "You were elected leader. To register the party, give your details and confirm your declaration as leader.",
    );
    const r = await road();
    expect(r.kind).toBe("prepare_registration");
    expect(r.view.href).toBe("/registration/readiness");
    expect(r.view.text).toMatch(/^\d+ readiness checks? fails?\. Each says what to fix and where\.$/);
  });
});

async function pollTitle(pollId: string): Promise<string> {
  const [row] = await database.db.select({ title: polls.title }).from(polls).where(eq(polls.id, pollId));
  return row!.title;
}
