/**
 * A credential worker thread (started by credential-pool.server.ts): loads the TypeScript source
 * through tsx, as server.ts is run, says it is ready, then derives one chunk of a roll at a time:
 * { id, secret, group, uuid, userIds, withTexts } in, { id, credentials, texts } or { id, error } out
 * (texts: each credential in decimal, when asked for, as the published list has them). The ballot secret
 * comes with each chunk: this thread has its own globalThis, where setBallotSecret keeps it.
 * Plain JavaScript, so it starts the same way under `npm start`, vitest and the benchmarks.
 */
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
const { setBallotSecret } = await import("./ballot-keys.server.ts");
const { derivedCredentialsHere } = await import("./public-credentials.server.ts");

parentPort.on("message", (job) => {
  try {
    setBallotSecret(job.secret);
    parentPort.postMessage({ id: job.id, ...derivedCredentialsHere(job.group, job.uuid, job.userIds, job.withTexts) });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
