/**
 * Long PDFs made off the main thread. Laying out a 60-clause constitution or 150 amendments
 * takes react-pdf seconds of solid computation; on the thread that answers requests, every page
 * anyone asks for meanwhile would wait. One worker thread (render-worker.mjs) makes them, one at
 * a time, while this thread goes on answering.
 *
 * The worker loads the documents' TypeScript source through tsx (a dependency, as server.ts is
 * run with it), so it works the same under `npm start`, where this file is bundled into build/,
 * and under vitest. If the worker cannot start at all, documents are made on this thread as
 * before, with a warning in the log: slower for others, but nothing breaks.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createElement } from "react";
import { renderPdf } from "./render.server";
import type { WorkerTemplate } from "./worker-template";

const ENTRY = "render-worker.mjs";

/** The repository root holding app/modules/documents/render-worker.mjs: the server runs from it, tests import this file from its folder, the build sits in build/. */
function repositoryRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [process.cwd(), path.resolve(here, "../../.."), path.resolve(here, "..")];
  return candidates.find((root) => existsSync(path.join(root, "app/modules/documents", ENTRY))) ?? null;
}

interface Job {
  template: WorkerTemplate<unknown>;
  data: unknown;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

type Reply = { ready: true } | { id: number; pdf: Uint8Array } | { id: number; error: string };

let worker: Worker | null = null;
/** The repository root the worker was started from: templates' modules are found under it. */
let workerRoot = "";
let ready = false;
/** Why the worker cannot be used, once it has failed to start; documents are then made here. */
let unavailable: string | null = null;
let nextId = 1;
const jobs = new Map<number, Job>();

function inProcess(job: Pick<Job, "template" | "data">): Promise<Buffer> {
  return renderPdf(createElement(job.template.component, { data: job.data }));
}

/** Keeps the process alive only while a document is being made (not an idle worker). */
function holdProcess() {
  if (jobs.size > 0) worker?.ref();
  else worker?.unref();
}

function settle(id: number, outcome: { pdf: Buffer } | { error: Error }) {
  const job = jobs.get(id);
  if (!job) return;
  jobs.delete(id);
  holdProcess();
  if ("pdf" in outcome) job.resolve(outcome.pdf);
  else job.reject(outcome.error);
}

/** The worker has gone: before it was ready, make its jobs here from now on; after, fail them (the next job starts a fresh worker). */
function lost(current: Worker, error: Error) {
  if (worker !== current) return;
  worker = null;
  const pending = [...jobs.entries()];
  jobs.clear();
  if (!ready) {
    unavailable = error.message;
    console.warn(`PDF worker unavailable, so PDFs are made on the main thread: ${error.message}`);
    for (const [, job] of pending) inProcess(job).then(job.resolve, job.reject);
    return;
  }
  ready = false;
  for (const [, job] of pending) job.reject(new Error(`The PDF worker stopped while making a document: ${error.message}`));
}

function startWorker(): Worker | null {
  if (worker) return worker;
  if (unavailable !== null) return null;
  const root = repositoryRoot();
  if (!root) {
    unavailable = `${ENTRY} was not found under app/modules/documents`;
    console.warn(`PDF worker unavailable, so PDFs are made on the main thread: ${unavailable}`);
    return null;
  }
  // No inherited flags: tsx's own loader, when the server runs under tsx, is registered by the
  // worker itself, once.
  const started = new Worker(path.join(root, "app/modules/documents", ENTRY), {
    execArgv: [],
    workerData: { tsconfig: path.join(root, "tsconfig.json") },
  });
  worker = started;
  workerRoot = root;
  ready = false;
  started.on("message", (reply: Reply) => {
    if ("ready" in reply) ready = true;
    else if ("pdf" in reply) settle(reply.id, { pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength) });
    else settle(reply.id, { error: new Error(reply.error) });
  });
  started.on("error", (error) => lost(started, error));
  started.on("exit", (code) => lost(started, new Error(`exited with code ${code}`)));
  started.unref();
  return started;
}

/** The document as PDF bytes, made on the worker thread. */
export function renderInWorker<D>(template: WorkerTemplate<D>, data: D): Promise<Buffer> {
  const job = { template: template as WorkerTemplate<unknown>, data };
  const current = startWorker();
  if (!current) return inProcess(job);
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    jobs.set(id, { ...job, resolve, reject });
    holdProcess();
    current.postMessage({ id, module: path.join(workerRoot, template.module), exportName: template.exportName, data });
  });
}
