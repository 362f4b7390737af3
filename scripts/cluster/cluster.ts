import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { appNames, appPorts, appUrl, clusterDatabaseUrl, nodePorts, nodeUrl, paths, repoRoot, type ClusterLayout } from "./cluster-layout";
import { haproxyConfig } from "./haproxy-config";
import {
  initPrimary,
  killPostmaster,
  makeStandby,
  postgresBinDir,
  postmasterPid,
  promote,
  startNode,
  stopNode,
  folderForPostgres,
  type NodeSettings,
} from "./postgres-nodes";
import { isAlive, readPid, startInBackground, stopByPidFile, waitFor } from "./processes";

/**
 * One cluster on one machine: a PostgreSQL primary with a synchronous streaming standby, app
 * servers each under a supervisor, and HAProxy in front. Used by `npm run cluster:up` and by the
 * failover drill, which also kills its parts.
 */

export interface Programs {
  pgBin: string;
  haproxy: string;
}

/** Debian's HAProxy (or one installed by hand), or null. */
export const findHaproxy = () => ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy"].find((p) => existsSync(p)) ?? null;

/** What is missing to run a cluster here, in words an operator can act on. */
export function findPrograms(): { ok: true; programs: Programs } | { ok: false; missing: string[] } {
  const missing: string[] = [];
  const pgBin = postgresBinDir();
  if (!pgBin)
    missing.push(
      "PostgreSQL's programs (initdb, pg_ctl, pg_basebackup): install them with `sudo apt-get install -y postgresql`, or set PG_BIN to their folder",
    );
  const haproxy = findHaproxy();
  if (!haproxy) missing.push("HAProxy: install it with `sudo apt-get install -y haproxy`");
  if (!existsSync(path.join(repoRoot, "build/index.js"))) missing.push("the app's build: run `npm run build` first");
  return pgBin && haproxy && missing.length === 0 ? { ok: true, programs: { pgBin, haproxy } } : { ok: false, missing };
}

export function nodeSettings(layout: ClusterLayout, pgBin: string): { primary: NodeSettings; standby: NodeSettings } {
  const p = paths(layout);
  const ports = nodePorts(layout);
  return {
    primary: { bin: pgBin, data: p.primaryData, port: ports.primary, sockets: p.sockets, log: path.join(p.logs, "pg-primary.log") },
    standby: { bin: pgBin, data: p.standbyData, port: ports.standby, sockets: p.sockets, log: path.join(p.logs, "pg-standby.log") },
  };
}

const pidFiles = (layout: ClusterLayout) => {
  const { run } = paths(layout);
  return {
    haproxy: path.join(run, "haproxy.pid"),
    supervisor: (name: string) => path.join(run, `${name}.supervisor.pid`),
    server: (name: string) => path.join(run, `${name}.pid`),
  };
};

export function isRunning(layout: ClusterLayout): boolean {
  const pids = pidFiles(layout);
  return isAlive(readPid(pids.haproxy)) || appNames(layout).some((n) => isAlive(readPid(pids.supervisor(n))));
}

type Say = (line: string) => void;

