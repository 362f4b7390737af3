/**
 * The PDF worker thread (started by render-worker.server.ts): loads the TypeScript documents
 * through tsx, as server.ts is run, warms the fonts, says it is ready, then renders one job at a
 * time: { id, module, exportName, data } in, { id, pdf } or { id, error } out. A document's
 * layout is imported from its own domain's module the first time it is asked for (the kit
 * knows no document: worker-template.ts). Plain JavaScript, so it starts the same way under
 * `npm start`, vitest and the benchmarks.
 */
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
const { createElement } = await import("react");
const { prepareFonts, renderPdf } = await import("./render.server.ts");
await prepareFonts();

/** Each layout's module, imported once. */
const layouts = new Map();
async function layoutOf(job) {
  const key = `${job.module}#${job.exportName}`;
  if (!layouts.has(key))
    layouts.set(
      key,
      import(pathToFileURL(job.module).href).then((module) => module[job.exportName]),
    );
  const component = await layouts.get(key);
  if (!component) throw new Error(`The PDF worker has no document called ${job.exportName}.`);
  return component;
}

let queue = Promise.resolve();
parentPort.on("message", (job) => {
  queue = queue.then(async () => {
    try {
      const component = await layoutOf(job);
      const pdf = await renderPdf(createElement(component, { data: job.data }));
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      parentPort.postMessage({ id: job.id, pdf: bytes }, [bytes.buffer]);
    } catch (error) {
      parentPort.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
});
parentPort.postMessage({ ready: true });
