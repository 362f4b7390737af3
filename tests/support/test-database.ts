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
  return copied(serverUrl, template, { closeTheirs: false });
}

/**
 * A copy of a test database as it stands now, on the PostgreSQL server (null on PGlite). The
 * source's idle connections are closed to copy it (PostgreSQL copies only a database nobody is
 * connected to); its pool opens new ones on its next query, so whoever uses it carries on.
 * Call it only while nothing is querying the source.
 */
export async function copyTestDatabase(source: TestDatabase): Promise<TestDatabase | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl || !source.url) return null;
  return copied(serverUrl, new URL(source.url).pathname.slice(1), { closeTheirs: true });
}

/**
 * A new database on the server copied from `from`, opened. With `closeTheirs`, the source's
 * connections are closed first (PostgreSQL copies only a database nobody is connected to).
 */
async function copied(serverUrl: string, from: string, { closeTheirs }: { closeTheirs: boolean }): Promise<TestDatabase> {
  // The parent pid ties the name to this run, so global teardown can find leftovers.
  const name = `bk_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (closeTheirs) await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${from} and pid <> pg_backend_pid()`;
      try {
        await admin.unsafe(`create database "${name}" template "${from}"`);
        break;
      } catch (error) {
        // Two files copying the template at the same instant can collide, and a closed
        // connection can take a moment to go: wait and retry.
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  return opened(serverUrl, name);
}

/** A database on the server, opened, that drops itself. */
function opened(serverUrl: string, name: string): TestDatabase {
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
