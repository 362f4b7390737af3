import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../app/modules/audit/audit.server";
import { demoPeople } from "../../app/modules/demo/demo-data";
import { demoPhases, type DemoPhase } from "../../app/utils/demo-phases";
import { seedDemo } from "../../app/modules/demo/seed.server";
import { listAmendments, setSupport } from "../../app/modules/constitution/drafting.server";
import { castClauseBallot, clausesVoted, latestVersion, openRoundOf, roundItems } from "../../app/modules/constitution/round.server";
import { currentDraft } from "../../app/modules/constitution/drafting.server";
import { currentElection, listPositions } from "../../app/modules/elections/current-election.server";
import { declaredOfficers } from "../../app/modules/elections/declaring.server";
import { listCandidates } from "../../app/modules/elections/candidates.server";
import { setSeconding } from "../../app/modules/elections/nominations.server";
import { acceptInvitation, getFoundingMembership } from "../../app/modules/founding/founding.server";
import { isFoundingMember } from "../../app/modules/founding/roll.server";
import { loadReadiness } from "../../app/modules/registration/readiness.server";
import { officerCompletion } from "../../app/modules/registration/registration.server";
import { ballotsCast, hasVoted } from "../../app/modules/polls/turnout.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import type { PollResult } from "../../app/modules/polls/ballot-rules";
import { elections, movement, pledges, polls, users } from "../../db/schema";
import { copyTestDatabase, createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The demo started at each phase of the road (issue 15, item 2): each phase's database is checked
 * on its own: that the story agrees with itself and with today, and that the demo members can do
 * what that phase is for. Fewer pledges than the real demo, for speed; the story is the same.
 *
 * Seeding a phase walks the road from the start, so seeding each of the eight walked the early
 * phases eight times. On the PostgreSQL server the road is walked once, to the last phase, and
 * the database is copied where a visitor would arrive at each earlier one (seedDemo's `passing`):
 * the same calls in the same order as seeding that phase, so the same database. On PGlite each
 * phase is seeded on its own, as before.
 */
const PLEDGES = 100;
const LAST: DemoPhase = "registration";
const seedOptions = { appUrl: "http://localhost:3000", appSecret: "demo-phases-test-secret-0123456789abcdef", pledgeCount: PLEDGES };
/** Every phase's database, made once (on the server), each dropped once its test is over. */
const walked = new Map<DemoPhase, TestDatabase>();
let database: TestDatabase | null = null;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) return;
  const live = await createTestDatabase();
  const result = await seedDemo(live.db, {
    ...seedOptions,
    phase: LAST,
    async passing(phase, finish) {
      const copy = await copyTestDatabase(live);
      if (!copy) throw new Error("no copy on the server");
      await finish(copy.db);
      walked.set(phase, copy);
    },
  });
  expect(result).toMatchObject({ ok: true, phase: LAST });
  walked.set(LAST, live);
  // Every phase but the last was passed on the way.
  expect([...walked.keys()]).toEqual(demoPhases);
}, 900_000);

afterEach(async () => {
  await database?.drop();
  database = null;
});
afterAll(async () => {
  for (const left of walked.values()) await left.drop();
});

async function seeded(phase: DemoPhase) {
  const made = walked.get(phase);
  if (made) {
    walked.delete(phase);
    database = made;
    return made.db;
  }
  database = await createTestDatabase();
  const result = await seedDemo(database.db, { ...seedOptions, phase });
  expect(result).toMatchObject({ ok: true, phase });
  return database.db;
}

type Db = TestDatabase["db"];
async function person(db: Db, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(email);
  return { id: u.id, email: u.email };
}
const member = (i: number) => demoPeople.members[i]!.email;

/**
 * The story's polls already verified in an earlier phase of this file. Every phase replays the
 * same story from the start on a database of its own, so a poll closed in one phase is closed the
 * same way in every later one: its full verification (about a second each, dozens per phase) is
 * done once, where it first appears closed; the checks on its times are made in every phase.
 */
