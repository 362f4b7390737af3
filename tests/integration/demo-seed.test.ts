import { currentElection, listCandidates, listPositions } from "../../app/modules/elections/elections.server";
import { count, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../app/modules/audit/audit.server";
import { seedDemo } from "../../app/modules/demo/seed.server";
import { demoPeople } from "../../app/modules/demo/demo-data";
import { ballotsCast, verifyPoll } from "../../app/modules/polls/polls.server";
import { demands, movement, outbox, pledges, polls, users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const TEST_SECRET = "demo-seed-test-secret-0123456789abcdef";
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("demo movement", () => {
  it("fills an empty database with a living movement", async () => {
    const result = await seedDemo(database.db, { appUrl: "http://localhost:3000", appSecret: TEST_SECRET });
    expect(result).toMatchObject({ ok: true, pledges: 340, people: 8 });
    const [m] = await database.db.select().from(movement);
    expect(m?.name).toBe("Grassroots Ultimatum");
    expect((await database.db.select().from(demands)).length).toBe(5);
    const [confirmed] = await database.db.select({ n: count() }).from(pledges).where(isNotNull(pledges.confirmedAt));
    expect(confirmed?.n).toBeGreaterThan(250);
    const people = await database.db.select().from(users);
    expect(people.find((p) => p.email === demoPeople.organiser.email)?.role).toBe("organiser");
    expect(people.find((p) => p.email === demoPeople.returningOfficer.email)?.role).toBe("returning_officer");
    expect(people.filter((p) => p.role === "member").length).toBe(6 + 36);
    const mail = await database.db.select().from(outbox);
    const demoEmails = [demoPeople.organiser, demoPeople.returningOfficer, ...demoPeople.members].map((p) => p.email);
    for (const p of people.filter((x) => demoEmails.includes(x.email))) {
      expect(mail.some((x) => x.toAddress === p.email && x.bodyText.includes("/login/verify?token="))).toBe(true);
    }
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
  });

  it("includes a counted election and a poll still open to the demo members", async () => {
    const all = await database.db.select().from(polls);
    const closed = all.find((p) => p.status === "closed");
    const open = all.find((p) => p.status === "open");
    expect(closed?.method).toBe("scottish-stv");
    expect(closed?.ballotCount).toBe(36);
    expect(await verifyPoll(database.db, closed!.id)).toMatchObject({ ok: true, ballots: 36 });
    expect(open?.method).toBe("yes-no");
    expect(await ballotsCast(database.db, open!.id)).toBe(12);
  });

  it("has an election of the interim officers under way, with candidates, seconders and hustings", async () => {
    const election = await currentElection(database.db);
    expect(election?.phase).toBe("nominations");
    const list = await listPositions(database.db, election!.id);
    expect(list.map((p) => p.title)).toEqual(["Leader", "Nominating officer", "Treasurer", "Interim committee (7 seats)"]);
    const leaders = await listCandidates(database.db, list[0]!);
    expect(leaders.map((c) => [c.name, c.valid])).toEqual([
      ["Amira Hassan", true],
      ["Bill Jones", true],
    ]);
    const committee = await listCandidates(database.db, list[3]!);
    expect(committee.filter((c) => !c.valid).map((c) => c.problems)).toEqual([["too_few_seconders"]]);
  });

  it("refuses to seed a database that already has data", async () => {
    expect(await seedDemo(database.db, { appUrl: "http://localhost:3000", appSecret: TEST_SECRET })).toEqual({ ok: false, code: "not_empty" });
  });
});
