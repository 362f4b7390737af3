import type { ComponentType } from "react";

/**
 * A document the PDF worker (render-worker.server.ts) can make: a long one, whose layout would
 * hold up the server's other requests. The kit knows no document: each domain declares its own
 * (`<domain>/pdf/worker-templates.ts`). The worker thread imports `module` (a path from the
 * repository root) and lays out its export `exportName`; `component` is the same layout, used on
 * this thread when the worker cannot start. The data must survive the structured clone that
 * carries it to the worker (plain values and dates, no functions).
 */
export interface WorkerTemplate<D> {
  readonly module: string;
  readonly exportName: string;
  readonly component: ComponentType<{ data: D }>;
}

export function workerTemplate<D>(module: string, exportName: string, component: ComponentType<{ data: D }>): WorkerTemplate<D> {
  return { module, exportName, component };
}

/** The data a template lays out. */
export type TemplateData<T> = T extends WorkerTemplate<infer D> ? D : never;
