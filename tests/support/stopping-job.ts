/**
 * A worker pool's job module for worker-pool.test.ts: doubles a number, and can stop the thread
 * running it, as a crash would, once (a marker file remembers that it did) or every time.
 */
import { existsSync, writeFileSync } from "node:fs";

export interface StoppingJob {
  value: number;
  stop?: { once: string } | "always";
}

export function runJob(job: StoppingJob): number {
  if (job.stop === "always") process.exit(3);
  if (job.stop && !existsSync(job.stop.once)) {
    writeFileSync(job.stop.once, "stopped");
    process.exit(3);
  }
  if (job.value < 0) throw new Error("a negative value");
  return job.value * 2;
}
