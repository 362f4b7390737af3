import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RankedCountReport } from "../../app/modules/ballots";
import { addPosition, createElection } from "../../app/modules/elections/setup.server";
import { askQuestion, answerQuestion, hustingsFor } from "../../app/modules/elections/hustings.server";
import { countElection } from "../../app/modules/elections/count.server";
import { currentElection, listPositions, type Position } from "../../app/modules/elections/current-election.server";
import { declare, declaredOfficers } from "../../app/modules/elections/declaring.server";
import { listCandidates } from "../../app/modules/elections/candidates.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { setSeconding, stand, withdrawCandidacy } from "../../app/modules/elections/nominations.server";
import type { PollResult } from "../../app/modules/polls/ballot-rules";
import { castBallot } from "../../app/modules/polls/casting.server";
import { getPublication } from "../../app/modules/polls/publication.server";
import { declarationPdf } from "../../app/modules/elections/declaration.server";
import { flat, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pollOptions, polls } from "../../db/schema";
import { foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let ids: string[] = [];
const ro = { id: null, label: "returning.officer@example.org" };
const who = (i: number) => ({
  id: ids[i]!,
  email: `founder${i + 1}@example.org`,
});
const agree = {
  statement: "I will serve.",
  consent: true,
  registeredOfficer: true,
  treasurerEligible: true,
};
let positionsByTitle = new Map<string, Position>();

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids } = await foundingMembersReady(database.db, 12, {
    adoptStandingOrders: false,
  }));
});
afterAll(() => database.drop());

async function position(title: string) {
  const election = (await currentElection(database.db))!;
  positionsByTitle = new Map((await listPositions(database.db, election.id)).map((p) => [p.title, p]));
  return positionsByTitle.get(title)!;
}

