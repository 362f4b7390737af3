import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";

/** Background processes of the cluster, known by pid files, outliving the command that started them. */

export function isAlive(pid: number | null): pid is number {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid on a pid file's first line (PostgreSQL's postmaster.pid has more lines after it). */
export function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Starts a process in its own session, its output appended to logFile, and records its pid. */
export function startInBackground(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; pidFile: string }): number {
  const log = openSync(options.logFile, "a");
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", log, log] });
  if (!child.pid) throw new Error(`could not start ${command}`);
  child.unref();
  writeFileSync(options.pidFile, `${child.pid}\n`);
  return child.pid;
}

/** SIGTERM, then SIGKILL if it has not gone within graceMs. */
export async function stopByPidFile(pidFile: string, graceMs = 20_000): Promise<void> {
  const pid = readPid(pidFile);
  if (isAlive(pid)) {
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true or the time is up; false if the time ran out. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return true;
    } catch {
      // not yet
    }
    await sleep(everyMs);
  }
  return false;
}
