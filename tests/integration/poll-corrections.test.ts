import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { recordedSteps } from "../../app/modules/registration/pack.server";
import { grantRole } from "../../app/modules/users/users.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { auditLog, ballots, outbox, polls } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 14, item 3: a poll can be cancelled before it closes, or its closing time extended, each
 * with a reason, audited, and shown; a cancelled poll takes no ballots and is never counted.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};

async function openYesNo(title: string, owner?: "election" | "clause") {
  const created = await createPoll(database.db, systemActor(), {
    title,
    method: "yes-no",
    options: [],
    closesAt: new Date(Date.now() + DAY),
    ...(owner ? { owner } : {}),
  });
  if (!created.ok) throw new Error(created.code);
  await openPoll(database.db, systemActor(), created.pollId, Object.values(ids));
  return created.pollId;
}
const entries = (action: string, pollId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, pollId)));

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  for (const role of ["member", "organiser", "returning_officer"] as const) {
    const r = await grantRole(database.db, { email: `${role}@example.org`, displayName: `Pat ${role}`, role, actor: systemActor() });
    if (r.ok) ids[role] = r.userId;
    cookie[role] = await cookieFor(database.db, `${role}@example.org`);
  }
});
afterAll(() => database.drop());

describe("cancelling a poll", () => {
  it("needs a reason, then refuses ballots, is never counted, says so on its page, and tells the roll by email", async () => {
    const pollId = await openYesNo("Which venue");
    expect((await castBallot(database.db, { pollId, userId: ids.member!, choice: "yes" })).ok).toBe(true);
    expect((await app.request(`/polls/${pollId}`, { form: { intent: "cancel", reason: "x" }, cookie: cookie.member })).status).toBe(403);

    const noReason = await app.request(`/polls/${pollId}`, { form: { intent: "cancel", reason: "  " }, cookie: cookie.organiser });
    expect(noReason.status).toBe(400);
    const noReasonPage = await html(noReason);
    expect(noReasonPage).toContain("There is a problem");
    expect(noReasonPage).toContain('href="#cancel-reason"');
    expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]?.status).toBe("open");

    const reason = "The venue question was put with the wrong options.";
    const cancelled = await app.request(`/polls/${pollId}`, { form: { intent: "cancel", reason }, cookie: cookie.organiser });
    expect(cancelled.status).toBe(200);
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(poll).toMatchObject({ status: "cancelled", cancelReason: reason, result: null });
    expect(await database.db.select().from(ballots).where(eq(ballots.pollId, pollId))).toHaveLength(0);

    const [entry] = await entries("poll.cancelled", pollId);
    expect(entry?.details).toMatchObject({ reason, wasOpen: true, ballotsDiscarded: 1 });

    // No ballot through the page, the endpoint or the module.
    const late = await app.request(`/polls/${pollId}/ballot`, { form: { choice: "no" }, cookie: cookie.returning_officer });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { message: string }).message).toBe("This poll was cancelled, so it takes no ballots");
    expect(await castBallot(database.db, { pollId, userId: ids.organiser!, choice: "no" })).toEqual({ ok: false, code: "cancelled" });

    // Past its closing time, the poll closer leaves it alone.
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    await closeDuePolls(database.db);
    expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]).toMatchObject({ status: "cancelled", result: null });

    const page = await html(await app.request(`/polls/${pollId}`));
    expect(page).toContain("This poll was cancelled");
    expect(page).toContain(`The reason given: ${reason}`);
    expect(page).not.toContain("Your ballot");

    const mails = await database.db.select().from(outbox).where(eq(outbox.kind, "poll-cancelled"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["member@example.org", "organiser@example.org", "returning_officer@example.org"]);
    expect(mails[0]?.bodyText).toContain(reason);
  });

  it("refuses to cancel an election's ballot, saying what to do instead, and leaves it to the returning officer", async () => {
    const pollId = await openYesNo("Interim officers: Leader", "election");
    expect((await app.request(`/polls/${pollId}`, { form: { intent: "cancel", reason: "Wrong." }, cookie: cookie.organiser })).status).toBe(403);
    const refused = await app.request(`/polls/${pollId}`, { form: { intent: "cancel", reason: "Wrong." }, cookie: cookie.returning_officer });
    expect(refused.status).toBe(409);
    const refusedPage = await html(refused);
    expect(refusedPage).toContain("close and count the election early with a reason on the elections page");
    // The page offers no cancel form for such a poll: the summary leads to the section that says why.
    expect(refusedPage).toContain('href="#correct-title"');
    expect(refusedPage).not.toContain('id="cancel-submit"');
    expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]?.status).toBe("open");
    expect(await html(await app.request(`/polls/${pollId}`, { cookie: cookie.returning_officer }))).toContain("cannot be cancelled on its own");
  });

  it("refuses to cancel a poll no longer open, and the summary's link leads to something on the page", async () => {
    const pollId = await openYesNo("Which room");
    // The poll closes on its own while the organiser's page, loaded before, still offers the cancel form.
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    await closeDuePolls(database.db);
    expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]?.status).toBe("closed");
    const refused = await app.request(`/polls/${pollId}`, { form: { intent: "cancel", reason: "Put twice." }, cookie: cookie.organiser });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const page = await html(refused);
    expect(page).toContain("There is a problem");
    expect(page).not.toContain('id="cancel-submit"');
    const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) expect(page, target).toContain(`id="${target}"`);
  });
});

describe("extending a poll's closing time", () => {
  it("moves it later only, with a reason, audited", async () => {
    const pollId = await openYesNo("Which date");
    const [before] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    const earlier = await app.request(`/polls/${pollId}`, {
      form: { intent: "extend", closesAt: toLondonLocal(new Date(Date.now() + HOUR)), reason: "Sooner." },
      cookie: cookie.organiser,
    });
    expect(earlier.status).toBe(409);
    expect(await html(earlier)).toContain("never brought forward");

    const later = new Date(Date.now() + 3 * DAY);
    const noReason = await app.request(`/polls/${pollId}`, {
      form: { intent: "extend", closesAt: toLondonLocal(later), reason: "" },
      cookie: cookie.organiser,
    });
    expect(noReason.status).toBe(400);
    expect(await html(noReason)).toContain(`value="${toLondonLocal(later)}"`);

    const reason = "The site was down for six hours on Tuesday.";
    const ok = await app.request(`/polls/${pollId}`, { form: { intent: "extend", closesAt: toLondonLocal(later), reason }, cookie: cookie.organiser });
    expect(ok.status).toBe(200);
    expect(await html(ok)).toContain("The closing time is now");
    const [after] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(after!.closesAt.getTime()).toBeGreaterThan(before!.closesAt.getTime());
    const [entry] = await entries("poll.closing_extended", pollId);
    expect(entry?.details).toMatchObject({ from: before!.closesAt.toISOString(), to: after!.closesAt.toISOString(), reason });

    const tooFar = await app.request(`/polls/${pollId}`, {
      form: { intent: "extend", closesAt: toLondonLocal(new Date(Date.now() + 90 * DAY)), reason },
      cookie: cookie.organiser,
    });
    expect(tooFar.status).toBe(409);
  });

  it("lists both corrections in the founding record, in order, with their reasons", async () => {
    const steps = await recordedSteps(database.db);
    expect(steps.map((s) => [s.kind, s.subject])).toEqual([
      ["poll_cancelled", "Which venue"],
      ["poll_extended", "Which date"],
    ]);
    expect(steps[1]?.reason).toBe("The site was down for six hours on Tuesday.");
  });
});
