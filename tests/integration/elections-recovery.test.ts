/**
 * Elections without dead ends: seats left vacant (won by "Re-open nominations", or with nobody
 * nominated) get nominations re-opened for exactly those seats, and a declared result is
 * corrected only by a recorded recount. Through the pages as a browser would use them, and the
 * module calls.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RankedCountReport } from "../../app/modules/ballots";
import { systemActor } from "../../app/modules/audit/audit.server";
import { flat, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { addPosition } from "../../app/modules/elections/setup.server";
import { countElection } from "../../app/modules/elections/count.server";
import { currentElection, listPositions, type Position } from "../../app/modules/elections/current-election.server";
import { declare, declaredOfficers } from "../../app/modules/elections/declaring.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { setSeconding, stand } from "../../app/modules/elections/nominations.server";
import { declarationPdf } from "../../app/modules/elections/declaration.server";
import { officersChangedByRecount, recount, reopenNominations, vacancies } from "../../app/modules/elections/recovery.server";
import type { PollResult } from "../../app/modules/polls/ballot-rules";
import { castBallot } from "../../app/modules/polls/casting.server";
import { packData } from "../../app/modules/registration/pack.server";
import { loadReadiness } from "../../app/modules/registration/readiness.server";
import { saveOfficerDetails } from "../../app/modules/registration/registration.server";
import { grantRole } from "../../app/modules/users/users.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { auditLog, elections, polls, positions, recounts } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { foundingMembersReady } from "../support/constitution-fixture";
import { electionOpenForNominations } from "../support/election-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let founder: string[] = [];
const cookie: Record<string, string> = {};
const databases: TestDatabase[] = [];
const agree = { statement: "I will serve.", consent: true, registeredOfficer: true, treasurerEligible: true };
const as = (i: number) => ({ id: ids[i]!, email: `founder${i + 1}@example.org` });
const ro = systemActor("returning officer");
const DAY = 24 * 3600_000;

/** Nine founding members, an organiser, a returning officer, and an election taking nominations. */
async function newWorld(options: { campaignsOfficer: boolean; committeeSeats: number }) {
  database = await createTestDatabase();
  databases.push(database);
  app = await createTestApp(database.db);
  ({ ids } = await foundingMembersReady(database.db, 9, { adoptStandingOrders: false }));
  founder = [];
  for (let i = 0; i < ids.length; i += 1) founder.push(await cookieFor(database.db, `founder${i + 1}@example.org`));
  for (const role of ["organiser", "returning_officer"] as const) {
    const r = await grantRole(database.db, { email: `${role}@example.org`, role, actor: systemActor() });
    if (!r.ok) throw new Error(role);
    cookie[role] = await cookieFor(database.db, `${role}@example.org`);
  }
  await electionOpenForNominations(database.db, options);
}

afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function position(title: string): Promise<Position> {
  const election = (await currentElection(database.db))!;
  return (await listPositions(database.db, election.id)).find((p) => p.title === title)!;
}

/** Each founder (by index) stands for the current election's position of that title, seconded by Founders 8 and 9. */
async function standSeconded(entries: readonly (readonly [number, string])[]) {
  for (const [i, title] of entries) {
    const r = await stand(database.db, as(i), (await position(title)).id, agree);
    if (!r.ok) throw new Error(r.code);
    for (const s of [7, 8]) expect((await setSeconding(database.db, as(s), r.candidacyId, true)).ok).toBe(true);
  }
}

async function page(path: string, who: string | null) {
  const res = await app.request(path, { cookie: who });
  return { status: res.status, html: await html(res) };
}

async function post(path: string, who: string | null, form: Record<string, string>) {
  const res = await app.request(path, { cookie: who, form });
  return { status: res.status, html: res.status === 302 ? "" : await html(res) };
}

