/**
 * A pool of worker threads for a poll's cryptography (issue 17): solid computation (deriving a
 * roll's credentials, checking or encrypting a ballot) done off the thread that answers requests,
 * so that it keeps answering. Each pool runs one module's `runJob` (a job in, an answer out) in
 * its threads; pool-worker.mjs loads that module's TypeScript source through tsx, as the PDF
 * worker does, so that the threads start the same way under `npm start` (this file bundled into
 * build/), vitest and the benchmarks.
 *
 * Threads are started lazily, one more only while jobs wait and none is free, up to one per core:
 * a server that casts a ballot now and then starts one. A thread that stops (a crash, or killed
 * with the process's memory) loses no job: the job it held goes back to the front of the queue
 * for a fresh thread, and only a job that has stopped two threads fails, with an error for its
 * caller (never a hang). If no thread can start at all, jobs run on the calling thread, with a
 * warning in the log: slow for others, but nothing breaks.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const FOLDER = "app/modules/polls/encrypted";
const ENTRY = "pool-worker.mjs";
/** A job that has stopped this many threads is refused rather than tried again. */
const MOST_ATTEMPTS = 2;

/** The repository root holding the worker's entry: the server runs from it, tests import this file from its folder, the build sits in build/. */
function repositoryRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [process.cwd(), path.resolve(here, "../../../.."), path.resolve(here, "..")];
  return candidates.find((root) => existsSync(path.join(root, FOLDER, ENTRY))) ?? null;
}

export interface WorkerPoolOptions<J, A> {
  /** How the log names the threads, e.g. "Credential workers". */
  name: string;
  /** The module whose `runJob(job)` the threads call: a file of this folder, or an absolute path. */
  module: string;
  /** The same work on the calling thread: with 0 threads, or when no thread can start. */
  runHere(job: J): A;
}

interface Pending<J, A> {
  job: J;
  attempts: number;
  resolve(answer: A): void;
  reject(error: Error): void;
}

interface PoolWorker<J, A> {
  worker: Worker;
  ready: boolean;
  /** The job it is running, by id. */
  busy: { id: number; pending: Pending<J, A> } | null;
}

type Reply<A> = { ready: true } | { id: number; answer: A } | { id: number; error: string };

export class WorkerPool<J, A> {
  private readonly workers: PoolWorker<J, A>[] = [];
  private readonly queue: Pending<J, A>[] = [];
  private nextId = 1;
  /** Why no thread can be used, once none could start; jobs then run on the calling thread. */
  private unavailable: string | null = null;
  /** One per core by default; 0 runs every job on the calling thread. */
  private threads = Math.max(1, os.availableParallelism());

  constructor(private readonly options: WorkerPoolOptions<J, A>) {}

  /** Sets how many threads the pool may run (0: none, every job here); threads beyond it stop when idle. */
  setThreads(count: number): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`the number of threads is a whole number, 0 or more (${this.options.name})`);
    this.threads = count;
    for (const w of this.workers.filter((p) => !p.busy).slice(0, Math.max(0, this.workers.length - count))) {
      this.workers.splice(this.workers.indexOf(w), 1);
      void w.worker.terminate();
    }
  }

  /** Threads started and not stopped (for the tests and benchmarks). */
  get started(): number {
    return this.workers.length;
  }

  /** Runs a job in a thread, or here when the pool has none. */
  run(job: J): Promise<A> {
    if (this.threads === 0 || this.unavailable !== null) return this.runHereAsPromise(job);
    return new Promise<A>((resolve, reject) => {
      this.queue.push({ job, attempts: 0, resolve, reject });
      this.grow();
      this.dispatch();
    });
  }

  private runHereAsPromise(job: J): Promise<A> {
    try {
      return Promise.resolve(this.options.runHere(job));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Starts threads while jobs outnumber the threads free or starting, up to the limit. */
  private grow() {
    const root = repositoryRoot();
    if (!root) {
      this.giveUp(`${ENTRY} was not found under ${FOLDER}`);
      return;
    }
    const module = path.isAbsolute(this.options.module) ? this.options.module : path.join(root, FOLDER, this.options.module);
    while (this.workers.length < this.threads && this.queue.length > this.workers.filter((w) => !w.busy).length) {
      // No inherited flags: tsx's loader, when the server runs under tsx, is registered by the worker itself.
      const worker = new Worker(path.join(root, FOLDER, ENTRY), {
        execArgv: [],
        workerData: { tsconfig: path.join(root, "tsconfig.json"), module: pathToFileURL(module).href },
      });
      const w: PoolWorker<J, A> = { worker, ready: false, busy: null };
      this.workers.push(w);
      worker.on("message", (reply: Reply<A>) => this.received(w, reply));
      worker.on("error", (error) => this.lost(w, error));
      worker.on("exit", (code) => this.lost(w, new Error(`exited with code ${code}`)));
    }
    this.holdProcess();
  }

  private received(w: PoolWorker<J, A>, reply: Reply<A>) {
    if ("ready" in reply) {
      w.ready = true;
    } else if (w.busy?.id === reply.id) {
      const { pending } = w.busy;
      w.busy = null;
      if ("answer" in reply) pending.resolve(reply.answer);
      else pending.reject(new Error(reply.error));
    }
    this.dispatch();
  }

  private dispatch() {
    for (const w of this.workers) {
      if (!w.ready || w.busy) continue;
      const pending = this.queue.shift();
      if (!pending) break;
      const id = this.nextId++;
      w.busy = { id, pending };
      w.worker.postMessage({ id, job: pending.job });
    }
    this.holdProcess();
  }

  /** A thread has gone: its job goes back to the queue (or fails, after a second thread); if no thread ever started, jobs run here from now on. */
  private lost(w: PoolWorker<J, A>, error: Error) {
    const at = this.workers.indexOf(w);
    if (at < 0) return;
    this.workers.splice(at, 1);
    if (w.busy) {
      const { pending } = w.busy;
      pending.attempts += 1;
      if (pending.attempts >= MOST_ATTEMPTS) pending.reject(new Error(`${this.options.name}: a job stopped ${pending.attempts} threads (${error.message})`));
      else this.queue.unshift(pending);
    }
    if (!w.ready && this.workers.every((other) => !other.ready)) {
      this.giveUp(error.message);
      return;
    }
    if (this.queue.length > 0) this.grow();
    this.dispatch();
  }

  private giveUp(reason: string) {
    this.unavailable = reason;
    console.warn(`${this.options.name} unavailable, so their jobs run on the main thread: ${reason}`);
    for (const w of this.workers.splice(0)) void w.worker.terminate();
    for (const pending of this.queue.splice(0)) this.runHereAsPromise(pending.job).then(pending.resolve, pending.reject);
  }

  /** Keeps the process alive only while there is work (not for idle threads). */
  private holdProcess() {
    const working = this.queue.length > 0 || this.workers.some((w) => w.busy);
    for (const w of this.workers) {
      if (working) w.worker.ref();
      else w.worker.unref();
    }
  }
}
