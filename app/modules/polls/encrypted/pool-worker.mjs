/**
 * A thread of a worker pool (worker-pool.server.ts): loads the TypeScript source through tsx, as
 * server.ts is run, then the pool's module (workerData.module), says it is ready, and runs one job
 * at a time with the module's runJob: { id, job } in, { id, answer } or { id, error } out.
 * Plain JavaScript, so it starts the same way under `npm start`, vitest and the benchmarks.
 */
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
const { runJob } = await import(workerData.module);

parentPort.on("message", async ({ id, job }) => {
  try {
    // An asynchronous job (a benchmark's) is awaited; the pool sends the next one only after.
    parentPort.postMessage({ id, answer: await runJob(job) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
