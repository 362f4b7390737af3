import { count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../app/modules/audit/audit.server";
import { demoPeople } from "../../app/modules/demo/demo-data";
import { seedDemo } from "../../app/modules/demo/seed.server";
import { currentElection, listPositions } from "../../app/modules/elections/current-election.server";
import { listCandidates } from "../../app/modules/elections/candidates.server";
import { hasVoted } from "../../app/modules/polls/turnout.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { demands, movement, outbox, pledges, polls, users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The demo as `npm start` makes it: the whole movement, at its default phase (decision 035). */
const TEST_SECRET = "demo-seed-test-secret-0123456789abcdef";
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("demo movement", () => {
  it("fills an empty database with a living movement, at the elections by default", async () => {
    const result = await seedDemo(database.db, { appUrl: "http://localhost:3000", appSecret: TEST_SECRET });
    expect(result).toMatchObject({ ok: true, phase: "elections", pledges: 340, people: 8 });
    const [m] = await database.db.select().from(movement);
    expect(m?.name).toBe("Grassroots Ultimatum");
    expect(m?.phase).toBe("founding");
    expect((await database.db.select().from(demands)).length).toBe(5);
    const [confirmed] = await database.db.select({ n: count() }).from(pledges).where(isNotNull(pledges.confirmedAt));
    expect(confirmed?.n).toBeGreaterThan(250);
    const people = await database.db.select().from(users);
    expect(people.find((p) => p.email === demoPeople.organiser.email)?.role).toBe("organiser");
    expect(people.find((p) => p.email === demoPeople.returningOfficer.email)?.role).toBe("returning_officer");
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
  }, 300_000);

  it("leaves a sign-in link for every demo person, the newest mail in the outbox", async () => {
    const mail = await database.db.select().from(outbox).orderBy(outbox.createdAt);
    const demoEmails = [demoPeople.organiser, demoPeople.returningOfficer, ...demoPeople.members].map((p) => p.email);
    const newest = mail.slice(-demoEmails.length);
    expect(newest.map((x) => x.toAddress).sort()).toEqual([...demoEmails].sort());
    for (const x of newest) expect(x.bodyText).toContain("/login/verify?token=");
  });

  // Every proof of every encrypted ballot of about fifty closed polls (decision 044): heavy.
  it("has every poll of the road counted and verifiable, and the officers' ranked ballots open", { timeout: 300_000 }, async () => {
    const all = await database.db.select().from(polls);
    for (const p of all.filter((x) => x.status === "closed")) expect(await verifyPoll(database.db, p.id)).toMatchObject({ ok: true });
    const owners = new Set(all.filter((x) => x.status === "closed").map((p) => p.owner));
    expect([...owners].sort()).toEqual(["adoption", "clause", "decision", "standing_orders", null].sort());
    const election = await currentElection(database.db);
    expect(election?.phase).toBe("ballot");
    const positions = await listPositions(database.db, election!.id);
    expect(positions.map((p) => p.title)).toEqual(["Leader", "Nominating officer", "Treasurer", "Interim committee (5 seats)"]);
    const leaders = await listCandidates(database.db, positions[0]!);
    expect(leaders.map((c) => c.name)).toEqual(["Amira Hassan", "Bill Jones"]);
    const [amira] = await database.db.select().from(users).where(eq(users.email, demoPeople.members[0]!.email));
    const [leaderBallot] = await database.db.select().from(polls).where(eq(polls.id, positions[0]!.pollId!));
    expect(leaderBallot?.status).toBe("open");
    expect(await hasVoted(database.db, leaderBallot!.id, amira!.id)).toBe(false);
  });

  it("refuses to seed a database that already has data", async () => {
    expect(await seedDemo(database.db, { appUrl: "http://localhost:3000", appSecret: TEST_SECRET })).toEqual({ ok: false, code: "not_empty" });
  });
});
