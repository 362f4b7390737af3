/**
 * Public credentials for a poll's roll, derived off the main thread (issue 17). Each member costs
 * one to two milliseconds of solid computation (PBKDF2, then an exponentiation); a roll of
 * 100,000 would keep the thread that answers requests busy for minutes. A pool of worker threads
 * (credential-worker.mjs), one per core, takes the roll in chunks while this thread goes on
 * answering.
 *
 * The workers load the TypeScript source through tsx, as the PDF worker does, so they start the
 * same way under `npm start` (this file bundled into build/), vitest and the benchmarks. A small
 * roll is derived here: starting a worker costs more than it saves. If no worker can start, the
 * roll is derived here too, with a warning in the log: slow for others, but nothing breaks.
 */
import type { Group } from "~/modules/belenios/group";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ballotSecret } from "./ballot-keys.server";
import { derivedCredentialsHere, publishedCredentialList, type DerivedCredentials } from "./public-credentials.server";

const ENTRY = "credential-worker.mjs";
const FOLDER = "app/modules/polls/encrypted";
/** Below this, the roll is derived here (at most a tenth of a second or so). */
const INLINE_BELOW = 64;
/** Members a chunk: about half a second of work, so the workers share a roll's tail evenly. */
const CHUNK = 250;

/** The repository root holding the worker's entry: the server runs from it, tests import this file from its folder, the build sits in build/. */
function repositoryRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [process.cwd(), path.resolve(here, "../../../.."), path.resolve(here, "..")];
  return candidates.find((root) => existsSync(path.join(root, FOLDER, ENTRY))) ?? null;
}

interface Chunk {
  group: Group["name"];
  uuid: string;
  userIds: readonly string[];
  withTexts: boolean;
  resolve: (derived: DerivedCredentials) => void;
  reject: (error: Error) => void;
}

type Reply = { ready: true } | ({ id: number } & DerivedCredentials) | { id: number; error: string };

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  /** The chunk it is deriving, by id. */
  busy: { id: number; chunk: Chunk } | null;
}

const pool: PoolWorker[] = [];
const queue: Chunk[] = [];
let nextId = 1;
/** Why the workers cannot be used, once none could start; rolls are then derived here. */
let unavailable: string | null = null;

/** Worker threads: one per core by default; 0 derives every roll on the calling thread. */
let threads = Math.max(1, os.availableParallelism());
const poolSize = () => threads;

/**
 * Sets how many worker threads derive credentials (0: none, every roll on the calling thread),
 * for a benchmark comparing the two; workers beyond the new number are stopped when idle.
 */
export function setCredentialThreads(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError("the number of credential threads is a whole number, 0 or more");
  threads = count;
  for (const w of pool.filter((p) => !p.busy).slice(0, Math.max(0, pool.length - count))) {
    pool.splice(pool.indexOf(w), 1);
    void w.worker.terminate();
  }
}

/** Keeps the process alive only while there is work (not for idle workers). */
function holdProcess() {
  const working = queue.length > 0 || pool.some((w) => w.busy);
  for (const w of pool) {
    if (working) w.worker.ref();
    else w.worker.unref();
  }
}

function dispatch() {
  for (const w of pool) {
    if (!w.ready || w.busy) continue;
    const chunk = queue.shift();
    if (!chunk) break;
    const id = nextId++;
    w.busy = { id, chunk };
    w.worker.postMessage({ id, secret: ballotSecret(), group: chunk.group, uuid: chunk.uuid, userIds: chunk.userIds, withTexts: chunk.withTexts });
  }
  holdProcess();
}

/** A worker has gone: its chunk fails; if it was the last and had never become ready, rolls are derived here from now on. */
function lost(w: PoolWorker, error: Error) {
  const at = pool.indexOf(w);
  if (at < 0) return;
  pool.splice(at, 1);
  if (w.busy) w.busy.chunk.reject(new Error(`a credential worker stopped: ${error.message}`));
  if (pool.length === 0 && queue.length > 0) {
    if (w.ready) {
      // It had worked: fresh workers take the rest.
      startWorkers();
    } else {
      unavailable = error.message;
      console.warn(`Credential workers unavailable, so credentials are derived on the main thread: ${error.message}`);
      for (const chunk of queue.splice(0)) deriveHere(chunk);
    }
  }
  holdProcess();
}

function deriveHere(chunk: Chunk) {
  try {
    chunk.resolve(derivedCredentialsHere(chunk.group, chunk.uuid, chunk.userIds, chunk.withTexts));
  } catch (error) {
    chunk.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function startWorkers(): boolean {
  if (unavailable !== null) return false;
  if (pool.length >= poolSize()) return true;
  const root = repositoryRoot();
  if (!root) {
    unavailable = `${ENTRY} was not found under ${FOLDER}`;
    console.warn(`Credential workers unavailable, so credentials are derived on the main thread: ${unavailable}`);
    return false;
  }
  while (pool.length < poolSize()) {
    // No inherited flags: tsx's loader, when the server runs under tsx, is registered by the worker itself.
    const w: PoolWorker = { worker: new Worker(path.join(root, FOLDER, ENTRY), { execArgv: [], workerData: { tsconfig: path.join(root, "tsconfig.json") } }), ready: false, busy: null };
    pool.push(w);
    w.worker.on("message", (reply: Reply) => {
      if ("ready" in reply) {
        w.ready = true;
      } else if (w.busy?.id === reply.id) {
        const { chunk } = w.busy;
        w.busy = null;
        if ("credentials" in reply) chunk.resolve({ credentials: reply.credentials, texts: reply.texts });
        else chunk.reject(new Error(reply.error));
      }
      dispatch();
    });
    w.worker.on("error", (error) => lost(w, error));
    w.worker.on("exit", (code) => lost(w, new Error(`exited with code ${code}`)));
  }
  holdProcess();
  return true;
}

/** A roll's credentials, in its order: by the worker threads, in chunks, for all but the smallest rolls. */
async function derive(group: Group["name"], uuid: string, userIds: readonly string[], withTexts: boolean): Promise<DerivedCredentials> {
  ballotSecret(); // fails here, at once, if the entry point never set it
  if (userIds.length < INLINE_BELOW || threads === 0 || !startWorkers()) return derivedCredentialsHere(group, uuid, userIds, withTexts);
  const parts: Promise<DerivedCredentials>[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const slice = userIds.slice(i, i + CHUNK);
    parts.push(
      new Promise<DerivedCredentials>((resolve, reject) => {
        const chunk = { group, uuid, userIds: slice, withTexts, resolve, reject };
        if (unavailable !== null) deriveHere(chunk);
        else queue.push(chunk);
      }),
    );
  }
  dispatch();
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