async function audited(action: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe("seats left vacant", () => {
  beforeAll(async () => {
    await newWorld({ campaignsOfficer: true, committeeSeats: 0 });
    const added = await addPosition(database.db, systemActor(), { title: "Secretary", seats: 1, secondersRequired: 0, eligibility: "" });
    if (!added.ok) throw new Error(added.code);
    const leader = await stand(database.db, as(0), (await position("Leader")).id, agree);
    if (!leader.ok) throw new Error(leader.code);
    for (const s of [2, 3]) expect((await setSeconding(database.db, as(s), leader.candidacyId, true)).ok).toBe(true);
    expect((await stand(database.db, as(1), (await position("Secretary")).id, agree)).ok).toBe(true);
  });

  it("re-opens nominations for exactly the vacant seats once every result is declared", { timeout: 120_000 }, async () => {
    const opened = await post("/elections", cookie.returning_officer!, {
      intent: "open-ballots",
      ballotClosesAt: toLondonLocal(new Date(Date.now() + 2 * 3600_000)),
      reason: "Test: nominations are complete.",
    });
    expect(opened.status).toBe(200);
    expect(opened.html).toContain("Nobody was validly nominated for Nominating officer, Treasurer, Campaigns officer");
    const leader = await position("Leader");
    const secretary = await position("Secretary");
    // Leader: Founder 1 unopposed. Secretary: Re-open nominations (option 1) wins 5 to 4.
    for (let i = 0; i < ids.length; i += 1) {
      await castBallot(database.db, { pollId: leader.pollId!, userId: ids[i]!, ranking: [0] });
      await castBallot(database.db, { pollId: secretary.pollId!, userId: ids[i]!, ranking: i < 5 ? [1] : [0] });
    }
    expect((await post("/elections", cookie.returning_officer!, { intent: "count", reason: "Test: everyone has voted." })).status).toBe(200);

    // Campaigns officer had nobody: the page says so and offers the way on, even before the declarations.
    const campaigns = await page(`/elections/positions/${(await position("Campaigns officer")).id}`, founder[0]!);
    expect(campaigns.html).toContain("Nobody was validly nominated, so there was no ballot: the seat is vacant");
    const before = await page("/elections", cookie.organiser!);
    expect(before.html).toContain("Vacant seats");
    expect(before.html).toContain("Declare every result first");
    const early = await post("/elections", cookie.organiser!, {
      intent: "reopen",
      opensAt: toLondonLocal(new Date(Date.now() - 60_000)),
      closesAt: toLondonLocal(new Date(Date.now() + 15 * DAY)),
    });
    expect(early.status).toBe(400);
    expect(early.html).toContain("Declare every result first");

    for (const p of [leader, secretary])
      expect((await post(`/elections/positions/${p.id}`, cookie.returning_officer!, { intent: "declare" })).status).toBe(200);
    const declaredSecretary = (await position("Secretary"))!;
    expect(declaredSecretary.elected).toEqual([{ userId: null, name: "Re-open nominations" }]);

    const listed = await page("/elections", cookie.organiser!);
    expect(listed.html).toContain("Vacant seats");
    expect(listed.html).toMatch(/Secretary<\/th><td>1 of 1 seats vacant/);
    expect(listed.html).not.toMatch(/Leader<\/th><td>\d of 1 seats vacant/);
    // The re-open form and the set-up form share the page: each field has its own id, so each label names its own field.
    for (const id of ["opensAt", "closesAt", "reopen-opensAt", "reopen-closesAt"])
      expect(listed.html.match(new RegExp(`id="${id}"`, "g")) ?? [], id).toHaveLength(1);
    // A member sees the list but not the organisers' form.
    expect((await page("/elections", founder[4]!)).html).not.toContain('value="reopen"');

    const short = toLondonLocal(new Date(Date.now() + 13 * DAY));
    const tooShort = await post("/elections", cookie.organiser!, { intent: "reopen", opensAt: toLondonLocal(new Date(Date.now() - 60_000)), closesAt: short });
    expect(tooShort.status).toBe(400);
    expect(tooShort.html).toContain("Nominations must stay open for at least 14 days");
    expect(tooShort.html).toContain('href="#reopen-closesAt"');
    expect(tooShort.html).toContain(`value="${short}"`);
    expect(
      (
        await post("/elections", founder[4]!, {
          intent: "reopen",
          opensAt: toLondonLocal(new Date()),
          closesAt: toLondonLocal(new Date(Date.now() + 15 * DAY)),
        })
      ).status,
    ).toBe(403);

    const reopened = await post("/elections", cookie.organiser!, {
      intent: "reopen",
      opensAt: toLondonLocal(new Date(Date.now() - 60_000)),
      closesAt: toLondonLocal(new Date(Date.now() + 15 * DAY)),
    });
    expect(reopened.status).toBe(200);
    expect(reopened.html).toContain("Nominations are re-opened for Nominating officer, Treasurer, Campaigns officer, Secretary");
    expect(await audited("election.nominations_reopened")).toHaveLength(1);

    const round = (await currentElection(database.db))!;
    const original = (await database.db.select().from(elections).where(eq(elections.id, round.followsElectionId!)))[0]!;
    expect(original.phase).toBe("counted");
    const fresh = await listPositions(database.db, round.id);
    expect(fresh.map((p) => [p.title, p.seats, p.fillsSeats, p.fillsPositionId])).toEqual([
      ["Nominating officer", 1, [1], expect.any(String)],
      ["Treasurer", 1, [1], expect.any(String)],
      ["Campaigns officer", 1, [1], expect.any(String)],
      ["Secretary", 1, [1], secretary.id],
    ]);
    // Members see it as any nomination period.
    const overview = await page("/elections", founder[4]!);
    expect(overview.html).toContain("Nominations: nominations open");
    expect(overview.html).toContain(`/elections/positions/${fresh[3]!.id}`);
    // Refused a second time while the first is under way.
    expect(await reopenNominations(database.db, systemActor(), { nominationsOpenAt: new Date(), nominationsCloseAt: new Date(Date.now() + 15 * DAY) })).toEqual(
      { ok: false, code: "wrong_phase" },
    );
  });

  it("fills the seat with the new round's result, adding to the seats already filled", { timeout: 120_000 }, async () => {
    const secretary = await position("Secretary");
    // The leader elected in the first round holds a registered office already (11.3).
    expect(await stand(database.db, as(0), (await position("Treasurer")).id, agree)).toEqual({ ok: false, code: "already_holds_office" });
    const stood = await post(`/elections/positions/${secretary.id}`, founder[4]!, { intent: "stand", statement: "Second time lucky.", consent: "yes" });
    expect(stood.status).toBe(200);
    expect((await openBallots(database.db, ro, { closesAt: new Date(Date.now() + 3600_000), reason: "Test: nominations are complete." })).ok).toBe(true);
    const fresh = await position("Secretary");
    for (let i = 0; i < ids.length; i += 1) await castBallot(database.db, { pollId: fresh.pollId!, userId: ids[i]!, ranking: [0] });
    expect((await countElection(database.db, ro, { reason: "Test: everyone has voted." })).ok).toBe(true);
    expect(await declare(database.db, ro, fresh.id)).toEqual({ ok: true, elected: [{ userId: ids[4], name: "Founder 5" }] });

    // The original declaration is untouched; the seat is filled.
    const [first] = await database.db.select().from(positions).where(eq(positions.id, fresh.fillsPositionId!));
    expect(first!.elected).toEqual([{ userId: null, name: "Re-open nominations" }]);
    const left = await vacancies(database.db);
    expect(left.settled).toBe(true);
    expect(left.positions.map((p) => p.title)).toEqual(["Nominating officer", "Treasurer", "Campaigns officer"]);
    // The officers declared in both rounds count together.
    expect((await declaredOfficers(database.db)).map((o) => [o.role, o.name])).toEqual([["leader", "Founder 1"]]);
    const overview = await page("/elections", founder[0]!);
    expect(overview.html).toMatch(/Secretary<\/th><td>Founder 5<\/td>/);
    expect(overview.html).toMatch(/Leader<\/th><td>Founder 1<\/td>/);
    // The founding record lists both rounds.
    const record = (await packData(database.db))["founding-record"].elections;
    expect(record.filter((e) => e.position.startsWith("Secretary")).map((e) => [e.position, e.elected])).toEqual([
      ["Secretary", ["Re-open nominations"]],
      ["Secretary (re-opened nominations)", ["Founder 5"]],
    ]);
  });
});

describe("a committee by-election", () => {
  beforeAll(async () => {
    await newWorld({ campaignsOfficer: false, committeeSeats: 2 });
  });

  it("still leaves the offices' holders out of the committee count", { timeout: 120_000 }, async () => {
    await standSeconded([
      [0, "Leader"],
      [1, "Interim committee (2 seats)"],
    ]);
    expect((await openBallots(database.db, ro, { closesAt: new Date(Date.now() + 3600_000), reason: "Test." })).ok).toBe(true);
    const leader = await position("Leader");
    const committee = await position("Interim committee (2 seats)");
    for (let i = 0; i < ids.length; i += 1) {
      await castBallot(database.db, { pollId: leader.pollId!, userId: ids[i]!, ranking: [0] });
      await castBallot(database.db, { pollId: committee.pollId!, userId: ids[i]!, ranking: [0] });
    }
    expect((await countElection(database.db, ro, { reason: "Test." })).ok).toBe(true);
    for (const p of [leader, committee]) expect((await declare(database.db, ro, p.id)).ok).toBe(true);
    const r = await reopenNominations(database.db, systemActor(), {
      nominationsOpenAt: new Date(Date.now() - 60_000),
      nominationsCloseAt: new Date(Date.now() + 15 * DAY),
    });
    expect(r).toMatchObject({
      ok: true,
      positions: [{ title: "Nominating officer" }, { title: "Treasurer" }, { title: "Interim committee (2 seats)", seats: [2] }],
    });
    // The leader stands for the committee's vacant seat; so does Founder 6.
    const seat = await position("Interim committee (2 seats)");
    expect(seat.method).toBe("irv");
    await standSeconded([
      [0, seat.title],
      [5, seat.title],
    ]);
    expect((await openBallots(database.db, ro, { closesAt: new Date(Date.now() + 3600_000), reason: "Test." })).ok).toBe(true);
    const paper = await position("Interim committee (2 seats)");
    // Everyone puts the leader (Founder 1, option 0) first.
    for (let i = 0; i < ids.length; i += 1) await castBallot(database.db, { pollId: paper.pollId!, userId: ids[i]!, ranking: [0, 1] });
    expect((await countElection(database.db, ro, { reason: "Test." })).ok).toBe(true);
    expect(await declare(database.db, ro, paper.id)).toEqual({ ok: true, elected: [{ userId: ids[5], name: "Founder 6" }] });
  });
});

describe("a recount", () => {
  beforeAll(async () => {
    await newWorld({ campaignsOfficer: false, committeeSeats: 0 });
    await standSeconded([
      [0, "Leader"],
      [1, "Leader"],
      [2, "Treasurer"],
      [3, "Treasurer"],
    ]);
    expect((await openBallots(database.db, ro, { closesAt: new Date(Date.now() + 3600_000), reason: "Test." })).ok).toBe(true);
    const leader = await position("Leader");
    const treasurer = await position("Treasurer");
    // Founder 1 beats Founder 2, and Founder 3 beats Founder 4, 5 to 4.
    for (let i = 0; i < ids.length; i += 1) {
      await castBallot(database.db, { pollId: leader.pollId!, userId: ids[i]!, ranking: i < 5 ? [0] : [1] });
      await castBallot(database.db, { pollId: treasurer.pollId!, userId: ids[i]!, ranking: i < 5 ? [0] : [1] });
    }
    expect((await countElection(database.db, ro, { reason: "Test." })).ok).toBe(true);
  });

  it("of a declared result that agrees is recorded as confirming it", async () => {
    const leader = await position("Leader");
    expect(await recount(database.db, ro, leader.id, "A candidate asked.")).toEqual({ ok: false, code: "not_declared" });
    expect((await post(`/elections/positions/${leader.id}`, cookie.returning_officer!, { intent: "declare" })).status).toBe(200);
    const page1 = await page(`/elections/positions/${leader.id}`, cookie.returning_officer!);
    expect(page1.html).toContain("Ask for a recount");
    expect((await page(`/elections/positions/${leader.id}`, founder[0]!)).html).not.toContain('value="recount"');
    const blank = await post(`/elections/positions/${leader.id}`, cookie.returning_officer!, { intent: "recount", recountReason: "" });
    expect(blank.status).toBe(400);
    expect(blank.html).toContain('href="#recountReason"');
    const done = await post(`/elections/positions/${leader.id}`, cookie.returning_officer!, {
      intent: "recount",
      recountReason: "Founder 2 asked for a recount.",
    });
    expect(done.status).toBe(200);
    expect(done.html).toContain("The recount confirmed the result");
    const rows = await database.db.select().from(recounts).where(eq(recounts.positionId, leader.id));
    expect(rows.map((r) => [r.outcome, r.reason])).toEqual([["confirmed", "Founder 2 asked for a recount."]]);
    expect(await audited("election.recounted")).toHaveLength(1);
    expect(await audited("election.declaration_corrected")).toHaveLength(0);
    expect((await page(`/elections/positions/${leader.id}`, null)).html).toContain("Recount on");
  });

  it("corrects a declaration made from a wrong stored result, keeping the superseded one on record", { timeout: 180_000 }, async () => {
    const treasurer = await position("Treasurer");
    // A wrong stored result can no longer be declared (it fails its check), so someone with
    // database access swaps the winner in the result and the declaration after it was made.
    expect(await declare(database.db, ro, treasurer.id)).toEqual({ ok: true, elected: [{ userId: ids[2], name: "Founder 3" }] });
    const [row] = await database.db.select().from(polls).where(eq(polls.id, treasurer.pollId!));
    const stored = row!.result as PollResult & { kind: "ranked" };
    const report = stored.report as RankedCountReport;
    expect(report.elected).toEqual(["Founder 3"]);
    const wrong = { ...stored, report: { ...report, elected: ["Founder 4"], winners: report.winners.map((w) => ({ ...w, candidate: "Founder 4" })) } };
    await database.db.update(polls).set({ result: wrong }).where(eq(polls.id, treasurer.pollId!));
    await database.db
      .update(positions)
      .set({ elected: [{ userId: ids[3]!, name: "Founder 4" }] })
      .where(eq(positions.id, treasurer.id));
    expect((await declaredOfficers(database.db)).map((o) => [o.role, o.name])).toContainEqual(["treasurer", "Founder 4"]);

    const done = await post(`/elections/positions/${treasurer.id}`, cookie.returning_officer!, { intent: "recount", recountReason: "The count was disputed." });
    expect(done.status).toBe(200);
    expect(done.html).toContain("The recount differs from the declared result: the declaration is corrected. Elected: Founder 3.");
    const [after] = await database.db.select().from(positions).where(eq(positions.id, treasurer.id));
    expect(after!.elected).toEqual([{ userId: ids[2], name: "Founder 3" }]);
    expect(after!.declaredAt).toEqual(treasurer.declaredAt ?? after!.declaredAt);
    const [fixed] = await database.db.select().from(polls).where(eq(polls.id, treasurer.pollId!));
    expect(((fixed!.result as PollResult & { kind: "ranked" }).report as RankedCountReport).elected).toEqual(["Founder 3"]);
    const [kept] = await database.db
      .select()
      .from(recounts)
      .where(and(eq(recounts.positionId, treasurer.id), eq(recounts.outcome, "corrected")));
    expect(kept!.previousElected).toEqual([{ userId: ids[3], name: "Founder 4" }]);
    expect(kept!.elected).toEqual([{ userId: ids[2], name: "Founder 3" }]);
    const [entry] = await audited("election.declaration_corrected");
    expect(entry?.details).toMatchObject({ reason: "The count was disputed.", superseded: ["Founder 4"], elected: ["Founder 3"] });
    expect((await declaredOfficers(database.db)).map((o) => [o.role, o.name])).toContainEqual(["treasurer", "Founder 3"]);

    // The page, the declaration and the founding record say so.
    const shown = await page(`/elections/positions/${treasurer.id}`, null);
    expect(shown.html).toContain("Elected: Founder 3.");
    expect(shown.html).toContain("Corrected by recount on");
    expect(shown.html).toContain("superseded declaration");
    const pdf = await declarationPdf(database.db, treasurer.id, "https://example.org");
    const text = flat(pdfText(pdf!.pdf));
    expect(text).toContain("Corrected by recount on");
    expect(text).toContain("The count was disputed.");
    expect(text).toContain("Founder 3 elected");
    expect(text).not.toContain("Founder 4 elected");
    const record = (await packData(database.db))["founding-record"].elections.find((e) => e.position === "Treasurer")!;
    expect(record.elected).toEqual(["Founder 3"]);
    expect((record.recounts ?? []).map((r) => [r.outcome, r.previous, r.elected, r.reason])).toEqual([
      ["corrected", ["Founder 4"], ["Founder 3"], "The count was disputed."],
    ]);

    // The registration flags that the treasurer is now someone else.
    expect(await officersChangedByRecount(database.db)).toMatchObject([{ role: "treasurer", from: ["Founder 4"], to: ["Founder 3"] }]);
    const checks = await loadReadiness(database.db);
    const changed = checks.find((c) => c.id === "officers.changed-by-recount.treasurer");
    expect(changed?.status).toBe("fail");
    expect(changed?.params).toMatchObject({ role: "treasurer", from: "Founder 4", to: "Founder 3" });
    // Until the new treasurer gives their details and confirms the declaration.
    const saved = await saveOfficerDetails(
      database.db,
      { id: ids[2]!, label: "founder3@example.org" },
      { fullName: "Founder Three", homeAddress: "1 High Street, Leeds", email: "founder3@example.org", confirm: ["treasurer"] },
    );
    expect(saved.ok).toBe(true);
    expect((await loadReadiness(database.db)).find((c) => c.id === "officers.changed-by-recount.treasurer")?.status).toBe("pass");
  });
});
