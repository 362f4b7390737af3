import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { runJob, type StoppingJob } from "../../../../tests/support/stopping-job";
import { WorkerPool } from "./worker-pool.server";

const jobModule = fileURLToPath(new URL("../../../../tests/support/stopping-job.ts", import.meta.url));
const newPool = (module = jobModule) => new WorkerPool<StoppingJob, number>({ name: "Test workers", module, runHere: runJob });

describe("a worker pool", () => {
  it("runs jobs in its threads, starting one more only while jobs wait, up to its limit", async () => {
    const pool = newPool();
    pool.setThreads(2);
    expect(pool.started).toBe(0);
    expect(await pool.run({ value: 1 })).toBe(2);
    expect(await pool.run({ value: 2 })).toBe(4);
    // One job at a time never needed a second thread.
    expect(pool.started).toBe(1);
    expect(await Promise.all([3, 4, 5, 6].map((value) => pool.run({ value })))).toEqual([6, 8, 10, 12]);
    expect(pool.started).toBe(2);
    await expect(pool.run({ value: -1 })).rejects.toThrow("a negative value");
    pool.setThreads(0);
    expect(pool.started).toBe(0);
  });

  it("loses no job when a thread stops under it: a fresh thread runs it", async () => {
    const pool = newPool();
    pool.setThreads(1);
    const once = path.join(mkdtempSync(path.join(os.tmpdir(), "breakaway-pool-")), "stopped");
    const [stopped, next] = await Promise.all([pool.run({ value: 5, stop: { once } }), pool.run({ value: 7 })]);
    expect([stopped, next]).toEqual([10, 14]);
    pool.setThreads(0);
  });

  it("fails a job that stops every thread it is given, without hanging its caller or others", async () => {
    const pool = newPool();
    pool.setThreads(1);
    const results = await Promise.allSettled([pool.run({ value: 1, stop: "always" }), pool.run({ value: 8 })]);
    expect(results[0]).toMatchObject({ status: "rejected", reason: expect.objectContaining({ message: expect.stringContaining("stopped 2 threads") }) });
    expect(results[1]).toEqual({ status: "fulfilled", value: 16 });
    pool.setThreads(0);
  });

  it("runs its jobs on the calling thread when no thread can start", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pool = newPool(path.join(os.tmpdir(), "no-such-job-module.ts"));
    pool.setThreads(1);
    expect(await Promise.all([pool.run({ value: 1 }), pool.run({ value: 2 })])).toEqual([2, 4]);
    expect(pool.started).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Test workers unavailable"));
    warn.mockRestore();
  });
});
