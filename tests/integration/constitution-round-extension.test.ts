/**
 * A voting round's closing time is extended as a whole, with a reason, by the returning officer
 * (issue 14 item 3: "closing times can be extended within the standing orders' rules with a
 * reason"; standing orders 5.7). A question of the round is never extended on its own.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { openRound, roundItems } from "../../app/modules/constitution/round.server";
import { recordedSteps } from "../../app/modules/registration/pack.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { auditLog, polls, votingRounds } from "../../db/schema";
import { cookieFor, html, type createTestApp } from "../support/app-harness";
import { describedBy, errorLine } from "../support/error-lines";
import { foundingWithOrganiser, testOrganiser } from "../support/constitution-fixture";
import { ballotCloses } from "../support/periods";
import type { TestDatabase } from "../support/test-database";

const DAY = 24 * 3_600_000;
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
let returningOfficer = "";
let roundId = "";
let closesAt = new Date();

beforeAll(async () => {
  ({ database, app, organiser } = await foundingWithOrganiser(4));
  returningOfficer = await cookieFor(database.db, "ro@example.org");
  const started = await startDraft(database.db, testOrganiser, {
    kind: "upload",
    clauses: [
      { id: "name", title: "Name", text: "The party is called the Example Party.", entrenched: false, covers: [] },
      { id: "aims", title: "Aims", text: "(1) Fair votes.", entrenched: false, covers: [] },
    ],
  });
  if (!started.ok) throw new Error(started.code);
  closesAt = ballotCloses();
  const opened = await openRound(database.db, testOrganiser, { closesAt });
  if (!opened.ok) throw new Error(opened.code);
  roundId = opened.roundId;
});
afterAll(() => database.drop());

const extend = (cookie: string, form: Record<string, string>) => app.request("/constitution/results", { form: { intent: "extend-round", ...form }, cookie });

async function questionClosingTimes(): Promise<number[]> {
  const ids = (await roundItems(database.db, roundId)).map((i) => i.pollId);
  return (await database.db.select({ closesAt: polls.closesAt }).from(polls).where(inArray(polls.id, ids))).map((p) => p.closesAt.getTime());
}

describe("extending a voting round's closing time", () => {
  it("is offered to the returning officer on Results, not to an organiser", async () => {
    expect(await html(await app.request("/constitution/results", { cookie: returningOfficer }))).toContain("Extend round 1");
    expect(await html(await app.request("/constitution/results", { cookie: organiser }))).not.toContain("Extend round 1");
    expect((await extend(organiser, { closesAt: toLondonLocal(new Date(closesAt.getTime() + DAY)), reason: "More time" })).status).toBe(403);
  });

  it("needs a reason and a later time, within 60 days", async () => {
    const noReason = await extend(returningOfficer, { closesAt: toLondonLocal(new Date(closesAt.getTime() + DAY)), reason: " " });
    expect(noReason.status).toBe(400);
    expect(await html(noReason)).toContain("Give the reason. It is shown on the poll&#x27;s page and in the founding record");
    const earlier = await extend(returningOfficer, { closesAt: toLondonLocal(new Date(closesAt.getTime() - DAY)), reason: "Sooner" });
    expect(earlier.status).toBe(409);
    expect(await html(earlier)).toContain("The new closing time must be later than the present one");
    const far = await extend(returningOfficer, { closesAt: toLondonLocal(new Date(closesAt.getTime() + 61 * DAY)), reason: "Much later" });
    expect(far.status).toBe(409);
    expect(await html(far)).toContain("at most 60 days after the present one");
    expect(new Set(await questionClosingTimes())).toEqual(new Set([closesAt.getTime()]));
  });

  it("moves every question of the round and the round together, audited and in the founding record", async () => {
    // Minutes only: the form's field is a London date and time to the minute.
    const later = new Date(Math.ceil((closesAt.getTime() + 3 * DAY) / 60_000) * 60_000);
    const res = await extend(returningOfficer, { closesAt: toLondonLocal(later), reason: "The venue's wi-fi failed on the first night" });
    expect(res.status).toBe(200);
    expect(await html(res)).toContain("Round 1 now closes on");
    expect(new Set(await questionClosingTimes())).toEqual(new Set([later.getTime()]));
    const [round] = await database.db.select().from(votingRounds).where(eq(votingRounds.id, roundId));
    expect(round?.closesAt.getTime()).toBe(later.getTime());
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "constitution.round_extended"));
    expect(entry?.details).toMatchObject({
      round: 1,
      reason: "The venue's wi-fi failed on the first night",
      from: closesAt.toISOString(),
      to: later.toISOString(),
    });
    const steps = await recordedSteps(database.db);
    expect(steps).toEqual([
      expect.objectContaining({ kind: "round_extended", subject: "Voting round 1", reason: "The venue's wi-fi failed on the first night" }),
    ]);
  });

  it("is refused for a single question from its poll page", async () => {
    const [item] = await roundItems(database.db, roundId);
    const res = await app.request(`/polls/${item!.pollId}`, {
      form: { intent: "extend", closesAt: toLondonLocal(new Date(Date.now() + 30 * DAY)), reason: "Just this one" },
      cookie: returningOfficer,
    });
    expect(res.status).toBe(409);
    expect(await html(res)).toContain("closes with the round&#x27;s other questions");
  });
});

describe("closing a round that cannot be counted yet", () => {
  it("says why beside the close button, tied to it, once the round's closing time has passed", async () => {
    const [before] = await database.db.select().from(votingRounds).where(eq(votingRounds.id, roundId));
    // Past its closing time with its ballot papers still being made (decision 049): nothing to count.
    await database.db
      .update(votingRounds)
      .set({ preparing: true, closesAt: new Date(Date.now() - 60_000) })
      .where(eq(votingRounds.id, roundId));
    try {
      const res = await app.request("/constitution/results", { form: { intent: "close-round" }, cookie: organiser });
      expect(res.status).toBe(400);
      const page = await html(res);
      expect(errorLine(page, "reason")).toBe(
        "The round&#x27;s ballot papers are still being prepared, so nobody has voted yet. It can be closed once voting has opened.",
      );
      // No reason is asked once the closing time has passed: the button is what the error is about.
      expect(page).toMatch(/<button [^>]*\bid="reason"/);
      expect(describedBy(page, "reason")).toEqual(["reason-error"]);
      expect(page).toContain('href="#reason"');
    } finally {
      await database.db.update(votingRounds).set({ preparing: before!.preparing, closesAt: before!.closesAt }).where(eq(votingRounds.id, roundId));
    }
  });
});
