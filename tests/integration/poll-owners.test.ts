import { and, desc, eq, inArray } from "drizzle-orm";
import { ballotCloses, nominationsClose } from "../support/periods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countElection as recount, parseBlt, type RankedCountReport } from "../../app/modules/ballots";
import { settleDecision } from "../../app/modules/campaign/decision.server";
import { decisionOptions } from "../../app/modules/campaign/decision-wording";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { openRound, roundItems } from "../../app/modules/constitution/round.server";
import { currentElection, listPositions, type Position } from "../../app/modules/elections/current-election.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { setSeconding, stand } from "../../app/modules/elections/nominations.server";
import { electionProblemMessages } from "../../app/modules/elections/messages";
import type { PollResult } from "../../app/modules/polls/ballot-rules";
import { dueOwners } from "../../app/modules/road/poll-owners.server";
import { verificationProblemMessages } from "../../app/modules/polls/messages";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { getPublication } from "../../app/modules/polls/publication.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { auditLog, constitutionDrafts, movement, pollOptions, polls, positions } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { foundingMembersReady } from "../support/constitution-fixture";
import { electionOpenForNominations } from "../support/election-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let roCookie = "";
const ro = { id: null, label: "ro@example.org" };
const agree = { statement: "I will serve.", consent: true, registeredOfficer: true, treasurerEligible: true };
const COMMITTEE = "Interim committee (2 seats)";

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids } = await foundingMembersReady(database.db, 10));
  // The fixture appointed the returning officer who was named in the standing orders vote (4.1).
  roCookie = await cookieFor(database.db, "ro@example.org");
  app = await createTestApp(database.db);
}, 60_000);
afterAll(() => database.drop());

async function positionsByTitle(): Promise<Map<string, Position>> {
  const election = (await currentElection(database.db))!;
  return new Map((await listPositions(database.db, election.id)).map((p) => [p.title, p]));
}

async function pollOf(title: string) {
  const pollId = (await positionsByTitle()).get(title)!.pollId!;
  const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
  return poll!;
}

/** The option number of a candidate on a position's ballot. */
async function optionOf(title: string, label: string): Promise<number> {
  const pollId = (await positionsByTitle()).get(title)!.pollId!;
  const [option] = await database.db
    .select()
    .from(pollOptions)
    .where(and(eq(pollOptions.pollId, pollId), eq(pollOptions.label, label)));
  return option!.position;
}

/** Moves the closing time of these ballots into the past, as if their time had come. */
async function closingTimePassed(titles: readonly string[]) {
  const byTitle = await positionsByTitle();
  const pollIds = titles.map((t) => byTitle.get(t)!.pollId!);
  await database.db
    .update(polls)
    .set({ closesAt: new Date(Date.now() - 1000) })
    .where(inArray(polls.id, pollIds));
}

