/**
 * Issue 18 through the built app: a poll counted by Meek STV or WIGM, chosen on the poll form
 * (without JavaScript), voted in, closed by the background closer when its time passes, and its
 * result page and count sheet PDF published; anyone recounting the published ballot file by the
 * same rule and seed gets the same sheet, figure for figure.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { countReferenceRule, countSheetWords, parseBlt, sheetFromRankedReport, type CountSheet, type RankedCountReport } from "../../app/modules/ballots";
import type { PollResult } from "../../app/modules/polls/ballot-rules";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { grantRole } from "../../app/modules/users/users.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { polls } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { errorLine, fieldsetDescribedBy } from "../support/error-lines";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
const roll: string[] = [];

// Positions: 0 Ann, 1 Ben, 2 Cat, 3 Dan, 4 Re-open nominations. Ann has a surplus; Dan is excluded.
const RANKINGS = [[0, 1], [0, 1], [0, 2], [0, 1, 2], [0, 3], [1, 2], [1, 0], [2, 1], [2, 3], [3, 2], [2], [1, 3]];

function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "breakaway-sheet-"));
  try {
    writeFileSync(path.join(dir, "sheet.pdf"), pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", path.join(dir, "sheet.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pollForm = (method: string, seats: string) => ({
  title: `Committee by ${method}`,
  description: "",
  method,
  seats,
  options: "Ann\nBen\nCat\nDan",
  ron: "yes",
  quorumPercent: "0",
  majority: "simple",
  publication: "separate-lists",
  closesAt: toLondonLocal(new Date(Date.now() + 86_400_000)),
  trustees: "",
  trusteeThreshold: "",
});

/** A poll made on the form, opened, voted in by the roll, and closed by the closer once its time has passed. */
async function votedPoll(method: string): Promise<string> {
  const made = await app.request("/polls/new", { form: pollForm(method, "2"), cookie: organiser });
  expect(made.status, await made.clone().text()).toBe(302);
  const pollId = made.headers.get("Location")!.split("/").at(-1)!;
  expect((await openPoll(database.db, systemActor(), pollId, roll)).ok).toBe(true);
  for (const [i, ranking] of RANKINGS.entries()) expect((await castBallot(database.db, { pollId, userId: roll[i]!, ranking })).ok).toBe(true);
  await database.db
    .update(polls)
    .set({ closesAt: sql`now() - interval '1 minute'` })
    .where(eq(polls.id, pollId));
  expect(await closeDuePolls(database.db)).toBeGreaterThanOrEqual(1);
  return pollId;
}

async function storedResult(pollId: string): Promise<{ result: PollResult; lotSeed: string; status: string }> {
  const [row] = await database.db.select({ result: polls.result, lotSeed: polls.lotSeed, status: polls.status }).from(polls).where(eq(polls.id, pollId));
  return { result: row!.result as PollResult, lotSeed: row!.lotSeed, status: row!.status };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const o = await grantRole(database.db, { email: "organiser@example.org", role: "organiser", actor: systemActor() });
  if (!o.ok) throw new Error("no organiser");
  organiser = await cookieFor(database.db, "organiser@example.org");
  for (let i = 0; i < RANKINGS.length; i++) {
    const m = await grantRole(database.db, { email: `member${i}@example.org`, role: "member", actor: systemActor() });
    if (!m.ok) throw new Error("no member");
    roll.push(m.userId);
  }
}, 120_000);
afterAll(() => database.drop());

