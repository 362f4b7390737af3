/**
 * Issue 18: an officer election whose committee is counted by Meek STV, as the standing orders'
 * `several_seats_method: meek` makes it. The model standing orders say `scottish-stv`, and their
 * rules block is read from the file once per server (its own test proves the key is read and
 * checked), so here the committee is given the method as `createElection` gives it from the
 * block. Then: the ballot says how it is counted, the offices are counted first and their winner
 * left out of the committee count, the result keeps its count sheet, and the declaration names
 * the rule and refers to the sheet, which is published as a PDF.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flat, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { declarationPdf } from "../../app/modules/elections/declaration.server";
import { countElection } from "../../app/modules/elections/count.server";
import { createElection } from "../../app/modules/elections/setup.server";
import { currentElection, listPositions, type Position } from "../../app/modules/elections/current-election.server";
import { declare } from "../../app/modules/elections/declaring.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { setSeconding, stand } from "../../app/modules/elections/nominations.server";
import type { PollResult } from "../../app/modules/polls/ballot-rules";
import { countSheetPdf } from "../../app/modules/polls/count-sheet.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { polls, positions } from "../../db/schema";
import { foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let ids: string[] = [];
const ro = { id: null, label: "returning.officer@example.org" };
const agree = { statement: "I will serve.", consent: true, registeredOfficer: true, treasurerEligible: true };
const COMMITTEE = "Interim committee (3 seats)";

async function byTitle(): Promise<Map<string, Position>> {
  const election = (await currentElection(database.db))!;
  return new Map((await listPositions(database.db, election.id)).map((p) => [p.title, p]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids } = await foundingMembersReady(database.db, 12, { adoptStandingOrders: false }));
}, 120_000);
afterAll(() => database.drop());

describe("an officer election counted by Meek STV (issue 18)", () => {
  it("counts the committee by Meek, keeps its count sheet, and declares it by name", { timeout: 180_000 }, async () => {
    expect(
      (
        await createElection(database.db, ro, {
          title: "Interim officers",
          nominationsOpenAt: new Date(Date.now() - 60_000),
          nominationsCloseAt: new Date(Date.now() + 3600_000),
          campaignsOfficer: false,
          committeeSeats: 3,
        })
      ).ok,
    ).toBe(true);
    const committeeId = (await byTitle()).get(COMMITTEE)!.id;
    await database.db.update(positions).set({ method: "meek" }).where(eq(positions.id, committeeId));

    // Founder 1 leads; Founders 1, 6, 7, 8, 9 stand for the committee; Founders 10 and 11 second everyone.
    const standing: [number, string][] = [
      [0, "Leader"],
      [1, "Leader"],
      [0, COMMITTEE],
      [5, COMMITTEE],
      [6, COMMITTEE],
      [7, COMMITTEE],
      [8, COMMITTEE],
    ];
    for (const [i, title] of standing) {
      const stood = await stand(database.db, { id: ids[i]!, email: `founder${i + 1}@example.org` }, (await byTitle()).get(title)!.id, agree);
      if (!stood.ok) throw new Error(`${i} for ${title}: ${stood.code}`);
      for (const s of [9, 10])
        expect((await setSeconding(database.db, { id: ids[s]!, email: `founder${s + 1}@example.org` }, stood.candidacyId, true)).ok).toBe(true);
    }
    expect((await openBallots(database.db, ro, { closesAt: new Date(Date.now() + 3600_000), reason: "Test: nominations are complete." })).ok).toBe(true);
    const titled = await byTitle();
    const committee = titled.get(COMMITTEE)!;
    const [ballot] = await database.db.select().from(polls).where(eq(polls.id, committee.pollId!));
    expect(ballot!.method).toBe("meek");
    expect(ballot!.description).toContain("3 seats, counted by Meek STV.");

    // Committee options: Founder 1, 6, 7, 8, 9, RON. Everyone puts Founder 1 first: elected Leader, so left out.
    for (let i = 0; i < 12; i += 1) {
      expect((await castBallot(database.db, { pollId: titled.get("Leader")!.pollId!, userId: ids[i]!, ranking: i < 7 ? [0, 1] : [1, 0] })).ok).toBe(true);
      const committeeRanking = [
        [0, 1, 2],
        [0, 2, 3],
        [0, 3, 1],
        [0, 1, 4],
        [0, 4, 3],
        [0, 2, 1],
      ][i % 6]!;
      expect((await castBallot(database.db, { pollId: committee.pollId!, userId: ids[i]!, ranking: committeeRanking })).ok).toBe(true);
    }
    expect((await countElection(database.db, ro, { reason: "Test: everyone has voted." })).ok).toBe(true);

    const [row] = await database.db.select().from(polls).where(eq(polls.id, committee.pollId!));
    const result = row!.result as PollResult;
    if (result.kind !== "ranked") throw new Error("not ranked");
    expect(result.report.method).toBe("meek");
    expect(result.report.withdrawn).toContain("Founder 1");
    expect(result.report.elected).toHaveLength(3);
    expect(result.report.elected).not.toContain("Founder 1");
    expect(result.sheet?.elected).toEqual(result.report.elected);
    expect(result.sheet?.stages.every((s) => s.total === "12.000000000")).toBe(true);

    expect((await declare(database.db, ro, titled.get("Leader")!.id)).ok).toBe(true);
    const declared = await declare(database.db, ro, committee.id);
    expect(declared.ok).toBe(true);
    const declaration = await declarationPdf(database.db, committee.id, "https://breakaway.example");
    const text = flat(pdfText(declaration!.pdf));
    expect(text).toContain("Meek STV");
    expect(text).toContain(`https://breakaway.example/polls/${committee.pollId}/count-sheet.pdf`);
    const sheet = await countSheetPdf(database.db, committee.pollId!, { appUrl: "https://breakaway.example", partyName: "Breakaway" });
    const sheetText = flat(pdfText(sheet!.pdf));
    expect(sheetText).toContain(`Count sheet: Interim officers: ${COMMITTEE}`);
    expect(sheetText).toContain("Counted by: Meek STV");
    for (const name of result.report.elected) expect(sheetText).toContain(name);
  });
});
