import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../app/modules/demo/demo-data";
import { seedDemoOnce } from "../../app/modules/demo/seed-once.server";
import { openPostgres, type Database } from "../../app/utils/db.server";
import { describeFailure } from "../../app/utils/errors";
import { movement, users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * With DEMO_MODE=true, a second app server starting beside the first on an empty PostgreSQL
 * database crashed at start (2 of 2): both found the database empty and seeded at once. Seeding
 * now takes a lock; the second waits, then finds the database not empty.
 */
const TEST_SECRET = "demo-seed-two-servers-secret-0123456789abcdef";
const onServer = Boolean(process.env.TEST_DATABASE_URL);

let database: TestDatabase;
const servers: Database[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  // Two servers: each its own pool, as two processes would have.
  if (database.url) for (let i = 0; i < 2; i += 1) servers.push(openPostgres(database.url, { max: 3 }));
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await database.drop();
});

describe.skipIf(!onServer)("the demo seeded by two servers starting at once", () => {
  it("both start, and there is exactly one demo movement", async () => {
    const options = { appUrl: "http://localhost:3000", appSecret: TEST_SECRET, pledgeCount: 20 };
    const results = await Promise.allSettled(servers.map((server) => seedDemoOnce(server, options)));
    expect(results.map((r) => (r.status === "rejected" ? describeFailure(r.reason) : r.status))).toEqual(["fulfilled", "fulfilled"]);
    const outcomes = results.map((r) => (r.status === "fulfilled" ? (r.value.ok ? "seeded" : r.value.code) : "failed")).sort();
    expect(outcomes).toEqual(["not_empty", "seeded"]);
    const [movements] = await database.db.select({ n: count() }).from(movement);
    expect(movements?.n).toBe(1);
    const [organisers] = await database.db.select({ n: count() }).from(users).where(eq(users.email, demoPeople.organiser.email));
    expect(organisers?.n).toBe(1);
  }, 180_000);
});
