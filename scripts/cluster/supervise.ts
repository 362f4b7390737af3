// tsx scripts/cluster/supervise.ts --name NAME --pid-file FILE -- COMMAND [ARGS...]
//
// Keeps one app server of the one-machine cluster running: starts COMMAND, and whenever it exits
// (a crash, kill -9, an exit for a lost database) starts it again after a short backoff, logging
// each restart. SIGTERM or SIGINT stops the command and then the supervisor. Production servers
// use systemd's Restart= instead (the operator guide); this is for `npm run cluster:up`.
// Writes the running command's pid to FILE so the drill can kill it.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { nextBackoffMs } from "./backoff";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 && at < split ? args[at + 1] : undefined;
};
const name = option("--name") ?? "server";
const pidFile = option("--pid-file");
const [command, ...commandArgs] = split >= 0 ? args.slice(split + 1) : [];
if (!command) {
  console.error("usage: supervise.ts --name NAME [--pid-file FILE] -- COMMAND [ARGS...]");
  process.exit(2);
}

const say = (line: string) => console.log(`${new Date().toISOString()} supervise ${name}: ${line}`);

let child: ChildProcess | null = null;
let stopping = false;
let restarts = 0;
let backoffMs = 0;

function start() {
  const startedAt = Date.now();
  child = spawn(command!, commandArgs, { stdio: "inherit" });
  if (pidFile && child.pid) writeFileSync(pidFile, `${child.pid}\n`);
  child.on("exit", (code, signal) => {
    child = null;
    if (stopping) return;
    const ranMs = Date.now() - startedAt;
    backoffMs = nextBackoffMs(backoffMs, ranMs);
    restarts += 1;
    say(
      `exited (${signal ? `signal ${signal}` : `code ${code}`}) after ${(ranMs / 1000).toFixed(1)} s; restart ${restarts} in ${(backoffMs / 1000).toFixed(1)} s`,
    );
    setTimeout(() => {
      if (!stopping) start();
    }, backoffMs);
  });
  child.on("error", (error) => say(`could not start: ${error.message}`));
}

function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  const running = child;
  const done = () => {
    if (pidFile) rmSync(pidFile, { force: true });
    process.exit(0);
  };
  if (!running) return done();
  running.once("exit", done);
  running.kill("SIGTERM");
  // A server that does not close in 15 s is killed.
  setTimeout(() => running.kill("SIGKILL"), 15_000).unref();
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
say(`starting ${[command, ...commandArgs].join(" ")}`);
start();
