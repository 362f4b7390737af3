import { count, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../app/modules/audit/audit.server";
import { seedDemo } from "../../app/modules/demo/seed.server";
import { demoPeople } from "../../app/modules/demo/demo-data";
import { demands, movement, outbox, pledges, users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("demo movement", () => {
  it("fills an empty database with a living movement", async () => {
    const result = await seedDemo(database.db, { appUrl: "http://localhost:3000" });
    expect(result).toMatchObject({ ok: true, pledges: 340, people: 8 });
    const [m] = await database.db.select().from(movement);
    expect(m?.name).toBe("Grassroots Ultimatum");
    expect((await database.db.select().from(demands)).length).toBe(5);
    const [confirmed] = await database.db.select({ n: count() }).from(pledges).where(isNotNull(pledges.confirmedAt));
    expect(confirmed?.n).toBeGreaterThan(250);
    const people = await database.db.select().from(users);
    expect(people.find((p) => p.email === demoPeople.organiser.email)?.role).toBe("organiser");
    expect(people.find((p) => p.email === demoPeople.returningOfficer.email)?.role).toBe("returning_officer");
    expect(people.filter((p) => p.role === "member").length).toBe(6);
    const mail = await database.db.select().from(outbox);
    for (const p of people) {
      expect(mail.some((x) => x.toAddress === p.email && x.bodyText.includes("/login/verify?token="))).toBe(true);
    }
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
  });

  it("refuses to seed a database that already has data", async () => {
    expect(await seedDemo(database.db, { appUrl: "http://localhost:3000" })).toEqual({ ok: false, code: "not_empty" });
  });
});
