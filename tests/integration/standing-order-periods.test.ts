import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { openRound } from "../../app/modules/constitution/round.server";
import { createElection } from "../../app/modules/elections/setup.server";
import { currentElection, listPositions } from "../../app/modules/elections/current-election.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { setSeconding, stand } from "../../app/modules/elections/nominations.server";
import { grantRole } from "../../app/modules/users/users.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { elections, positions } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { adoptStandingOrders, foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 14, item 4: once the founding members have adopted the standing orders, the app keeps
 * their periods where it schedules things: a ballot open at least 7 days (5.3), nominations at
 * least 14 (5.5). An 11-minute ballot and 20-minute nominations were accepted before.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const fromNow = (ms: number) => toLondonLocal(new Date(Date.now() + ms));

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
let ro = "";
let ids: string[] = [];
let emails: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  ({ ids, emails } = await foundingMembersReady(database.db, 5, { adoptStandingOrders: false }));
  await grantRole(database.db, { email: "organiser@example.org", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "organiser@example.org");
});
afterAll(() => database.drop());

describe("the standing orders' periods", () => {
  it("bind nobody before the standing orders are adopted", async () => {
    const created = await createElection(database.db, systemActor(), {
      title: "Practice",
      nominationsOpenAt: new Date(Date.now() - MINUTE),
      nominationsCloseAt: new Date(Date.now() + 20 * MINUTE),
      campaignsOfficer: false,
      committeeSeats: 0,
    });
    expect(created.ok).toBe(true);
    // Set aside: the real election is set up after the standing orders are adopted.
    await database.db.delete(positions);
    await database.db.delete(elections);
  });

  it("refuse an 11-minute voting round once adopted, saying the earliest closing time, and accept 7 days", async () => {
    await adoptStandingOrders(database.db, ids);
    ro = await cookieFor(database.db, "ro@example.org");
    expect((await startDraft(database.db, systemActor(), { kind: "model" })).ok).toBe(true);
    const form = await html(await app.request("/constitution/manage", { cookie: organiser }));
    expect(form).toContain("The standing orders say a ballot stays open for at least 7 days: the earliest closing time is");

    const short = await app.request("/constitution/manage", { form: { intent: "open-round", closesAt: fromNow(11 * MINUTE) }, cookie: organiser });
    expect(short.status).toBe(400);
    const page = await html(short);
    expect(page).toContain("Under the standing orders a ballot stays open for at least 7 days. Choose a closing time on or after");
    expect(page).toContain('href="#round-closesAt"');
    expect(await openRound(database.db, systemActor(), { closesAt: new Date(Date.now() + 7 * DAY - MINUTE) })).toMatchObject({
      ok: false,
      code: "period_too_short",
    });

    const week = await app.request("/constitution/manage", { form: { intent: "open-round", closesAt: fromNow(7 * DAY + 5 * MINUTE) }, cookie: organiser });
    expect(week.status).toBe(302);
  });

  it("refuse 20-minute nominations, and accept 14 days", async () => {
    const opensAt = fromNow(MINUTE);
    const short = await app.request("/elections", {
      form: { intent: "create", title: "Interim officers", opensAt, closesAt: fromNow(21 * MINUTE), committeeSeats: "0" },
      cookie: organiser,
    });
    expect(short.status).toBe(400);
    expect(await html(short)).toContain("Under the standing orders nominations stay open for at least 14 days.");
    expect(await currentElection(database.db)).toBeNull();

    const fortnight = await app.request("/elections", {
      form: { intent: "create", title: "Interim officers", opensAt: fromNow(-MINUTE), closesAt: fromNow(14 * DAY), committeeSeats: "0" },
      cookie: organiser,
    });
    expect(fortnight.status).toBe(200);
    expect(await currentElection(database.db)).not.toBeNull();
  });

  it("refuse an 11-minute election ballot, and accept 7 days", async () => {
    const election = await currentElection(database.db);
    const leader = (await listPositions(database.db, election!.id)).find((p) => p.title === "Leader")!;
    const who = (i: number) => ({ id: ids[i]!, email: emails[i]! });
    const stood = await stand(database.db, who(0), leader.id, { statement: "I will serve.", consent: true, registeredOfficer: true, treasurerEligible: true });
    if (!stood.ok) throw new Error(stood.code);
    for (const s of [1, 2]) await setSeconding(database.db, who(s), stood.candidacyId, true);

    const reason = "Everyone who means to stand has stood.";
    const short = await app.request("/elections", { form: { intent: "open-ballots", ballotClosesAt: fromNow(11 * MINUTE), reason }, cookie: ro });
    expect(short.status).toBe(400);
    expect(await html(short)).toContain("Under the standing orders a ballot stays open for at least 7 days.");
    expect((await currentElection(database.db))?.phase).toBe("nominations");
    expect(await openBallots(database.db, systemActor(), { closesAt: new Date(Date.now() + 7 * DAY - MINUTE), reason })).toMatchObject({
      ok: false,
      code: "period_too_short",
    });

    const week = await app.request("/elections", { form: { intent: "open-ballots", ballotClosesAt: fromNow(7 * DAY + 5 * MINUTE), reason }, cookie: ro });
    expect(week.status).toBe(200);
    expect((await currentElection(database.db))?.phase).toBe("ballot");
  });
});
