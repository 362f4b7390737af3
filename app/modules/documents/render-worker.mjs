/**
 * The PDF worker thread (started by render-worker.server.ts): loads the TypeScript documents
 * through tsx, as server.ts is run, warms the fonts, says it is ready, then renders one job at a
 * time: { id, name, data } in, { id, pdf } or { id, error } out. Plain JavaScript, so it starts
 * the same way under `npm start`, vitest and the benchmarks.
 */
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
const { createElement } = await import("react");
const { prepareFonts, renderPdf } = await import("./render.server.ts");
const { workerDocuments } = await import("./worker-documents.ts");
await prepareFonts();

let queue = Promise.resolve();
parentPort.on("message", (job) => {
  queue = queue.then(async () => {
    try {
      const component = workerDocuments[job.name];
      if (!component) throw new Error(`The PDF worker has no document called ${job.name}.`);
      const pdf = await renderPdf(createElement(component, { data: job.data }));
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      parentPort.postMessage({ id: job.id, pdf: bytes }, [bytes.buffer]);
    } catch (error) {
      parentPort.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
});
parentPort.postMessage({ ready: true });
