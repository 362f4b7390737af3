import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql as sqlText } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "../../db/schema";
import { describePostgresUrl } from "./postgres-url";
import { settleWithin } from "./settle-within";

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
  /**
   * Asks the database `select 1` on a connection of its own, so that a busy pool never makes a
   * health check late (the front door's probe, decision 040). Rejects when it does not answer.
   */
  ping(): Promise<void>;
  /**
   * Runs `work` while holding a database-wide lock named by `key` (a PostgreSQL advisory lock
   * held on a connection of its own), so that several app servers starting at once do it one
   * after the other. The embedded database has one process: it just runs.
   */
  exclusively<T>(key: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

// Several app servers may start at once against one PostgreSQL: only one migrates at a time.
const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Connection settings that make an outage fail fast instead of hang (decision 040): a connection
 * that cannot be made in a few seconds fails (CONNECT_TIMEOUT), and no statement runs longer
 * than STATEMENT_TIMEOUT_MS (57014). Work that legitimately needs longer sets its own limit
 * inside its transaction with allowLongStatements.
 */
export const CONNECT_TIMEOUT_SECONDS = 5;
export const STATEMENT_TIMEOUT_MS = 15_000;
/** How long a health probe's `select 1` may take before the database counts as not answering. */
export const PING_TIMEOUT_MS = 1_000;

/** Seconds before a pooled connection tries again after `retries` failures: 0.1, 0.2, 0.4 … 1. */
export function reconnectBackoffSeconds(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 1);
}

export interface PoolOptions {
  max?: number;
  /**
   * The longest a statement may run on the pool's connections: set by the app server
   * (STATEMENT_TIMEOUT_MS), not by command-line tools and benchmarks, whose bulk work may run long.
   */
  statementTimeoutMs?: number;
}

export function openPostgres(url: string, options: PoolOptions = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Without an idle timeout an idle pool keeps the process alive after the server closes.
    idle_timeout: 20,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    // After failed connections postgres.js waits longer and longer before trying again (up to
    // 20 s by default), so the pool stayed out of use well after the database was back: wait at
    // most a second. The gate keeps requests away meanwhile.
    backoff: reconnectBackoffSeconds,
    // A startup parameter: the server applies it to every statement on these connections.
    ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
    onnotice: () => {},
  });
  let pinger: ReturnType<typeof postgres> | null = null;
  const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    description: describePostgresUrl(url),
    async exclusively(key, work) {
      // No statement timeout here: the lock is waited for as long as the other server holds it.
      // No idle timeout either: the connection sits idle while the work runs, and closing it
      // would release the lock half-way.
      const holder = postgres(url, { max: 1, idle_timeout: 0, connect_timeout: CONNECT_TIMEOUT_SECONDS, onnotice: () => {} });
      try {
        await holder`select pg_advisory_lock(${key})`;
        return await work();
      } finally {
        await holder`select pg_advisory_unlock(${key})`.catch(() => {});
        await holder.end({ timeout: 5 });
      }
    },
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
    async ping() {
      const current = (pinger ??= postgres(url, {
        max: 1,
        idle_timeout: 20,
        connect_timeout: 2,
        backoff: reconnectBackoffSeconds,
        connection: { statement_timeout: PING_TIMEOUT_MS },
        onnotice: () => {},
      }));
      try {
        await settleWithin(current`select 1`, PING_TIMEOUT_MS);
      } catch (error) {
        // A connection that failed once may be stuck behind a dead socket: the next probe
        // starts afresh rather than queue behind it.
        if (pinger === current) pinger = null;
        void current.end({ timeout: 0 }).catch(() => {});
        throw error;
      }
    },
    async close() {
      await Promise.all([sql.end({ timeout: 5 }), pinger?.end({ timeout: 1 })]);
    },
  };
}

/**
 * Lifts the statement timeout for the rest of this transaction (SET LOCAL), for work that
 * legitimately takes longer than a request should: a batch of a pledge import, a migration.
 */
export async function allowLongStatements(tx: Tx, limit: "2min" | "10min"): Promise<void> {
  await tx.execute(sqlText.raw(`set local statement_timeout = '${limit}'`));
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
    async ping() {
      await client.query("select 1");
    },
    exclusively: (_key, work) => work(),
    close: () => client.close(),
  };
}

export async function openDatabase(
  config: {
    databaseUrl: string | undefined;
    dataDir: string;
  },
  pool: PoolOptions = {},
): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, pool) : openPglite(config.dataDir);
}