describe("a poll counted by Meek STV or WIGM (issue 18)", () => {
  it("refuses an unknown method and too few options on the form, keeping what was typed", async () => {
    const unknown = await app.request("/polls/new", { form: pollForm("borda", "2"), cookie: organiser });
    expect(unknown.status).toBe(400);
    const html = await unknown.text();
    expect(html).toContain("Choose how people vote");
    expect(html).toContain("Committee by borda");
    expect(errorLine(html, "method")).toBe("Choose how people vote");
    expect(fieldsetDescribedBy(html, "How do people vote?")).toEqual(["method-error"]);
    expect(html).toContain('href="#method-yes-no"');
    const tooMany = await app.request("/polls/new", { form: pollForm("meek", "5"), cookie: organiser });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("There must be more options than seats");
  });

  for (const method of ["meek", "wigm-prf"] as const) {
    it(
      `${method}: closes on time, publishes its count sheet on the result page and as a PDF, and recounts the same from the ballot file`,
      { timeout: 120_000 },
      async () => {
        const pollId = await votedPoll(method);
        const { result, lotSeed, status } = await storedResult(pollId);
        expect(status).toBe("closed");
        if (result.kind !== "ranked") throw new Error("not ranked");
        expect(result.report.method).toBe(method);
        expect(result.report.seats).toBe(2);
        const sheet = result.sheet!;
        expect(sheet.method).toBe(method);
        expect(sheet.stages.every((s) => s.total === (method === "meek" ? "12.000000000" : "12.0000"))).toBe(true);
        expect(sheet.elected).toEqual(result.report.elected);
        expect(sheet.elected).toContain("Ann");

        const page = await app.request(`/polls/${pollId}`);
        expect(page.status).toBe(200);
        const html = (await page.text()).replace(/<!-- -->/g, "");
        expect(html).toContain("Count sheet");
        expect(html).toContain(method === "meek" ? "Meek STV" : "Weighted inclusive Gregory method");
        expect(html).toContain(`href="/polls/${pollId}/count-sheet.pdf"`);
        expect(html).toContain(method === "meek" ? "Excess: what no candidate keeps" : "Loss of fractions");
        expect(html).toContain("Broken by the order drawn by lot with this seed");
        for (const stage of sheet.stages) expect(html).toContain(`Stage ${stage.stage}`);

        const pdf = await app.request(`/polls/${pollId}/count-sheet.pdf`);
        expect(pdf.status).toBe(200);
        expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
        const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
        expect(text).toContain(`Count sheet: Committee by ${method}`);
        for (const stage of sheet.stages) expect(text).toContain(`Stage ${stage.stage}: ${countSheetWords.events(stage.events)}`);
        expect(text).toContain("I certify that this is a true record of the count.");
        expect(text).toContain(lotSeed);

        // The check anyone can make: the closed poll against its own ballots, and the published file by the same rule.
        expect((await verifyPoll(database.db, pollId)).ok).toBe(true);
        const blt = await (await app.request(`/polls/${pollId}/ballots.blt`)).text();
        const recount = countReferenceRule(parseBlt(blt), method, { seed: lotSeed });
        expect(recount.sheet).toEqual(sheet as CountSheet);
      },
    );
  }

  it("publishes a Scottish STV poll's sheet from its report, and no sheet where there are no stages", { timeout: 120_000 }, async () => {
    const pollId = await votedPoll("scottish-stv");
    const { result } = await storedResult(pollId);
    if (result.kind !== "ranked") throw new Error("not ranked");
    expect(result.sheet).toBeUndefined();
    const sheet = sheetFromRankedReport(result.report as RankedCountReport);
    const text = pdfText(new Uint8Array(await (await app.request(`/polls/${pollId}/count-sheet.pdf`)).arrayBuffer()));
    expect(text).toContain("Single transferable vote (Scottish rules)");
    expect(text).toContain(`Totals ${sheet.stages[0]!.total}`);

    const yesNo = await createPoll(database.db, systemActor(), {
      title: "Yes or no",
      method: "yes-no",
      options: [],
      closesAt: new Date(Date.now() + 86_400_000),
    });
    if (!yesNo.ok) throw new Error(yesNo.code);
    for (const address of [`/polls/${yesNo.pollId}/count-sheet.pdf`, "/polls/not-a-uuid/count-sheet.pdf"]) {
      const answer = await app.request(address);
      expect(answer.status, address).toBe(404);
      expect(await answer.text()).toContain("No count sheet for this poll");
    }
  });
});
