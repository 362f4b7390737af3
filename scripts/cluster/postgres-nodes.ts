import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isAlive, readPid } from "./processes";

/**
 * The PostgreSQL primary and its streaming standby of a one-machine cluster, driven through
 * PostgreSQL's own programs (initdb, pg_ctl, pg_basebackup). PostgreSQL refuses to run as root,
 * so when we are root every program runs as the `postgres` user and its folders belong to it.
 */

const asRoot = process.getuid?.() === 0;

/** The folder of PostgreSQL's programs: PG_BIN, else the newest Debian version, else the PATH. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BIN) return existsSync(path.join(env.PG_BIN, "pg_ctl")) ? env.PG_BIN : null;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, "bin", "pg_basebackup")) && existsSync(path.join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin");
  }
  const found = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  return found && existsSync(path.join(path.dirname(found), "pg_basebackup")) ? path.dirname(found) : null;
}

function postgresIds(): { uid: number; gid: number } | null {
  if (!asRoot) return null;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("running as root, but there is no `postgres` user to run PostgreSQL as (PostgreSQL refuses root)");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** A folder PostgreSQL may write to: owned by `postgres` when we are root. */
export function folderForPostgres(folder: string, mode = 0o700): void {
  mkdirSync(folder, { recursive: true, mode });
  const ids = postgresIds();
  if (ids) chownSync(folder, ids.uid, ids.gid);
}

function run(bin: string, program: string, args: string[]): string {
  const file = path.join(bin, program);
  const [command, commandArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  // cwd: the postgres user may not be able to read the folder we were started in.
  const result = spawnSync(command, commandArgs, { encoding: "utf8", cwd: os.tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

export interface NodeSettings {
  bin: string;
  data: string;
  port: number;
  sockets: string;
  log: string;
}

export function initPrimary(node: NodeSettings): void {
  folderForPostgres(node.data);
  // Trust on 127.0.0.1 only (listen_addresses below), replication included: a cluster for one machine.
  run(node.bin, "initdb", ["-D", node.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
}

/**
 * Starts a node with its settings on the command line. The primary alone gets
 * synchronous_standby_names: on the command line it is not in the files pg_basebackup copies, so
 * the promoted standby does not wait for a standby of its own, and no ballot the primary
 * acknowledged is missing from the standby.
 */
export function startNode(node: NodeSettings, role: "primary" | "standby"): void {
  const settings = [
    `-p ${node.port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories='${node.sockets}'`,
    "-c wal_level=replica",
    "-c max_wal_senders=5",
    "-c hot_standby=on",
    "-c wal_keep_size=256MB",
    "-c max_connections=200",
    // pg_ctl hands these to a shell: quoted, the asterisk is not a file pattern.
    ...(role === "primary" ? ["-c synchronous_standby_names='*'", "-c synchronous_commit=on"] : []),
  ];
  run(node.bin, "pg_ctl", ["-D", node.data, "-l", node.log, "-w", "-t", "60", "-o", settings.join(" "), "start"]);
}

/** A copy of the running primary that streams from it (`-R` writes primary_conninfo and standby.signal). */
export function makeStandby(node: NodeSettings, primaryPort: number): void {
  folderForPostgres(node.data);
  run(node.bin, "pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", node.data, "-R", "-X", "stream", "-c", "fast"]);
}

export function promote(node: Pick<NodeSettings, "bin" | "data">): void {
  run(node.bin, "pg_ctl", ["-D", node.data, "-w", "-t", "60", "promote"]);
}

/** The postmaster's process id, from its pid file, or null when it is not running. */
export function postmasterPid(data: string): number | null {
  // Its first line is the pid (the file is readable by root and by postgres, its owner).
  const pid = readPid(path.join(data, "postmaster.pid"));
  return isAlive(pid) ? pid : null;
}

/** kill -9 of the postmaster: the crash the drill survives. */
export function killPostmaster(data: string): number | null {
  const pid = postmasterPid(data);
  if (pid) process.kill(pid, "SIGKILL");
  return pid;
}

export function stopNode(node: Pick<NodeSettings, "bin" | "data">): void {
  if (postmasterPid(node.data) === null) return;
  run(node.bin, "pg_ctl", ["-D", node.data, "-w", "-t", "60", "-m", "fast", "stop"]);
}
