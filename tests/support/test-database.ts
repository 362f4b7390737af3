import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { openPglite, openPostgres, type Database } from "../../app/utils/db.server";
import { databaseUrlFor } from "./database-url";

export interface TestDatabase extends Database {
  /** Set when the database is on the PostgreSQL server, for commands run in a child process. */
  url: string | null;
  /** Closes and removes the database. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a copy of the migrated template on the PostgreSQL
 * server when TEST_DATABASE_URL is set, otherwise a fresh in-memory PGlite, migrated.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = inject("templateDatabase");
  if (!serverUrl || !template) {
    const database = await openPglite(undefined);
    await database.migrate();
    return { ...database, url: null, drop: () => database.close() };
  }
  // The parent pid ties the name to this run, so global teardown can find leftovers.
  const name = `bk_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        // Two files copying the template at the same instant can collide; wait and retry.
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(serverUrl, name);
  const database = openPostgres(url, { max: 5 });
  return {
    ...database,
    url,
    async drop() {
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
