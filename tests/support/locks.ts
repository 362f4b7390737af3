import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { TestDatabase } from "./test-database";

type Db = TestDatabase["db"];
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Runs `hold` in a transaction of its own and keeps that transaction (and the row locks `hold`
 * took) open until the returned release function is called: how tests make two commands meet
 * half-way without relying on timings. Needs a server (PGlite has one connection).
 */
export async function holdLocks(db: Db, hold: (tx: Tx) => Promise<unknown>): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = () => {};
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const done = db.transaction(async (tx) => {
    await hold(tx);
    held();
    await released;
  });
  await isHeld;
  return async () => {
    release();
    await done;
  };
}

/** Sessions of this test's database waiting for a lock. */
export async function lockWaiters(db: Db): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}

/**
 * What `send` answers when it meets the locks `hold` takes: it is sent while they are held, and
 * they are let go once it waits for them, so that what `hold` changed lands under it half-way.
 */
export async function sendWhileLocked<T>(db: Db, hold: (tx: Tx) => Promise<unknown>, send: () => Promise<T>): Promise<T> {
  const release = await holdLocks(db, hold);
  const answer = send();
  // If the wait below fails, that failure is the one to report, not a later rejection of `answer`.
  answer.catch(() => {});
  try {
    await expect.poll(() => lockWaiters(db), { timeout: 5000 }).toBe(1);
  } finally {
    await release();
  }
  return answer;
}
