// The browser tests' load balancer (issue 16): HAProxy in front of app servers started one after
// the other, each a child process of the caller, all stopped with it. Used by scripts/e2e-server.ts
// (the demo's servers) and scripts/e2e-journey-server.ts (the journey's servers with their clocks).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getStatus } from "./cluster/cluster";
import { haproxyConfig } from "./cluster/haproxy-config";
import { waitFor } from "./cluster/processes";

export interface BalancedServer {
  name: string;
  port: number;
  /** The command that starts it (run with this Node), and its environment. */
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Starts each server in turn (the first migrates or seeds an empty database; the next finds it
 * done), waiting for its /healthz, then HAProxy on host:port in front of them. Exits the process
 * when a server does not start. Every child is stopped when this process ends.
 */
export async function startBehindBalancer(haproxyPath: string, host: string, port: number, servers: readonly BalancedServer[]): Promise<void> {
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stopAll);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(0);
    });
  }
  for (const server of servers) {
    // stdin a pipe: a server told to exit with its parent (E2E_EXIT_WITH_PARENT) sees it close.
    const child = spawn(process.execPath, server.args, { env: server.env, stdio: ["pipe", "pipe", "pipe"] });
    children.push(child);
    for (const stream of [child.stdout, child.stderr])
      stream?.on("data", (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${server.name}] `)));
    child.on("exit", (code, signal) => console.error(`[${server.name}] exited (${signal ?? code})`));
    const up = await waitFor(async () => child.exitCode === null && (await getStatus(host, server.port, "/healthz")) === 200, 150_000, 250);
    if (!up) {
      console.error(`[${server.name}] did not start`);
      stopAll();
      process.exit(1);
    }
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-e2e-haproxy-"));
  const config = path.join(folder, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ host, port, servers, adminSocket: path.join(folder, "haproxy.sock"), identifyServers: true }));
  const balancer = spawn(haproxyPath, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  children.push(balancer);
  balancer.stderr?.on("data", (chunk: Buffer) => process.stdout.write(`[haproxy] ${chunk.toString()}`));
  balancer.on("exit", (code) => console.error(`[haproxy] exited (${code})`));
  const ready = await waitFor(async () => (await getStatus(host, port, "/healthz")) === 200, 60_000, 250);
  if (!ready) {
    console.error("[haproxy] did not answer");
    stopAll();
    process.exit(1);
  }
  console.log(`HAProxy on ${host}:${port} in front of ${servers.map((s) => `${s.name} (${host}:${s.port})`).join(" and ")}`);
}