/** The two PostgreSQL nodes: made afresh when the folder has none, else started as they were. */
export async function startDatabase(layout: ClusterLayout, pgBin: string, say: Say = () => {}): Promise<void> {
  const p = paths(layout);
  mkdirSync(layout.folder, { recursive: true });
  // PostgreSQL writes its logs and sockets here.
  folderForPostgres(p.sockets, 0o755);
  folderForPostgres(p.logs, 0o755);
  const nodes = nodeSettings(layout, pgBin);
  const fresh = !existsSync(path.join(nodes.primary.data, "PG_VERSION"));
  if (fresh) {
    say(`PostgreSQL: a new primary in ${nodes.primary.data}`);
    initPrimary(nodes.primary);
  } else if (!existsSync(path.join(nodes.standby.data, "standby.signal"))) {
    throw new Error(
      `the standby in ${nodes.standby.data} was promoted (a failover happened): the old primary is out of date. ` +
        "Keep the promoted node's data if you need it, then start a new cluster with `npm run cluster:down -- --wipe` and `npm run cluster:up`.",
    );
  }
  if (postmasterPid(nodes.primary.data) === null) startNode(nodes.primary, "primary");
  if (fresh) {
    say(`PostgreSQL: a streaming standby made with pg_basebackup in ${nodes.standby.data}`);
    makeStandby(nodes.standby, nodes.primary.port);
  }
  if (postmasterPid(nodes.standby.data) === null) startNode(nodes.standby, "standby");
  const admin = postgres(nodeUrl(nodes.primary.port), { max: 1, onnotice: () => {} });
  try {
    // Until the standby streams, every commit on the primary waits for it (synchronous replication).
    const streaming = await waitFor(async () => {
      const rows = await admin`select 1 from pg_stat_replication where state = 'streaming' and sync_state = 'sync'`;
      return rows.length > 0;
    }, 60_000);
    if (!streaming) throw new Error(`the standby did not start streaming from the primary: see ${nodes.standby.log}`);
    const [exists] = await admin`select 1 from pg_database where datname = ${layout.database}`;
    if (!exists) await admin.unsafe(`create database "${layout.database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  // Synchronous commit waits for the standby to have the change on disk, not to have replayed it.
  const onStandby = postgres(nodeUrl(nodes.standby.port), { max: 1, onnotice: () => {} });
  try {
    const replayed = await waitFor(async () => (await onStandby`select 1 from pg_database where datname = ${layout.database}`).length > 0, 60_000);
    if (!replayed) throw new Error(`the standby did not replay the new database: see ${nodes.standby.log}`);
  } finally {
    await onStandby.end({ timeout: 5 });
  }
  say(`PostgreSQL: primary on 127.0.0.1:${nodes.primary.port}, synchronous standby on 127.0.0.1:${nodes.standby.port}`);
}

/** The cluster's APP_SECRET: from the environment, or made once and kept in the cluster's folder. */
export function appSecret(layout: ClusterLayout): string {
  const file = paths(layout).appSecret;
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** GET a path on 127.0.0.1:port; the status, or 0 when nothing answered. */
export function getStatus(host: string, port: number, urlPath: string, timeoutMs = 3_000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: urlPath, timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

function startAppServer(layout: ClusterLayout, name: string, port: number, secret: string): void {
  const p = paths(layout);
  const pids = pidFiles(layout);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: process.env.DEMO_MODE ?? "false",
    HOST: layout.host,
    PORT: String(port),
    APP_URL: process.env.APP_URL || appUrl(layout),
    DATABASE_URL: clusterDatabaseUrl(layout),
    APP_SECRET: secret,
    TRUST_PROXY: "true",
  };
  const tsx = ["--import", "tsx"];
  startInBackground(
    process.execPath,
    [...tsx, path.join(repoRoot, "scripts/cluster/supervise.ts"), "--name", name, "--pid-file", pids.server(name), "--", process.execPath, ...tsx, "server.ts"],
    { cwd: repoRoot, env, logFile: path.join(p.logs, `${name}.log`), pidFile: pids.supervisor(name) },
  );
}

/** Starts everything and waits until HAProxy answers; returns the address people use. */
export async function startCluster(layout: ClusterLayout, programs: Programs, say: Say = () => {}): Promise<string> {
  if (isRunning(layout)) throw new Error(`a cluster is already running from ${layout.folder}: \`npm run cluster:down\` stops it`);
  const p = paths(layout);
  mkdirSync(p.run, { recursive: true });
  await startDatabase(layout, programs.pgBin, say);

  const secret = appSecret(layout);
  const names = appNames(layout);
  const ports = appPorts(layout);
  for (const [i, name] of names.entries()) {
    startAppServer(layout, name, ports[i]!, secret);
    // The demo is seeded by the first server to start on an empty database: the others wait for it.
    if (process.env.DEMO_MODE === "true" && i === 0) await waitForServer(layout, name, ports[i]!);
  }
  for (const [i, name] of names.entries()) await waitForServer(layout, name, ports[i]!);
  say(`App servers: ${names.map((n, i) => `${n} on ${layout.host}:${ports[i]}`).join(", ")} (each under a supervisor that restarts it)`);

  writeFileSync(
    p.haproxyConfig,
    haproxyConfig({ host: layout.host, port: layout.httpPort, servers: names.map((name, i) => ({ name, port: ports[i]! })), adminSocket: p.haproxySocket }),
  );
  startInBackground(programs.haproxy, ["-db", "-f", p.haproxyConfig], {
    cwd: layout.folder,
    env: process.env,
    logFile: path.join(p.logs, "haproxy.log"),
    pidFile: pidFiles(layout).haproxy,
  });
  // Ready when HAProxy's own health checks have passed on every server, not merely when it listens.
  const answering = await waitFor(async () => {
    const servers = await balancerServers(layout);
    return servers.length === names.length && servers.every((s) => s.status === "UP" && s.check === "L7OK");
  }, 30_000);
  if (!answering) throw new Error(`HAProxy did not find the app servers healthy on ${appUrl(layout)}: see ${path.join(p.logs, "haproxy.log")}`);
  return appUrl(layout);
}

async function waitForServer(layout: ClusterLayout, name: string, port: number): Promise<void> {
  const up = await waitFor(async () => (await getStatus(layout.host, port, "/healthz")) === 200, 180_000, 500);
  if (!up) throw new Error(`${name} did not answer on ${layout.host}:${port}: see ${path.join(paths(layout).logs, `${name}.log`)}`);
}

/** Stops HAProxy, the app servers (through their supervisors) and both PostgreSQL nodes. */
export async function stopCluster(layout: ClusterLayout, options: { wipe?: boolean } = {}): Promise<void> {
  const pids = pidFiles(layout);
  await stopByPidFile(pids.haproxy);
  await Promise.all(appNames(layout).map((n) => stopByPidFile(pids.supervisor(n))));
  const pgBin = postgresBinDir();
  if (pgBin) {
    const nodes = nodeSettings(layout, pgBin);
    for (const node of [nodes.primary, nodes.standby]) {
      try {
        stopNode(node);
      } catch {
        // Already gone (killed, or never started).
      }
    }
  }
  if (options.wipe) rmSync(layout.folder, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Faults, for the drill and for an operator's rehearsal

/** kill -9 of an app server (not its supervisor, which starts it again); its pid, or null. */
export function killAppServer(layout: ClusterLayout, name: string): number | null {
  const pid = readPid(pidFiles(layout).server(name));
  if (!isAlive(pid)) return null;
  process.kill(pid, "SIGKILL");
  return pid;
}

export function killPrimary(layout: ClusterLayout, pgBin: string): number | null {
  return killPostmaster(nodeSettings(layout, pgBin).primary.data);
}

export function promoteStandby(layout: ClusterLayout, pgBin: string): void {
  promote(nodeSettings(layout, pgBin).standby);
}

// ---------------------------------------------------------------------------------------------
// Status

/** One command to HAProxy's admin socket (e.g. "show stat", "set server app/app1 state drain"). */
export function haproxyCommand(layout: ClusterLayout, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(paths(layout).haproxySocket);
    let answer = "";
    socket.on("connect", () => socket.end(`${command}\n`));
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

/** The app servers as HAProxy sees them: UP, DOWN, DRAIN or MAINT, and the last health check. */
export async function balancerServers(layout: ClusterLayout): Promise<{ name: string; status: string; check: string }[]> {
  const stat = await haproxyCommand(layout, "show stat");
  const lines = stat.split("\n");
  const columns = (lines[0] ?? "").replace(/^# /, "").split(",");
  const at = (name: string) => columns.indexOf(name);
  return lines
    .slice(1)
    .map((l) => l.split(","))
    .filter((f) => f[at("pxname")] === "app" && f[at("svname")] !== "BACKEND" && f[at("svname")] !== "FRONTEND")
    .map((f) => ({ name: f[at("svname")] ?? "", status: f[at("status")] ?? "", check: f[at("check_status")] ?? "" }));
}

export async function clusterStatus(layout: ClusterLayout): Promise<string[]> {
  const lines: string[] = [];
  const pids = pidFiles(layout);
  const pgBin = postgresBinDir();
  if (pgBin) {
    const nodes = nodeSettings(layout, pgBin);
    for (const [label, node] of [
      ["primary", nodes.primary],
      ["standby", nodes.standby],
    ] as const) {
      if (postmasterPid(node.data) === null) {
        lines.push(`PostgreSQL ${label} (127.0.0.1:${node.port}): not running`);
        continue;
      }
      const sql = postgres(nodeUrl(node.port), { max: 1, connect_timeout: 3, onnotice: () => {} });
      try {
        const [row] = await sql<{ recovery: boolean }[]>`select pg_is_in_recovery() as recovery`;
        const replicas = row?.recovery ? [] : await sql<{ state: string; sync_state: string }[]>`select state, sync_state from pg_stat_replication`;
        const role = row?.recovery ? "standby (read-only, streaming)" : "primary (read-write)";
        const standbys = replicas.length
          ? `; standbys: ${replicas.map((r) => `${r.state} (${r.sync_state})`).join(", ")}`
          : row?.recovery
            ? ""
            : "; no standby connected";
        lines.push(`PostgreSQL ${label} node (127.0.0.1:${node.port}): running as ${role}${standbys}`);
      } catch (error) {
        lines.push(`PostgreSQL ${label} (127.0.0.1:${node.port}): not answering (${error instanceof Error ? error.message : String(error)})`);
      } finally {
        await sql.end({ timeout: 2 });
      }
    }
  }
  for (const [i, name] of appNames(layout).entries()) {
    const supervisor = readPid(pids.supervisor(name));
    const port = appPorts(layout)[i]!;
    const health = isAlive(supervisor) ? await getStatus(layout.host, port, "/healthz") : 0;
    lines.push(
      `${name} (${layout.host}:${port}): supervisor ${isAlive(supervisor) ? "running" : "not running"}; /healthz ${health === 0 ? "no answer" : health}`,
    );
  }
  if (isAlive(readPid(pids.haproxy))) {
    const servers = await balancerServers(layout).catch(() => []);
    lines.push(`HAProxy on ${appUrl(layout)}: running; servers: ${servers.map((s) => `${s.name} ${s.status}`).join(", ") || "unknown"}`);
  } else {
    lines.push(`HAProxy (${appUrl(layout)}): not running`);
  }
  return lines;
}
