import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

/**
 * How long the event loop was held up: the 99th percentile and the longest delay, in
 * milliseconds, over the last complete interval (INTERVAL_MS). A long stall means one request
 * held up every other; /healthz reports it (docs/operator-guide.md, "Health checks").
 */
export interface EventLoopDelay {
  p99Ms: number;
  maxMs: number;
  intervalSeconds: number;
}

const INTERVAL_MS = 10_000;
const NS_PER_MS = 1e6;

let histogram: IntervalHistogram | null = null;
let last: EventLoopDelay | null = null;

/** Starts measuring (once per process); the figures of the interval that is over so far until the first one ends. */
export function eventLoopDelay(): EventLoopDelay {
  if (!histogram) {
    const measuring = monitorEventLoopDelay({ resolution: 10 });
    measuring.enable();
    histogram = measuring;
    const timer = setInterval(() => {
      last = snapshot(measuring);
      measuring.reset();
    }, INTERVAL_MS);
    timer.unref();
    return snapshot(measuring);
  }
  return last ?? snapshot(histogram);
}

function snapshot(h: IntervalHistogram): EventLoopDelay {
  const round = (ns: number) => (Number.isFinite(ns) ? Math.round((ns / NS_PER_MS) * 10) / 10 : 0);
  return { p99Ms: h.count > 0 ? round(h.percentile(99)) : 0, maxMs: h.count > 0 ? round(h.max) : 0, intervalSeconds: INTERVAL_MS / 1000 };
}