describe("an officer election on its natural timeline", () => {
  beforeAll(async () => {
    await electionOpenForNominations(database.db, { actor: ro, nominationsCloseAt: nominationsClose(new Date(Date.now() - 60_000)), committeeSeats: 2 });
    const byTitle = await positionsByTitle();
    const standing: [number, string][] = [
      [0, "Leader"],
      [1, "Leader"],
      [2, "Treasurer"],
      [3, "Nominating officer"],
      [0, COMMITTEE],
      [4, COMMITTEE],
      [5, COMMITTEE],
      [6, COMMITTEE],
    ];
    for (const [i, title] of standing) {
      const r = await stand(database.db, { id: ids[i]!, email: `founder${i + 1}@example.org` }, byTitle.get(title)!.id, agree);
      if (!r.ok) throw new Error(`${i} for ${title}: ${r.code}`);
      for (const s of [8, 9]) await setSeconding(database.db, { id: ids[s]!, email: `founder${s + 1}@example.org` }, r.candidacyId, true);
    }
    const opened = await openBallots(database.db, ro, { closesAt: ballotCloses(), reason: "Test: nominations are complete." });
    if (!opened.ok) throw new Error(opened.code);
    // Founder 1 wins the Leader's ballot 6 to 4, and is everyone's first choice for the committee.
    const [f1, f5, f6, f7] = await Promise.all(["Founder 1", "Founder 5", "Founder 6", "Founder 7"].map((label) => optionOf(COMMITTEE, label)));
    for (let i = 0; i < 10; i += 1) {
      await castBallot(database.db, { pollId: (await pollOf("Leader")).id, userId: ids[i]!, ranking: i < 6 ? [0, 1] : [1, 0] });
      await castBallot(database.db, { pollId: (await pollOf("Treasurer")).id, userId: ids[i]!, ranking: [0] });
      await castBallot(database.db, { pollId: (await pollOf("Nominating officer")).id, userId: ids[i]!, ranking: [0] });
      // Founder 10 has not voted for the committee when its closing time comes.
      if (i < 9)
        await castBallot(database.db, { pollId: (await pollOf(COMMITTEE)).id, userId: ids[i]!, ranking: i % 3 === 0 ? [f1!, f5!, f6!] : [f1!, f6!, f7!] });
    }
  }, 120_000);

  it("keeps a committee ballot that is due before the offices closed to votes, and uncounted until they are", async () => {
    await closingTimePassed([COMMITTEE]);
    expect(await closeDuePolls(database.db, dueOwners)).toBe(0);
    const committee = await pollOf(COMMITTEE);
    expect(committee.status).toBe("open");
    expect(committee.result).toBeNull();
    expect(await castBallot(database.db, { pollId: committee.id, userId: ids[9]!, ranking: [1] })).toEqual({ ok: false, code: "not_open" });
  });

  it("never has the closer count an election's ballot on its own", async () => {
    await closingTimePassed(["Leader", "Treasurer", "Nominating officer", COMMITTEE]);
    // Without the owners, due ballots are left alone: nothing is counted out of order.
    expect(await closeDuePolls(database.db)).toBe(0);
    for (const title of ["Leader", COMMITTEE]) expect((await pollOf(title)).status).toBe("open");
  });

  it("says on the pages that the ballots are being counted, and keeps the poll page from closing one alone", async () => {
    const elections = await html(await app.request("/elections", { cookie: roCookie }));
    expect(elections).toContain("The ballots closed on");
    expect(elections).toContain("They are being counted, the offices first and then the committee");
    expect(elections).toContain("Count every ballot now");
    const committee = await pollOf(COMMITTEE);
    const page = await html(await app.request(`/polls/${committee.id}`, { cookie: roCookie }));
    expect(page).toContain("The ballots are being counted");
    expect(page).not.toContain("Close the poll and count");
    const refused = await app.request(`/polls/${committee.id}`, { cookie: roCookie, form: { intent: "close" } });
    expect(refused.status).toBe(409);
    expect((await pollOf(COMMITTEE)).status).toBe("open");
  });

  it("counts them all at the closing time through the election: the Leader is left out of the committee", async () => {
    expect(await closeDuePolls(database.db, dueOwners)).toBe(4);
    // Once counted, a second server's closer finds nothing left to do.
    expect(await closeDuePolls(database.db, dueOwners)).toBe(0);
    const leader = (await pollOf("Leader")).result as PollResult & { kind: "ranked" };
    expect(leader.report.elected).toEqual(["Founder 1"]);
    const committee = await pollOf(COMMITTEE);
    const report = (committee.result as PollResult & { kind: "ranked" }).report as RankedCountReport;
    expect(report.withdrawn).toContain("Founder 1");
    expect(report.elected).toHaveLength(2);
    expect(report.elected).not.toContain("Founder 1");
    const [counted] = await database.db.select().from(auditLog).where(eq(auditLog.action, "election.counted"));
    expect(counted?.actorLabel).toBe("automatic close at the closing time");
  });

  it("gives results that every check reproduces: verifyPoll, and a recount of the published BLT", async () => {
    for (const title of ["Leader", "Treasurer", "Nominating officer", COMMITTEE]) {
      expect(await verifyPoll(database.db, (await pollOf(title)).id), title).toMatchObject({ ok: true });
    }
    const committee = await pollOf(COMMITTEE);
    const stored = (committee.result as PollResult & { kind: "ranked" }).report as RankedCountReport;
    const published = await getPublication(database.db, committee.id);
    const election = parseBlt(published!.blt!);
    expect(election.withdrawn.map((n) => election.candidates[n])).toContain("Founder 1");
    const again = recount(election, "scottish-stv", { seats: election.seats, seed: committee.lotSeed, ron: election.ron });
    expect(again.elected).toEqual(stored.elected);
  });

  it("lets the returning officer declare a verified result", async () => {
    const committee = (await positionsByTitle()).get(COMMITTEE)!;
    const page = await html(await app.request(`/elections/positions/${committee.id}`, { cookie: roCookie }));
    expect(page).toContain("Verified:");
    expect(page).toContain("Declare the result");
    const declared = await app.request(`/elections/positions/${committee.id}`, { cookie: roCookie, form: { intent: "declare" } });
    expect(declared.status).toBe(200);
    expect(await html(declared)).toContain("The result is declared");
  });

  it("refuses to declare a result that fails its check, and the page warns in plain words", async () => {
    const treasurer = (await positionsByTitle()).get("Treasurer")!;
    const poll = await pollOf("Treasurer");
    // The stored result no longer matches the ballots (as when a ballot's rules changed after its count).
    const result = poll.result as PollResult & { kind: "ranked" };
    await database.db
      .update(polls)
      .set({ result: { ...result, report: { ...result.report, elected: ["Re-open nominations"] } } })
      .where(eq(polls.id, poll.id));
    const page = await html(await app.request(`/elections/positions/${treasurer.id}`, { cookie: roCookie }));
    expect(page).toContain('class="warning-text"');
    expect(page).toContain(verificationProblemMessages.result_differs);
    expect(page).not.toContain("result_differs");
    expect(page).not.toContain("Declare the result");
    const refused = await app.request(`/elections/positions/${treasurer.id}`, { cookie: roCookie, form: { intent: "declare" } });
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain(electionProblemMessages.verification_failed);
    const [row] = await database.db.select().from(positions).where(eq(positions.id, treasurer.id));
    expect(row?.declaredAt).toBeNull();
  });

  it("leads on from a result that fails its check: a recorded recount corrects it, then it can be declared", async () => {
    const treasurer = (await positionsByTitle()).get("Treasurer")!;
    const page = await html(await app.request(`/elections/positions/${treasurer.id}`, { cookie: roCookie }));
    expect(page).toContain("Ask for a recount");
    const recounted = await app.request(`/elections/positions/${treasurer.id}`, {
      cookie: roCookie,
      form: { intent: "recount", recountReason: "The stored count failed its check." },
    });
    expect(recounted.status).toBe(200);
    expect(await verifyPoll(database.db, treasurer.pollId!)).toMatchObject({ ok: true });
    const [corrected] = await database.db.select().from(auditLog).where(eq(auditLog.action, "election.count_corrected"));
    expect(corrected?.subjectId).toBe(treasurer.id);
    const after = await html(await app.request(`/elections/positions/${treasurer.id}`, { cookie: roCookie }));
    expect(after).toContain("the recount corrected it before the declaration");
    const declared = await app.request(`/elections/positions/${treasurer.id}`, { cookie: roCookie, form: { intent: "declare" } });
    expect(await html(declared)).toContain("The result is declared");
  });
});

