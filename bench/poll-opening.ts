/**
 * Opening a Yes/No poll on a large roll (issue 17): its Belenios election's public credentials,
 * one per member, derived on the main thread and then by the worker pool. For each, the time
 * openPoll takes and the main thread's longest stall meanwhile (perf_hooks' event-loop delay):
 * what every other request to the server would have waited.
 */
import { randomBytes } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { systemActor } from "../app/modules/audit/audit.server";
import { publicCredentialsFor, setCredentialThreads } from "../app/modules/polls/encrypted/credential-pool.server";
import { createPoll, openPoll } from "../app/modules/polls/creation.server";
import type { Database } from "../app/utils/db.server";
import { users } from "../db/schema";

export interface OpeningRun {
  mode: string;
  threads: number;
  ms: number;
  /** The longest the main thread's event loop waited, in milliseconds. */
  worstStallMs: number;
}

const actor = systemActor("benchmark");

async function makeRoll(database: Database, size: number): Promise<string[]> {
  const ids: string[] = [];
  // A tag of its own for each run: a scratch database may hold an earlier run's members.
  const run = randomBytes(4).toString("hex");
  for (let i = 0; i < size; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, size - i) }, (_, j) => ({
      email: `bench-${run}-${i + j}@example.org`,
      displayName: `Bench member ${i + j}`,
    }));
    ids.push(...(await database.db.insert(users).values(rows).returning({ id: users.id })).map((r) => r.id));
  }
  return ids;
}

async function timedOpening(database: Database, roll: readonly string[], mode: string, threads: number): Promise<OpeningRun> {
  const created = await createPoll(database.db, actor, {
    title: `Opening, ${mode}`,
    method: "yes-no",
    options: [],
    closesAt: new Date(Date.now() + 86_400_000),
  });
  if (!created.ok) throw new Error(created.code);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The histogram's first tick only starts its clock: let it tick before the work begins.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  const opened = await openPoll(database.db, actor, created.pollId, roll);
  const ms = performance.now() - started;
  // A stall is recorded by the histogram's next tick, once the loop is free again: let it tick.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  if (!opened.ok) throw new Error(opened.code);
  return { mode, threads, ms, worstStallMs: delay.max / 1e6 };
}

/** Opens one poll on `size` members with the credentials derived here, then one with the pool (started beforehand). */
export async function benchPollOpening(database: Database, size: number, poolThreads: number): Promise<OpeningRun[]> {
  const roll = await makeRoll(database, size);
  setCredentialThreads(0);
  const single = await timedOpening(database, roll, "main thread", 0);
  setCredentialThreads(poolThreads);
  await publicCredentialsFor("BELENIOS-2048", "WarmUpTheWorkers", roll.slice(0, 500)); // the workers' start-up is not what is measured
  const pooled = await timedOpening(database, roll, "worker pool", poolThreads);
  return [single, pooled];
}
