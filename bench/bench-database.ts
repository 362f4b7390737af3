import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPglite, openPostgres, type Database } from "../app/utils/db.server";
// Polls opened by a benchmark derive their ballot keys from the run's secret.
import "./bench-secret";

type Run<T> = (database: Database, label: string) => Promise<T>;

/**
 * Runs a benchmark on an empty database of its own, dropped afterwards: on the PostgreSQL server
 * at `serverUrl` (a database named after the benchmark and this process, with the app's own pool
 * size) or, without one, on embedded PGlite in a temporary folder. `run` also gets a label saying
 * which database it is, for the report.
 */
export function onBenchDatabase<T>(bench: string, serverUrl: string | undefined, run: Run<T>): Promise<T> {
  return serverUrl ? onPostgres(bench, serverUrl, run) : onPglite(bench, run);
}

async function onPostgres<T>(bench: string, serverUrl: string, run: Run<T>): Promise<T> {
  const name = `bk_bench_${bench}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // The app's own pool size (openPostgres's default).
  const database = openPostgres(url.toString());
  try {
    const [version] = await admin`show server_version`;
    return await run(database, `PostgreSQL ${String(version?.server_version ?? "").split(" ")[0]} (local server)`);
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function onPglite<T>(bench: string, run: Run<T>): Promise<T> {
  const folder = mkdtempSync(path.join(os.tmpdir(), `breakaway-bench-${bench}-`));
  const database = await openPglite(folder);
  try {
    return await run(database, "embedded PGlite (data folder on disk)");
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