const verifiedEarlier = new Set<string>();

/** Whatever the phase: nothing happened in the future, and no ballot closed before its time. */
async function storyAgreesWithToday(db: Db) {
  const now = Date.now();
  const verifiedHere = new Set<string>();
  for (const p of await db.select().from(polls)) {
    expect(p.openedAt!.getTime()).toBeLessThanOrEqual(now);
    if (p.status === "closed") {
      expect(p.closedAt!.getTime()).toBeLessThanOrEqual(now);
      // Closed at its closing time, by the clock, never early.
      expect(p.closedAt!.getTime()).toBeGreaterThanOrEqual(p.closesAt.getTime());
      const story = `${p.owner ?? "free"}|${p.method}|${p.title}`;
      if (!verifiedEarlier.has(story)) expect(await verifyPoll(db, p.id)).toMatchObject({ ok: true });
      verifiedHere.add(story);
    } else {
      expect(p.status).toBe("open");
      expect(p.closesAt.getTime()).toBeGreaterThan(now);
    }
  }
  for (const p of await db.select().from(pledges)) {
    expect(p.createdAt.getTime()).toBeLessThanOrEqual(now);
    if (p.confirmedAt) expect(p.confirmedAt.getTime()).toBeLessThanOrEqual(now);
  }
  expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  for (const story of verifiedHere) verifiedEarlier.add(story);
}

async function theMovement(db: Db) {
  const [m] = await db.select().from(movement);
  if (!m) throw new Error("no movement");
  return m;
}

async function decisionWinner(db: Db) {
  const m = await theMovement(db);
  const [poll] = await db.select().from(polls).where(eq(polls.id, m.decisionPollId!));
  const result = poll?.result as PollResult;
  return result.kind === "ranked" ? result.report.elected[0] : null;
}

