/**
 * A clock that the browser journey can move forward, for the journey's own server only
 * (scripts/e2e-journey-server.ts; docs/decisions/032-test-clock.md). The app keeps asking
 * `new Date()`, `Date.now()` and SQL `now()`; here both answers are shifted by the same amount:
 *
 * - in Node, the global Date is replaced by a stand-in whose `Date.now()` and `new Date()`
 *   (no argument) give the real time plus the shift; everything else is the real Date;
 * - in PostgreSQL, `public.now()` (and clock_timestamp, statement_timestamp,
 *   transaction_timestamp) add the shift kept in `public.test_clock`, and the database's
 *   search_path puts public before pg_catalog, so they win over the built-in ones. This must
 *   be in place before migrations run, so that `DEFAULT now()` binds to the shifted function.
 *
 * Never imported by the app.
 */
import http from "node:http";
import postgres from "postgres";
import { databaseUrlFor } from "../tests/support/database-url";

export const DAY_MS = 86_400_000;

export interface ShiftedClock {
  /** Milliseconds the clock is ahead of the real time. */
  shiftMs(): number;
  /** Moves the clock forward (never back: the app's times only ever grow). */
  advance(ms: number): void;
  /** Puts the real Date back (for tests of this module). */
  uninstall(): void;
}

/**
 * Replaces globalThis.Date with a shifted stand-in. A Proxy of the real Date rather than a
 * subclass, so `instanceof Date` stays true both ways (for dates Node makes internally, too) and
 * `Date.prototype`, `Date.UTC` and `Date.parse` are the real ones.
 */
export function installShiftedDate(): ShiftedClock {
  const RealDate = globalThis.Date;
  let shift = 0;
  const now = () => RealDate.now() + shift;
  const shifted: DateConstructor = new Proxy(RealDate, {
    construct(target, args: unknown[], newTarget): object {
      const given = args.length === 0 ? [now()] : args;
      return Reflect.construct(target, given, newTarget === shifted ? target : newTarget) as object;
    },
    // Date() called without `new` answers the current time as a string.
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, property, receiver) {
      if (property === "now") return now;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  globalThis.Date = shifted;
  return {
    shiftMs: () => shift,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error("The test clock only moves forward.");
      shift += ms;
    },
    uninstall() {
      globalThis.Date = RealDate;
    },
  };
}

/** The SQL that gives a fresh database its movable clock; run it before the migrations. */
export function clockSql(database: string): string[] {
  const shifted = (name: string, volatility: "stable" | "volatile") =>
    `create function public.${name}() returns timestamptz language sql ${volatility} parallel safe as $$ select pg_catalog.${name}() + (select shift from public.test_clock) $$`;
  return [
    "create table public.test_clock (one boolean primary key default true check (one), shift interval not null default interval '0')",
    "insert into public.test_clock default values",
    shifted("now", "stable"),
    shifted("transaction_timestamp", "stable"),
    shifted("statement_timestamp", "stable"),
    shifted("clock_timestamp", "volatile"),
    // pg_catalog is searched first unless it is named: naming it after public lets public.now() win.
    `alter database "${database}" set search_path = public, pg_catalog`,
  ];
}

/** The journey's own database name: one per port, so runs on different ports do not clash. */
export function journeyDatabaseName(port: string): string {
  return `breakaway_journey_${port}`;
}

/**
 * Drops and creates the database `name` on the server of `serverUrl`, with the movable clock
 * installed and no tables; answers its URL.
 */
export async function createClockDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(serverUrl, name);
  const fresh = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const statement of clockSql(name)) await fresh.unsafe(statement);
  } finally {
    await fresh.end();
  }
  return url;
}

/** Moves the database's clock forward by `ms`; answers the database's new now(). */
export async function advanceDatabaseClock(sql: postgres.Sql, ms: number): Promise<Date> {
  await sql`update public.test_clock set shift = shift + make_interval(secs => ${ms / 1000})`;
  const [row] = await sql<{ now: Date }[]>`select now() as now`;
  if (!row) throw new Error("The test clock's database did not answer.");
  return row.now;
}

/** How far the database's clock is ahead of the real time, in milliseconds. */
export async function databaseShiftMs(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ ms: number }[]>`select (extract(epoch from shift) * 1000)::float8 as ms from public.test_clock`;
  if (!row) throw new Error("The test clock's database did not answer.");
  return Math.round(row.ms);
}

/** How far `POST /advance` moves the clock: `days=` and/or `hours=`, `minutes=`, `ms=` (added up). */
export function advanceFromQuery(params: URLSearchParams): number | null {
  const units: [string, number][] = [
    ["days", DAY_MS],
    ["hours", 3_600_000],
    ["minutes", 60_000],
    ["ms", 1],
  ];
  let total = 0;
  let given = false;
  for (const [name, size] of units) {
    const value = params.get(name);
    if (value === null) continue;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) return null;
    total += n * size;
    given = true;
  }
  return given ? Math.round(total) : null;
}

export interface ClockReading {
  /** The server's shifted time (ISO). */
  now: string;
  /** The database's shifted now() (ISO). */
  databaseNow: string;
  shiftMs: number;
}

/**
 * The clock's control endpoint, on its own port bound to 127.0.0.1 (not part of the app):
 * `GET /now` reads both clocks; `POST /advance?days=7` moves both and answers the new reading;
 * `POST /follow` moves this process's clock to the database's, moved by another process.
 */
export function startClockControl(port: number, clock: ShiftedClock, sql: postgres.Sql): Promise<http.Server> {
  const read = async (): Promise<ClockReading> => {
    const [row] = await sql<{ now: Date }[]>`select now() as now`;
    return { now: new Date().toISOString(), databaseNow: row?.now.toISOString() ?? "", shiftMs: clock.shiftMs() };
  };
  // One move at a time, so that the two clocks never drift apart.
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const handle = async () => {
      if (request.method === "GET" && url.pathname === "/now") return answer(200, await read());
      if (request.method === "POST" && url.pathname === "/follow") {
        // Another process moved the database's clock: this process's clock catches up with it.
        const behind = (await databaseShiftMs(sql)) - clock.shiftMs();
        if (behind > 0) clock.advance(behind);
        return answer(200, await read());
      }
      if (request.method === "POST" && url.pathname === "/advance") {
        const ms = advanceFromQuery(url.searchParams);
        if (ms === null) return answer(400, { error: "Give days=, hours=, minutes= or ms= (a number, not negative)." });
        await advanceDatabaseClock(sql, ms);
        clock.advance(ms);
        return answer(200, await read());
      }
      return answer(404, { error: "GET /now, POST /advance?days=N or POST /follow" });
    };
    const run = queue.then(handle).catch((error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }));
    queue = run;
    request.resume();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
