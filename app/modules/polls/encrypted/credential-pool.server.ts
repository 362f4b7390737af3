/**
 * Public credentials for a poll's roll, derived off the main thread (issue 17). Each member costs
 * one to two milliseconds of solid computation (PBKDF2, then an exponentiation); a roll of
 * 100,000 would keep the thread that answers requests busy for minutes. A pool of worker threads
 * (worker-pool.server.ts, running credential-jobs.server.ts), one per core, takes the roll in
 * chunks while this thread goes on answering.
 *
 * A small roll is derived here: starting a worker costs more than it saves. The pool derives a
 * roll here too if no worker can start.
 */
import type { Group } from "~/modules/belenios/group";
import { ballotSecret } from "./ballot-keys.server";
import { runJob as deriveHere, type CredentialJob } from "./credential-jobs.server";
import { publishedCredentialList, type DerivedCredentials } from "./public-credentials.server";
import { WorkerPool } from "./worker-pool.server";

/** Below this, the roll is derived here (at most a tenth of a second or so). */
const INLINE_BELOW = 64;
/** Members a chunk: about half a second of work, so the workers share a roll's tail evenly. */
const CHUNK = 250;

const pool = new WorkerPool<CredentialJob, DerivedCredentials>({ name: "Credential workers", module: "credential-jobs.server.ts", runHere: deriveHere });

/**
 * Sets how many worker threads derive credentials (0: none, every roll on the calling thread),
 * for a benchmark comparing the two; workers beyond the new number are stopped when idle.
 */
export function setCredentialThreads(count: number): void {
  pool.setThreads(count);
}

/** A roll's credentials, in its order: by the worker threads, in chunks, for all but the smallest rolls. */
async function derive(group: Group["name"], uuid: string, userIds: readonly string[], withTexts: boolean): Promise<DerivedCredentials> {
  // The secret goes with each chunk: a worker thread has its own globalThis. Read here, this
  // fails at once if the entry point never set it.
  const secret = ballotSecret();
  if (userIds.length < INLINE_BELOW) return deriveHere({ secret, group, uuid, userIds, withTexts });
  const parts: Promise<DerivedCredentials>[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) parts.push(pool.run({ secret, group, uuid, userIds: userIds.slice(i, i + CHUNK), withTexts }));
  const done = await Promise.all(parts);
  return { credentials: done.flatMap((d) => d.credentials), texts: withTexts ? done.flatMap((d) => d.texts ?? []) : null };
}

/** g^secret for each member's credential in this election, in the order of userIds. */
export async function publicCredentialsFor(group: Group["name"], uuid: string, userIds: readonly string[]): Promise<bigint[]> {
  return (await derive(group, uuid, userIds, false)).credentials;
}

/**
 * The list of public credentials setUpElection publishes for this roll (sorted, in Belenios'
 * JSON): the workers write each in decimal too, which would otherwise hold this thread for about
 * 17 µs a member (175 ms for 10,000), so that only the sort and the join are left here.
 */
export async function publicCredentialListFor(group: Group["name"], uuid: string, userIds: readonly string[]): Promise<string> {
  return publishedCredentialList(await derive(group, uuid, userIds, true));
}