describe("the demo, started at each phase", () => {
  it("knows the phases of the road, in order", () => {
    expect(demoPhases).toEqual(["campaign", "decision", "founding", "drafting", "clause-voting", "nominations", "elections", "registration"]);
  });

  it("campaign: the deadline is ahead, pledges are coming in, and nothing has been decided", async () => {
    const db = await seeded("campaign");
    const m = await theMovement(db);
    expect(m.phase).toBe("campaign");
    expect(m.deadline.getTime()).toBeGreaterThan(Date.now());
    const mine = await db
      .select()
      .from(pledges)
      .where(eq(pledges.email, member(0)));
    expect(mine[0]?.confirmedAt).not.toBeNull();
    // The campaign's own polls: the steering committee elected, the statement vote still open to Erin.
    const all = await db.select().from(polls);
    expect(all.map((p) => [p.title, p.status])).toEqual(
      expect.arrayContaining([
        ["Interim steering committee (3 seats)", "closed"],
        ["Adopt the campaign statement", "open"],
      ]),
    );
    expect(all.every((p) => p.owner === null)).toBe(true);
    const statement = all.find((p) => p.status === "open")!;
    expect(await castBallot(db, { pollId: statement.id, userId: (await person(db, member(4))).id, choice: "yes" })).toMatchObject({ ok: true });
    // Only the demo people and the pledgers who voted in the campaign's polls have accounts yet.
    const committee = all.find((p) => p.status === "closed")!;
    expect(committee.ballotCount).toBeGreaterThan(20);
    expect((await db.select().from(users)).length).toBe(8 + committee.ballotCount);
    await storyAgreesWithToday(db);
  }, 120_000);

  it("decision: the deadline has passed and the pledgers are ranking what to do next", async () => {
    const db = await seeded("decision");
    const m = await theMovement(db);
    expect(m.phase).toBe("decision");
    expect(m.deadline.getTime()).toBeLessThan(Date.now());
    const [poll] = await db.select().from(polls).where(eq(polls.id, m.decisionPollId!));
    expect(poll).toMatchObject({ status: "open", method: "irv" });
    expect(poll!.openedAt!.getTime()).toBeGreaterThanOrEqual(m.deadline.getTime());
    expect(await ballotsCast(db, poll!.id)).toBeGreaterThan(0);
    const amira = await person(db, member(0));
    expect(await hasVoted(db, poll!.id, amira.id)).toBe(false);
    expect(await castBallot(db, { pollId: poll!.id, userId: amira.id, ranking: [2, 1] })).toMatchObject({ ok: true });
    await storyAgreesWithToday(db);
  }, 120_000);

  it("founding: the members chose a new party; founding members are joining and voting on the standing orders", async () => {
    const db = await seeded("founding");
    const m = await theMovement(db);
    expect(m.phase).toBe("founding");
    expect(await decisionWinner(db)).toBe("Leave and found a new party");
    expect(m.leavingDay! > new Date().toISOString().slice(0, 10)).toBe(true);
    const [amira, fraser] = [await person(db, member(0)), await person(db, member(5))];
    expect(await isFoundingMember(db, amira.id)).toBe(true);
    // Fraser is invited and has not answered yet: sign in as him to accept.
    expect(await getFoundingMembership(db, fraser.id)).toMatchObject({ acceptedAt: null });
    expect(await acceptInvitation(db, fraser, { acceptStatement: true, consent: true })).toMatchObject({ ok: true });
    const [so] = await db.select().from(polls).where(eq(polls.id, m.standingOrdersPollId!));
    expect(so?.status).toBe("open");
    expect(await castBallot(db, { pollId: so!.id, userId: amira.id, choice: "yes" })).toMatchObject({ ok: true });
    await storyAgreesWithToday(db);
  }, 120_000);

  it("drafting: the standing orders are adopted and members are amending the model constitution", async () => {
    const db = await seeded("drafting");
    const m = await theMovement(db);
    const [so] = await db.select().from(polls).where(eq(polls.id, m.standingOrdersPollId!));
    expect(so?.status).toBe("closed");
    expect((so?.result as PollResult).kind === "yes-no" && (so?.result as Extract<PollResult, { kind: "yes-no" }>).result.passed).toBe(true);
    const draft = await currentDraft(db);
    expect(draft?.phase).toBe("drafting");
    const amendments = await listAmendments(db, draft!.id);
    expect(amendments.map((a) => [a.number, a.supporters])).toEqual([
      [1, 5],
      [2, 3],
    ]);
    // Amira can give the second amendment one of the two supporters it still needs.
    const amira = await person(db, member(0));
    expect(await setSupport(db, amira, amendments[1]!.id, true)).toMatchObject({ ok: true });
    await storyAgreesWithToday(db);
  }, 120_000);

  it("clause voting: a question on every clause is open, and a member can vote clause by clause", async () => {
    const db = await seeded("clause-voting");
    const draft = await currentDraft(db);
    expect(draft?.phase).toBe("voting");
    const round = await openRoundOf(db, draft!.id);
    const items = await roundItems(db, round!.id);
    const clauses = new Set(items.map((i) => i.clauseId));
    expect(clauses.size).toBe(40);
    expect(items.filter((i) => i.kind === "amendment").length).toBe(2);
    const [amira, bill] = [await person(db, member(0)), await person(db, member(1))];
    expect((await clausesVoted(db, round!.id, amira.id)).size).toBe(0);
    expect((await clausesVoted(db, round!.id, bill.id)).size).toBe(20);
    const first = items.filter((i) => i.clauseId === items[0]!.clauseId);
    expect(
      await castClauseBallot(
        db,
        amira.id,
        items[0]!.clauseId,
        first.map((i) => ({ pollId: i.pollId, choice: "yes" })),
      ),
    ).toMatchObject({ ok: true });
    await storyAgreesWithToday(db);
  }, 180_000);

  it("nominations: the constitution is adopted and founding members are standing for office", async () => {
    const db = await seeded("nominations");
    const version = await latestVersion(db);
    expect(version?.number).toBe(1);
    const election = await currentElection(db);
    expect(election?.phase).toBe("nominations");
    expect(version!.adoptedAt.getTime()).toBeLessThan(election!.nominationsOpenAt.getTime());
    expect(election!.nominationsOpenAt.getTime()).toBeLessThan(Date.now());
    expect(election!.nominationsCloseAt.getTime()).toBeGreaterThan(Date.now());
    const positions = await listPositions(db, election!.id);
    const fraser = await person(db, member(5));
    let fraserCandidacy = "";
    for (const position of positions) {
      for (const c of await listCandidates(db, position)) {
        expect(await isFoundingMember(db, c.userId)).toBe(true);
        if (c.userId === fraser.id) {
          expect(c.problems).toEqual(["too_few_seconders"]);
          fraserCandidacy = c.id;
        }
      }
    }
    // Amira can give Fraser the second seconder he needs.
    expect(await setSeconding(db, await person(db, member(0)), fraserCandidacy, true)).toMatchObject({ ok: true });
    await storyAgreesWithToday(db);
  }, 180_000);

  it("elections: every step before is on the record, and the ranked ballots are open to founding members", async () => {
    const db = await seeded("elections");
    const m = await theMovement(db);
    expect(m.deadline.getTime()).toBeLessThan(Date.now());
    expect(await decisionWinner(db)).toBe("Leave and found a new party");
    expect((await latestVersion(db))?.number).toBe(1);
    const election = await currentElection(db);
    expect(election?.phase).toBe("ballot");
    expect(election!.nominationsCloseAt.getTime()).toBeLessThan(Date.now());
    const positions = await listPositions(db, election!.id);
    expect(positions.every((p) => p.pollId)).toBe(true);
    const amira = await person(db, member(0));
    for (const position of positions) {
      for (const c of await listCandidates(db, position)) expect(await isFoundingMember(db, c.userId)).toBe(true);
      const [poll] = await db.select().from(polls).where(eq(polls.id, position.pollId!));
      expect(poll?.status).toBe("open");
      expect(["irv", "scottish-stv"]).toContain(poll?.method);
      expect(await hasVoted(db, poll!.id, amira.id)).toBe(false);
    }
    const leader = positions.find((p) => p.title === "Leader")!;
    expect(await castBallot(db, { pollId: leader.pollId!, userId: amira.id, ranking: [1, 0] })).toMatchObject({ ok: true });
    await storyAgreesWithToday(db);
  }, 180_000);

  it("registration: the officers are declared, the application is under way, and the leader has details to give", async () => {
    const db = await seeded("registration");
    const [election] = await db.select().from(elections).where(isNull(elections.followsElectionId));
    expect(election?.phase).toBe("counted");
    const officers = await declaredOfficers(db);
    const byRole = Object.fromEntries(officers.map((o) => [o.role, o.name]));
    expect(byRole).toMatchObject({ leader: "Amira Hassan", treasurer: "Ceri Davies", "nominating-officer": "Dev Patel" });
    const completion = await officerCompletion(db);
    const amira = await person(db, member(0));
    expect(completion.find((c) => c.userId === amira.id)).toMatchObject({ detailsComplete: false });
    expect(completion.filter((c) => c.detailsComplete).length).toBe(2);
    const checks = await loadReadiness(db);
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.some((c) => c.status === "pass")).toBe(true);
    expect(checks.some((c) => c.status === "fail")).toBe(true);
    // The declarations came after the ballots closed, which came after the nominations.
    const closed = await db
      .select()
      .from(polls)
      .where(and(eq(polls.owner, "election")));
    for (const p of closed) expect(p.closedAt!.getTime()).toBeGreaterThan(election!.nominationsCloseAt.getTime());
    await storyAgreesWithToday(db);
  }, 180_000);
});
