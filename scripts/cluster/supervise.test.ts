import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isAlive, readPid, waitFor } from "./processes";

const supervisor = fileURLToPath(new URL("./supervise.ts", import.meta.url));

describe("the cluster's supervisor", () => {
  it("starts the server again after kill -9, logs the restart, and stops it with itself", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-supervise-"));
    const pidFile = path.join(folder, "server.pid");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", supervisor, "--name", "test-server", "--pid-file", pidFile, "--", process.execPath, "-e", "setInterval(() => {}, 1000)"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      expect(await waitFor(() => isAlive(readPid(pidFile)), 20_000)).toBe(true);
      const first = readPid(pidFile)!;
      process.kill(first, "SIGKILL");
      expect(await waitFor(() => readPid(pidFile) !== first && isAlive(readPid(pidFile)), 20_000)).toBe(true);
      const second = readPid(pidFile)!;
      expect(output).toMatch(/supervise test-server: exited \(signal SIGKILL\) after [\d.]+ s; restart 1 in [\d.]+ s/);

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(await waitFor(() => !isAlive(second), 20_000)).toBe(true);
      expect(existsSync(pidFile)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      const left = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8")) : null;
      if (isAlive(left)) process.kill(left, "SIGKILL");
    }
  });
});
