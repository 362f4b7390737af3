import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "../app/modules/mail/outbox.server";
import { openPostgres, type Database } from "../app/utils/db.server";
import { outbox } from "../db/schema";
import { advanceDatabaseClock, advanceFromQuery, createClockDatabase, DAY_MS, installShiftedDate } from "./test-clock";

const MINUTE = 60_000;

describe("the shifted Date", () => {
  it("moves Date.now() and new Date() only, and dates stay dates", () => {
    const RealDate = Date;
    const clock = installShiftedDate();
    try {
      clock.advance(3 * DAY_MS);
      expect(Date.now() - RealDate.now()).toBeGreaterThanOrEqual(3 * DAY_MS - MINUTE);
      expect(Date.now() - RealDate.now()).toBeLessThanOrEqual(3 * DAY_MS + MINUTE);
      expect(new Date().getTime() - RealDate.now()).toBeGreaterThanOrEqual(3 * DAY_MS - MINUTE);
      // With an argument, a date is the date given.
      expect(new Date(0).getTime()).toBe(0);
      expect(new Date("2026-01-02T03:04:05Z").toISOString()).toBe("2026-01-02T03:04:05.000Z");
      expect(new Date(2026, 0, 2).getDate()).toBe(2);
      expect(Date.UTC(2026, 0, 1)).toBe(RealDate.UTC(2026, 0, 1));
      expect(Date.parse("2026-01-01T00:00:00Z")).toBe(RealDate.parse("2026-01-01T00:00:00Z"));
      // instanceof holds both ways: for the stand-in's dates and for ones the real Date made.
      expect(new Date()).toBeInstanceOf(RealDate);
      expect(new RealDate()).toBeInstanceOf(Date);
      expect(Date.prototype).toBe(RealDate.prototype);
      expect(typeof Date()).toBe("string");
      expect(RealDate.parse(Date()) - RealDate.now()).toBeGreaterThan(2 * DAY_MS);
      expect(() => clock.advance(-1)).toThrow();
    } finally {
      clock.uninstall();
    }
    expect(Math.abs(Date.now() - new Date().getTime())).toBeLessThan(MINUTE);
  });

  it("reads how far to move from the query", () => {
    expect(advanceFromQuery(new URLSearchParams("days=7"))).toBe(7 * DAY_MS);
    expect(advanceFromQuery(new URLSearchParams("days=1&hours=2&ms=5"))).toBe(DAY_MS + 7_200_000 + 5);
    expect(advanceFromQuery(new URLSearchParams("days=-1"))).toBeNull();
    expect(advanceFromQuery(new URLSearchParams("days=soon"))).toBeNull();
    expect(advanceFromQuery(new URLSearchParams(""))).toBeNull();
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("the shifted database clock (PostgreSQL)", () => {
  const name = `bk_clock_${randomBytes(4).toString("hex")}`;
  let database: Database;
  let sql: postgres.Sql;
  beforeAll(async () => {
    const url = await createClockDatabase(serverUrl!, name);
    database = openPostgres(url, { max: 2 });
    await database.migrate();
    sql = postgres(url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql.end();
    await database.close();
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("shifts now() in queries and in column defaults made by the migrations", async () => {
    const moved = await advanceDatabaseClock(sql, 10 * DAY_MS);
    expect(moved.getTime() - Date.now()).toBeGreaterThan(10 * DAY_MS - MINUTE);
    // A new connection (as the app's pool opens) sees the shifted functions too.
    const [row] = await sql<{ ahead: number; clock: number; statement: number }[]>`
      select extract(epoch from now() - pg_catalog.now())::float8 * 1000 as ahead,
             extract(epoch from clock_timestamp() - pg_catalog.clock_timestamp())::float8 * 1000 as clock,
             extract(epoch from statement_timestamp() - pg_catalog.statement_timestamp())::float8 * 1000 as statement`;
    for (const ms of [row?.ahead, row?.clock, row?.statement]) expect(Math.abs((ms ?? 0) - 10 * DAY_MS)).toBeLessThan(MINUTE);

    await database.db.transaction((tx) => queueMail(tx, { to: "clock@example.org", subject: "Clock", text: "tick", kind: "test" }));
    const [mail] = await database.db.select().from(outbox);
    expect(mail!.createdAt.getTime() - Date.now()).toBeGreaterThan(10 * DAY_MS - MINUTE);
    expect(mail!.sendAfter.getTime() - Date.now()).toBeLessThan(10 * DAY_MS + MINUTE);
  });
});