describe("a constitution round on its natural timeline", () => {
  it("is closed as a whole by the round, not question by question by the closer", async () => {
    expect((await startDraft(database.db, ro, { kind: "model" })).ok).toBe(true);
    const round = await openRound(database.db, ro, { closesAt: ballotCloses() });
    if (!round.ok) throw new Error(round.code);
    const items = await roundItems(database.db, round.roundId);
    const pollIds = items.map((i) => i.pollId);
    await castBallot(database.db, { pollId: pollIds[0]!, userId: ids[0]!, choice: "yes" });
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(inArray(polls.id, pollIds));
    expect(await closeDuePolls(database.db)).toBe(0);
    expect(await closeDuePolls(database.db, dueOwners)).toBe(pollIds.length);
    const statuses = await database.db.select({ status: polls.status }).from(polls).where(inArray(polls.id, pollIds));
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["closed"]));
    const [draft] = await database.db.select().from(constitutionDrafts);
    expect(draft?.phase).toBe("closed");
    expect(await verifyPoll(database.db, pollIds[0]!)).toMatchObject({ ok: true, ballots: 1 });
  }, 60_000);
});

describe("the members' decision on its natural timeline", () => {
  /** A decision ballot on the founding members' roll, with the movement waiting on it. */
  async function decisionBallot(): Promise<string> {
    const created = await createPoll(database.db, ro, {
      title: "What next?",
      method: "irv",
      owner: "decision",
      options: decisionOptions.map((label) => ({ label })),
      closesAt: new Date(Date.now() + 3600_000),
    });
    if (!created.ok) throw new Error(created.code);
    expect((await openPoll(database.db, ro, created.pollId, ids)).ok).toBe(true);
    await database.db.update(movement).set({ phase: "decision", decisionPollId: created.pollId });
    // Leave and found a new party (the third option), by 3 to 1.
    for (let i = 0; i < 4; i += 1) await castBallot(database.db, { pollId: created.pollId, userId: ids[i]!, ranking: i < 3 ? [2] : [0] });
    return created.pollId;
  }

  it("is counted and recorded by the decision itself at the closing time", async () => {
    const pollId = await decisionBallot();
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    expect(await closeDuePolls(database.db)).toBe(0);
    expect((await database.db.select().from(movement))[0]?.phase).toBe("decision");
    expect(await closeDuePolls(database.db, dueOwners)).toBe(1);
    expect((await database.db.select().from(movement))[0]?.phase).toBe("founding");
    const [settled] = await database.db.select().from(auditLog).where(eq(auditLog.action, "campaign.decision_settled")).orderBy(desc(auditLog.id)).limit(1);
    expect(settled?.actorLabel).toBe("automatic close at the closing time");
  });

  it("is not recorded when its result fails its check", async () => {
    const pollId = await decisionBallot();
    expect((await closePoll(database.db, ro, pollId, { reason: "Test: everyone has voted." })).ok).toBe(true);
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    const result = poll!.result as PollResult & { kind: "ranked" };
    await database.db
      .update(polls)
      .set({ result: { ...result, report: { ...result.report, elected: [decisionOptions[0]] } } })
      .where(eq(polls.id, pollId));
    expect(await settleDecision(database.db, ro)).toEqual({ ok: false, code: "verification_failed" });
    expect((await database.db.select().from(movement))[0]?.phase).toBe("decision");
  });
});
