import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "../../db/schema";
import { describePostgresUrl } from "./postgres-url";

export { schema };

/** Both drivers give the same query builder; code never needs to know which one it has. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** The rows of a raw statement (db.execute): postgres.js answers with the rows, PGlite with { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** Where the data lives, for the start-up log line (never includes a password). */
  description: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

// Several app servers may start at once against one PostgreSQL: only one migrates at a time.
const MIGRATION_LOCK_KEY = 727_274_001;

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Without an idle timeout an idle pool keeps the process alive after the server closes.
    idle_timeout: 20,
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    description: describePostgresUrl(url),
    async migrate() {
      // One connection of its own, so the session-level lock and the migration share it.
      const single = postgres(url, { max: 1, idle_timeout: 5, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: single }), { migrationsFolder });
      } finally {
        await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
        await single.end({ timeout: 5 });
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** dataDir undefined means in memory (tests); otherwise a folder that persists. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const client = dataDir ? new PGlite(path.resolve(dataDir)) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    description: dataDir ? `embedded PGlite in ${dataDir}` : "embedded PGlite in memory",
    async migrate() {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    },
    close: () => client.close(),
  };
}

export async function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