describe("an officer election", () => {
  const candidacy = new Map<string, string>();

  it("starts with the registered offices and a committee counted after them", async () => {
    const created = await createElection(database.db, ro, {
      title: "Interim officers",
      nominationsOpenAt: new Date(Date.now() - 60_000),
      nominationsCloseAt: new Date(Date.now() + 3600_000),
      campaignsOfficer: false,
      committeeSeats: 3,
    });
    expect(created.ok).toBe(true);
    const election = (await currentElection(database.db))!;
    const list = await listPositions(database.db, election.id);
    expect(list.map((p) => [p.title, p.seats, p.method, p.secondersRequired, p.countedAfterOffices])).toEqual([
      ["Leader", 1, "irv", 2, false],
      ["Nominating officer", 1, "irv", 2, false],
      ["Treasurer", 1, "irv", 2, false],
      ["Interim committee (3 seats)", 3, "scottish-stv", 2, true],
    ]);
  });

  it("takes candidates with consent and the declarations their office needs", async () => {
    const leader = await position("Leader");
    const treasurer = await position("Treasurer");
    expect(await stand(database.db, who(0), leader.id, { ...agree, consent: false })).toEqual({ ok: false, code: "consent_missing" });
    expect(
      await stand(database.db, who(0), leader.id, {
        ...agree,
        registeredOfficer: false,
      }),
    ).toEqual({ ok: false, code: "declaration_missing" });
    expect(
      await stand(database.db, who(2), treasurer.id, {
        ...agree,
        treasurerEligible: false,
      }),
    ).toEqual({ ok: false, code: "eligibility_missing" });
    for (const [i, title] of [
      [0, "Leader"],
      [1, "Leader"],
      [2, "Leader"],
      [3, "Treasurer"],
      [4, "Nominating officer"],
      [0, "Interim committee (3 seats)"],
      [5, "Interim committee (3 seats)"],
      [6, "Interim committee (3 seats)"],
      [7, "Interim committee (3 seats)"],
      [8, "Interim committee (3 seats)"],
    ] as const) {
      const r = await stand(database.db, who(i), (await position(title)).id, agree);
      expect(r.ok, `${i} for ${title}`).toBe(true);
      if (r.ok) candidacy.set(`${i}:${title}`, r.candidacyId);
    }
    // One registered office per person (11.3, 11.8).
    expect(await stand(database.db, who(0), treasurer.id, agree)).toMatchObject({ ok: false, code: "already_standing_for_office", detail: "Leader" });
  });

  it("counts seconders, never the candidates themselves", async () => {
    for (const [key, c] of candidacy) {
      const seconds = key === "2:Leader" ? [9] : [9, 10];
      for (const s of seconds) expect((await setSeconding(database.db, who(s), c, true)).ok).toBe(true);
    }
    expect(await setSeconding(database.db, who(0), candidacy.get("0:Leader")!, true)).toEqual({ ok: false, code: "own_candidacy" });
    const leaders = await listCandidates(database.db, await position("Leader"));
    expect(leaders.map((c) => [c.name, c.valid, c.seconders.length])).toEqual([
      ["Founder 1", true, 2],
      ["Founder 2", true, 2],
      ["Founder 3", false, 1],
    ]);
    expect(leaders.find((c) => c.name === "Founder 3")?.problems).toEqual(["too_few_seconders"]);
  });

  it("holds hustings: members ask, only the candidate answers", async () => {
    const c = candidacy.get("1:Leader")!;
    expect((await askQuestion(database.db, who(11), c, "What would you do first?")).ok).toBe(true);
    const [q] = await hustingsFor(database.db, [c]);
    expect(await answerQuestion(database.db, who(0), q!.q.id, "Not mine to answer")).toEqual({ ok: false, code: "not_candidate" });
    expect((await answerQuestion(database.db, who(1), q!.q.id, "Open the books.")).ok).toBe(true);
    expect((await hustingsFor(database.db, [c]))[0]?.q.answer).toBe("Open the books.");
  });

  it("takes a position of the organisers' own, which may get fewer candidates than seats", async () => {
    const added = await addPosition(database.db, ro, { title: "Working group", seats: 4, secondersRequired: 0, eligibility: "" });
    expect(added.ok).toBe(true);
    for (const i of [10, 11]) expect((await stand(database.db, who(i), (await position("Working group")).id, agree)).ok).toBe(true);
  });

  it("opens a ballot per position with the valid candidates and RON, early only with a reason", async () => {
    const closesAt = new Date(Date.now() + 3600_000);
    expect(await openBallots(database.db, ro, { closesAt })).toEqual({
      ok: false,
      code: "reason_missing",
    });
    const opened = await openBallots(database.db, ro, {
      closesAt,
      reason: "Test: nominations are complete.",
    });
    expect(opened).toMatchObject({ ok: true, rollSize: 12, reopened: [] });
    const leader = await position("Leader");
    const options = await database.db.select().from(pollOptions).where(eq(pollOptions.pollId, leader.pollId!));
    expect(options.map((o) => o.label)).toEqual(["Founder 1", "Founder 2", "Re-open nominations"]);
    expect(await stand(database.db, who(11), leader.id, agree)).toEqual({
      ok: false,
      code: "nominations_closed",
    });
  });

  it("keeps a candidate who withdraws during the ballot on the paper, and skips them in the count", async () => {
    expect((await withdrawCandidacy(database.db, who(5), candidacy.get("5:Interim committee (3 seats)")!)).ok).toBe(true);
    const committee = await position("Interim committee (3 seats)");
    const options = await database.db.select().from(pollOptions).where(eq(pollOptions.pollId, committee.pollId!));
    expect(options.find((o) => o.label === "Founder 6")?.withdrawn).toBe(true);
  });

  it("counts the offices first and leaves their winners out of the committee count", async () => {
    const leader = await position("Leader");
    const committee = await position("Interim committee (3 seats)");
    const treasurer = await position("Treasurer");
    const no = await position("Nominating officer");
    // Leader: Founder 1 (option 0) wins 7 to 5. Committee: Founder 1 is everyone's first choice.
    for (let i = 0; i < 12; i += 1) {
      await castBallot(database.db, {
        pollId: leader.pollId!,
        userId: ids[i]!,
        ranking: i < 7 ? [0, 1] : [1, 0],
      });
      await castBallot(database.db, {
        pollId: treasurer.pollId!,
        userId: ids[i]!,
        ranking: i < 9 ? [0] : [1],
      });
      await castBallot(database.db, {
        pollId: no.pollId!,
        userId: ids[i]!,
        ranking: [0],
      });
      // Committee options: Founder 1, Founder 6 (withdrawn), Founder 7, Founder 8, Founder 9, RON.
      await castBallot(database.db, {
        pollId: committee.pollId!,
        userId: ids[i]!,
        ranking: i % 2 === 0 ? [0, 2, 3, 4] : [0, 3, 4, 2],
      });
    }
    expect(
      (
        await countElection(database.db, ro, {
          reason: "Test: everyone has voted.",
        })
      ).ok,
    ).toBe(true);
    const [row] = await database.db.select().from(polls).where(eq(polls.id, committee.pollId!));
    const report = (row?.result as PollResult & { kind: "ranked" }).report as RankedCountReport;
    expect(report.withdrawn).toEqual(expect.arrayContaining(["Founder 1", "Founder 6"]));
    expect(report.elected).toHaveLength(3);
    expect(report.elected).not.toContain("Founder 1");
  });

  it("publishes ballots whose recount by `npm run count` gives the same stages as the page", { timeout: 90_000 }, async () => {
    const committee = await position("Interim committee (3 seats)");
    const published = await getPublication(database.db, committee.pollId!);
    const [row] = await database.db.select().from(polls).where(eq(polls.id, committee.pollId!));
    const stored = (row?.result as PollResult & { kind: "ranked" }).report as RankedCountReport;
    const dir = mkdtempSync(path.join(tmpdir(), "blt-"));
    const file = path.join(dir, "committee.blt");
    writeFileSync(file, published!.blt!);
    const run = spawnSync(
      path.resolve("node_modules/.bin/tsx"),
      ["scripts/count.ts", file, "--method", "scottish-stv", "--seats", "3", "--seed", row!.lotSeed, "--json"],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(run.stderr).toBe("");
    const recount = JSON.parse(run.stdout) as RankedCountReport;
    expect(recount.elected).toEqual(stored.elected);
    expect(recount.stages.map((st) => st.totals.map((t) => [t.candidate, t.votes, t.status]))).toEqual(
      stored.stages.map((st) => st.totals.map((t) => [t.candidate, t.votes, t.status])),
    );
    expect(recount.stages.length).toBeGreaterThan(1);
  });

  it("declares each result and makes the registered officers known", async () => {
    const leader = await position("Leader");
    expect(await declare(database.db, ro, leader.id)).toEqual({
      ok: true,
      elected: [{ userId: ids[0], name: "Founder 1" }],
    });
    expect(await declare(database.db, ro, leader.id)).toEqual({
      ok: false,
      code: "already_declared",
    });
    await declare(database.db, ro, (await position("Treasurer")).id);
    const officers = await declaredOfficers(database.db);
    expect(officers.map((o) => [o.role, o.name])).toEqual([
      ["leader", "Founder 1"],
      ["treasurer", "Founder 4"],
    ]);
  });

  it("prints the declaration of result as a council's returning officer would", { timeout: 120_000 }, async () => {
    const file = await declarationPdf(database.db, (await position("Leader")).id, "https://example.org");
    const text = flat(pdfText(file!.pdf));
    expect(text).toContain("Leader");
    expect(text).toContain("Founder 1");
    expect(text).toContain("Founder 2");
    expect(await declarationPdf(database.db, (await position("Nominating officer")).id, "https://example.org")).toBeNull();
  });
});
