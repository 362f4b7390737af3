// npm run bench:ballots   (tsx bench/ballots.bench.ts; needs a build: npm run build)
//
// Ballots cast per second over HTTP: puts 100,000 members on the roll of one IRV election (five
// candidates and re-open nominations) in a fresh database on TEST_DATABASE_URL (or, without it,
// an embedded PGlite folder), starts the real server (server.ts, in a child process, on a free
// port of 127.0.0.1) and casts ballots through it from many voters at once, each with their own
// session, three ways: the page's form without JavaScript (the action, then the page's loaders
// and render), the same form as a Remix data request, and the ballot endpoint the page uses with
// JavaScript (decision 025). Then the ballot box in-process, without HTTP. Then it times closing
// and counting the poll, and the count alone. Writes "## Casting ballots over HTTP
// (100,000 on the roll)" into docs/benchmarks.md. Target (issue): 500 ballots/s, p99 under 100 ms.
//
// Settings (environment): BENCH_BALLOTS (5000, the HTML form), BENCH_DATA_BALLOTS (5000),
// BENCH_ENDPOINT_BALLOTS (20000), BENCH_DIRECT_BALLOTS (5000), BENCH_CONCURRENCY (32),
// BENCH_PORT (3177; another free port is taken if it is busy), BENCH_SERVER_NODE_ARGS (extra
// node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles").
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import postgres from "postgres";
import { systemActor } from "../app/modules/audit/audit.server";
import { SESSION_COOKIE } from "../app/modules/auth/session.server";
import { generateToken, hashToken } from "../app/modules/auth/tokens";
import { seededRandom } from "../app/modules/ballots/index";
import { countPoll } from "../app/modules/polls/ballot-rules";
import { ballotBoxFor } from "../app/modules/polls/ballot-box.server";
import { castEndpointPath } from "../app/modules/polls/cast-endpoint";
import { ballotsCast, closePoll, createPoll, getPublication, loadRules, openPoll, verifyPoll } from "../app/modules/polls/polls.server";
import { openPglite, openPostgres, type Database } from "../app/utils/db.server";
import { sessions, users } from "../db/schema";
import { loadNow, machineLine, median, writeBenchmarkSection } from "./benchmarks-doc";
import { freePort, startServer, stopServer } from "./bench-server";

const ROLL = 100_000;
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 5_000);
const DATA_BALLOTS = Number(process.env.BENCH_DATA_BALLOTS ?? 5_000);
const ENDPOINT_BALLOTS = Number(process.env.BENCH_ENDPOINT_BALLOTS ?? 20_000);
// The ballot box called in-process, without HTTP: what the database part alone allows.
const DIRECT_BALLOTS = Number(process.env.BENCH_DIRECT_BALLOTS ?? 5_000);
const WARMUP = 500;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const TARGET_PER_SECOND = 500;
const TARGET_P99_MS = 100;
// Request loops are bounded in time as well as in count.
const WAVE_LIMIT_MS = 15 * 60_000;
const CANDIDATES = ["Ada", "Ben", "Cy", "Dee", "Eve"];
const LABELS = [...CANDIDATES, "Re-open nominations"];
const HEADING = "Casting ballots over HTTP (100,000 on the roll)";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const loadBefore = loadNow();
const actor = systemActor("benchmark");
const log = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// The database

interface Target {
  label: string;
  /** What the server is given: DATABASE_URL, or DATA_DIR for PGlite. */
  serverEnv: Record<string, string>;
  /** pool: connections, for PostgreSQL (the server's default is 10). */
  open(pool?: number): Promise<Database>;
  /** A connection for sampling pg_stat_activity (PostgreSQL only). */
  sampler: postgres.Sql | null;
  cleanup(): Promise<void>;
}

async function makeTarget(): Promise<Target> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-bench-ballots-"));
    return {
      label: "embedded PGlite (data folder on disk): TEST_DATABASE_URL was not set",
      serverEnv: { DATABASE_URL: "", DATA_DIR: folder },
      open: () => openPglite(folder),
      sampler: null,
      async cleanup() {
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const name = "breakaway_bench_ballots";
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const [version] = await admin`show server_version`;
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const sampler = postgres(url, { max: 1, onnotice: () => {} });
  return {
    label: `PostgreSQL ${String(version?.server_version ?? "").split(" ")[0]} (local server)`,
    serverEnv: { DATABASE_URL: url },
    open: async (pool = 4) => openPostgres(url, { max: pool }),
    sampler,
    async cleanup() {
      await sampler.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A ranking of 1 to 6 of the options (RON last, position 5), drawn from a seeded generator. */
function drawRanking(random: () => number): number[] {
  const positions = LABELS.map((_, p) => p);
  for (let i = positions.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [positions[i], positions[j]] = [positions[j]!, positions[i]!];
  }
  return positions.slice(0, 1 + Math.floor(random() * positions.length));
}

interface Voter {
  cookie: string;
  body: string;
}

/** 100,000 members, a session for each one who will vote, and the election, opened on all of them. */
async function populate(
  database: Database,
  voting: number,
  direct: number,
): Promise<{ pollId: string; voters: Voter[]; directVoters: { userId: string; ranking: number[] }[]; openMs: number; fillMs: number }> {
  const t0 = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < ROLL; i += 5000) {
    const rows = await database.db
      .insert(users)
      .values(
        Array.from({ length: Math.min(5000, ROLL - i) }, (_, k) => ({
          email: `bench-voter-${i + k}@example.org`,
          displayName: `Voter ${i + k}`,
          role: "member" as const,
        })),
      )
      .returning({ id: users.id });
    ids.push(...rows.map((r) => r.id));
  }
  const random = seededRandom("ballots benchmark");
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  const voters: Voter[] = [];
  for (let i = 0; i < voting; i += 5000) {
    const batch = ids.slice(i, Math.min(voting, i + 5000)).map((userId) => ({ userId, token: generateToken() }));
    await database.db.insert(sessions).values(batch.map((b) => ({ id: hashToken(b.token), userId: b.userId, expiresAt })));
    for (const b of batch) {
      const ranking = drawRanking(random);
      const form = new URLSearchParams({ intent: "cast" });
      LABELS.forEach((_, position) => {
        const rank = ranking.indexOf(position);
        form.set(`rank-${position}`, rank < 0 ? "" : String(rank + 1));
      });
      voters.push({ cookie: `${SESSION_COOKIE}=${b.token}`, body: form.toString() });
    }
  }
  const directVoters = ids.slice(voting, voting + direct).map((userId) => ({ userId, ranking: drawRanking(random) }));
  const created = await createPoll(database.db, actor, {
    title: "Leader",
    method: "irv",
    options: [...CANDIDATES.map((label) => ({ label })), { label: LABELS[LABELS.length - 1]!, isRon: true }],
    closesAt: new Date(Date.now() + 6 * 3_600_000),
  });
  if (!created.ok) throw new Error(`poll not created: ${created.code}`);
  const fillMs = performance.now() - t0;
  const t1 = performance.now();
  const opened = await openPoll(database.db, actor, created.pollId, ids);
  if (!opened.ok || opened.rollSize !== ROLL) throw new Error("poll not opened");
  return { pollId: created.pollId, voters, directVoters, openMs: performance.now() - t1, fillMs };
}

// ---------------------------------------------------------------------------------------------
// The real server

// ---------------------------------------------------------------------------------------------
// CPU time of the processes involved (Linux /proc; best effort), to show where the time goes

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU time of every process named postgres on this machine (all databases, so an upper bound). */
function postgresCpuMs(): number {
  let total = 0;
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") total += cpuMsOf(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return 0;
  }
  return total;
}

interface CpuSnapshot {
  server: number;
  postgres: number;
  client: number;
}

const cpuNow = (server: ChildProcess | null): CpuSnapshot => {
  const own = process.cpuUsage();
  return { server: server ? cpuMsOf(server.pid ?? 0) : 0, postgres: postgresCpuMs(), client: (own.user + own.system) / 1000 };
};

// ---------------------------------------------------------------------------------------------
// Casting

interface Wave {
  label: string;
  path: string;
  sent: number;
  ok: number;
  failures: string[];
  latencies: number[];
  wallMs: number;
  cpu: CpuSnapshot;
  waits: WaitSummary | null;
  stoppedEarly: boolean;
}

interface WaitSummary {
  samples: number;
  /** Average number of the server's connections in each state at a sample. */
  running: number;
  waitingForLock: number;
  idleInTransaction: number;
  idle: number;
}

function post(agent: http.Agent, port: number, urlPath: string, voter: Voter): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: "127.0.0.1",
        port,
        method: "POST",
        path: urlPath,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(voter.body),
          Cookie: voter.cookie,
          Origin: `http://127.0.0.1:${port}`,
          Accept: "text/html",
          "Accept-Encoding": "gzip",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(voter.body);
  });
}

/** Sends one ballot over HTTP; true when the answer shows a receipt, otherwise what went wrong. */
function httpSender(port: number, urlPath: string, voters: Voter[], receiptPattern: RegExp) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  return {
    count: voters.length,
    async send(i: number): Promise<true | string> {
      const { status, body } = await post(agent, port, urlPath, voters[i]!);
      return status === 200 && receiptPattern.test(body) ? true : `${status}: ${body.slice(0, 200)}`;
    },
    close: () => agent.destroy(),
  };
}

/** Keeps CONCURRENCY ballots in flight until every one is sent (or the time limit passes). */
async function castWave(
  label: string,
  urlPath: string,
  sender: { count: number; send(i: number): Promise<true | string>; close(): void },
  server: ChildProcess | null,
  sampler: postgres.Sql | null,
): Promise<Wave> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let ok = 0;
  let next = 0;
  let stoppedEarly = false;
  // Where the server's database connections are, sampled every 50 ms.
  const states = { samples: 0, running: 0, waitingForLock: 0, idleInTransaction: 0, idle: 0 };
  let sampling = sampler !== null;
  const sampleLoop = (async () => {
    while (sampling && sampler) {
      const rows = await sampler<{ state: string | null; wait_event_type: string | null }[]>`
        select state, wait_event_type from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`;
      states.samples += 1;
      for (const r of rows) {
        if (r.state === "active" && r.wait_event_type === "Lock") states.waitingForLock += 1;
        else if (r.state === "active") states.running += 1;
        else if (r.state?.startsWith("idle in transaction")) states.idleInTransaction += 1;
        else states.idle += 1;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const cpu0 = cpuNow(server);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < sender.count) {
        if (performance.now() - t0 > WAVE_LIMIT_MS) {
          stoppedEarly = true;
          return;
        }
        const i = next++;
        const start = performance.now();
        try {
          const outcome = await sender.send(i);
          latencies.push(performance.now() - start);
          if (outcome === true) ok += 1;
          else failures.push(failures.length < 5 ? outcome : outcome.slice(0, 3));
        } catch (error) {
          failures.push(String(error));
        }
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const cpu1 = cpuNow(server);
  sampling = false;
  await sampleLoop;
  sender.close();
  const n = Math.max(1, states.samples);
  return {
    label,
    path: urlPath,
    sent: latencies.length,
    ok,
    failures,
    latencies,
    wallMs,
    cpu: { server: cpu1.server - cpu0.server, postgres: cpu1.postgres - cpu0.postgres, client: cpu1.client - cpu0.client },
    waits: sampler
      ? {
          samples: states.samples,
          running: states.running / n,
          waitingForLock: states.waitingForLock / n,
          idleInTransaction: states.idleInTransaction / n,
          idle: states.idle / n,
        }
      : null,
    stoppedEarly,
  };
}

/**
 * Samples what the database's other connections are doing every 50 ms (PostgreSQL only): the
 * statement and what it waits on. Returns a function that stops and gives the commonest, as
 * shares of the samples.
 */
function sampleStatements(sampler: postgres.Sql | null): () => Promise<string> {
  if (!sampler) return async () => "not sampled (PGlite)";
  const seen = new Map<string, number>();
  let samples = 0;
  let idle = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await sampler<{ query: string; wait: string | null }[]>`
        select left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as query, wait_event_type || ':' || wait_event as wait
        from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and state = 'active'`;
      samples += 1;
      if (rows.length === 0) idle += 1;
      for (const r of rows) {
        const key = `${r.query}… (${r.wait ?? "on CPU"})`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    const top = [...seen].sort((a, b) => b[1] - a[1]).slice(0, 4);
    const share = (n: number) => `${Math.round((100 * n) / Math.max(1, samples))}%`;
    return [...top.map(([k, n]) => `\`${k}\` ${share(n)}`), `no statement running (the work is in Node, or between statements) ${share(idle)}`].join("; ");
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function describeWave(w: Wave) {
  const sorted = [...w.latencies].sort((a, b) => a - b);
  const perSecond = w.ok / (w.wallMs / 1000);
  const result = {
    perSecond,
    median: median(sorted),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    cpuServer: w.cpu.server / Math.max(1, w.sent),
    cpuPostgres: w.cpu.postgres / Math.max(1, w.sent),
    cpuClient: w.cpu.client / Math.max(1, w.sent),
  };
  log(
    `${w.label}: ${fmt(w.ok)} of ${fmt(w.sent)} cast in ${(w.wallMs / 1000).toFixed(1)} s = ${perSecond.toFixed(0)} ballots/s; ` +
      `median ${result.median.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(0)} ms; CPU per ballot: ` +
      `server ${result.cpuServer.toFixed(1)} ms, PostgreSQL ${result.cpuPostgres.toFixed(1)} ms, client ${result.cpuClient.toFixed(1)} ms` +
      (w.waits ? `; connections on average: ${w.waits.running.toFixed(1)} running, ${w.waits.waitingForLock.toFixed(1)} waiting for a lock, ${w.waits.idleInTransaction.toFixed(1)} idle in transaction` : "") +
      (w.failures.length ? `; ${w.failures.length} failed, first: ${w.failures[0]}` : ""),
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// The run

const target = await makeTarget();
log(`Database: ${target.label}`);
let database = await target.open();
await database.migrate();
const voting = WARMUP + BALLOTS + DATA_BALLOTS + ENDPOINT_BALLOTS;
const { pollId, voters, directVoters, openMs, fillMs } = await populate(database, voting, DIRECT_BALLOTS);
log(`${fmt(ROLL)} members and ${fmt(voting)} sessions in ${(fillMs / 1000).toFixed(1)} s; poll opened on all ${fmt(ROLL)} in ${(openMs / 1000).toFixed(1)} s`);
await database.close();

const port = await freePort(Number(process.env.BENCH_PORT ?? 3177));
const server = await startServer(port, target.serverEnv);
log(`Server (server.ts) ready on 127.0.0.1:${port}; casting with ${CONCURRENCY} requests in flight`);
const pagePath = `/polls/${pollId}`;
const dataPath = `/polls/${pollId}.data?index`;
const endpointPath = castEndpointPath(pollId);
const documentReceipt = /<p class="receipt">[a-z2-7]{32}<\/p>/;
const waves: Wave[] = [];
try {
  // Warm-up (not measured): JIT, connection pools, the route modules.
  const warm = await castWave("warm-up", pagePath, httpSender(port, pagePath, voters.slice(0, WARMUP), documentReceipt), server, null);
  if (warm.ok !== WARMUP) throw new Error(`warm-up: ${warm.failures.slice(0, 3).join(" | ")}`);
  waves.push(
    await castWave("HTML form (no JavaScript)", pagePath, httpSender(port, pagePath, voters.slice(WARMUP, WARMUP + BALLOTS), documentReceipt), server, target.sampler),
  );
  // What the Remix Form sends when JavaScript runs (single fetch): the action's data only.
  waves.push(
    await castWave(
      "Remix data request (JavaScript)",
      dataPath,
      httpSender(port, dataPath, voters.slice(WARMUP + BALLOTS, WARMUP + BALLOTS + DATA_BALLOTS), /"receipt","[a-z2-7]{32}"/),
      server,
      target.sampler,
    ),
  );
  // What the ballot page's "Cast my vote" sends when JavaScript runs: the ballot endpoint, ahead of Remix.
  waves.push(
    await castWave(
      "ballot endpoint (JavaScript)",
      endpointPath,
      httpSender(port, endpointPath, voters.slice(WARMUP + BALLOTS + DATA_BALLOTS), /"receipt":"[a-z2-7]{32}"/),
      server,
      target.sampler,
    ),
  );
} finally {
  await stopServer(server);
}

// The same ballot box without HTTP or Remix, from this process, on a pool as large as the server's.
database = await target.open(10);
const direct = await castWave(
  "ballot box in-process, no HTTP",
  "",
  {
    count: directVoters.length,
    async send(i) {
      const v = directVoters[i]!;
      const cast = await ballotBoxFor(database.db).cast({ pollId, userId: v.userId, read: () => ({ ok: true, ranking: v.ranking }) });
      return cast.ok ? true : cast.code;
    },
    close() {},
  },
  null,
  target.sampler,
);
const described = [...waves, direct].map(describeWave);
await database.close();

// Closing and counting, from this process (the server is stopped: nothing else is writing).
database = await target.open();
const cast = waves.reduce((n, w) => n + w.ok, WARMUP + direct.ok);
const castBefore = await ballotsCast(database.db, pollId);
// What the poll page's loader pays on every view while voting: the running count, summed over the strands.
const ballotsCastTimes: number[] = [];
for (let i = 0; i < 15; i += 1) {
  const t = performance.now();
  await ballotsCast(database.db, pollId);
  ballotsCastTimes.push(performance.now() - t);
}
const ballotsCastMs = median(ballotsCastTimes);
// Every insert that references the poll (the voter's mark, the ballot) looks its row up for the
// foreign key; casting no longer updates that row (decision 025): has it stayed small?
const pollsTable = target.sampler
  ? (await target.sampler<{ dead: string; kib: string }[]>`
      select n_dead_tup::text as dead, (pg_relation_size('polls') / 1024)::text as kib from pg_stat_user_tables where relname = 'polls'`)[0]
  : undefined;
const stopSampling = sampleStatements(target.sampler);
const tClose = performance.now();
const closed = await closePoll(database.db, actor, pollId);
const closeMs = performance.now() - tClose;
const closeSamples = await stopSampling();
if (!closed.ok) throw new Error(`close failed: ${closed.code}`);
const tVerify = performance.now();
const verified = await verifyPoll(database.db, pollId);
const verifyMs = performance.now() - tVerify;
const published = await getPublication(database.db, pollId);
const loaded = await loadRules(database.db, pollId);
if (!published || !loaded) throw new Error("no publication");
const contents = published.publication.contents;
const countTimes: number[] = [];
let report = countPoll(loaded.rules, contents, loaded.poll.rollSize);
for (let i = 0; i < 7; i += 1) {
  const t = performance.now();
  report = countPoll(loaded.rules, contents, loaded.poll.rollSize);
  countTimes.push(performance.now() - t);
}
const countMs = median(countTimes);
const elected = report.kind === "ranked" ? report.report.elected.join(", ") : "";
await database.close();
await target.cleanup();

const consistent = castBefore === cast && published.ballotCount === cast && published.voted === cast && verified.ok;
log(
  `closePoll (check the chain, rewrite ${fmt(cast)} ballots and voters, count): ${(closeMs / 1000).toFixed(2)} s; ` +
    `count alone ${countMs.toFixed(1)} ms; verifyPoll ${(verifyMs / 1000).toFixed(2)} s; ballotsCast ${ballotsCastMs.toFixed(1)} ms; ` +
    `${fmt(published.ballotCount)} ballots published for ${fmt(cast)} receipts: ${consistent ? "consistent" : "NOT CONSISTENT"}`,
);
log(`While closePoll ran, the database was busy with: ${closeSamples}`);

const met = (d: (typeof described)[number]) => d.perSecond >= TARGET_PER_SECOND && d.p99 < TARGET_P99_MS;
const waitNote = (w: Wave) =>
  w.waits
    ? `${w.waits.running.toFixed(1)} running, ${w.waits.waitingForLock.toFixed(1)} waiting for a lock, ${w.waits.idleInTransaction.toFixed(1)} idle in a transaction`
    : "not sampled (PGlite)";
const row = (w: Wave, d: (typeof described)[number], what: string) =>
  `| ${what} | ${fmt(w.ok)}${w.stoppedEarly ? " (stopped at the time limit)" : ""} | **${d.perSecond.toFixed(0)}** | ${d.median.toFixed(1)} | **${d.p99.toFixed(1)}** | ${d.max.toFixed(0)} | ${fmt(w.failures.length)} | ${met(d) ? "met" : "NOT met"} |`;
const directD = described[described.length - 1]!;
const section = `## ${HEADING}

Run with \`npm run bench:ballots\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine(loadBefore)}.
Database: ${target.label}. One run.

${fmt(ROLL)} members on the frozen roll of one IRV election (five candidates and re-open
nominations), each voter with their own session; rankings of one to six options drawn with a
seeded generator. The real server (\`server.ts\`, production mode, its default pool of 10 database
connections, in a child process) serves 127.0.0.1:${port}; a client in the benchmark's process keeps
**${CONCURRENCY} requests in flight** over keep-alive connections. Each request goes through the full
stack: Express, compression (the client accepts gzip), the origin check, the session lookup; then
either Remix (the page's action, and for the HTML form the page's loaders and server render that
show the receipt) or the ballot endpoint that the page's "Cast my vote" uses when JavaScript runs
(decision 025). Both cast through the server's ballot box: ballots arriving together are checked
against their poll's rules and written in one transaction (the voters' marks, a free strand of the
poll's chain, the chained ballots). The client, the server and PostgreSQL share the machine's
${os.cpus().length} cores. A request counts as cast only when its answer shows a receipt. ${fmt(WARMUP)} ballots were
cast first to warm up, not measured. The last row calls the ballot box directly, ${CONCURRENCY} at once on a
pool of 10, with no HTTP and no Remix: what the database part alone allows.

| what is sent | ballots | ballots/s | median ms | p99 ms | max ms | failed | target (${TARGET_PER_SECOND}/s, p99 < ${TARGET_P99_MS} ms) |
|---|---:|---:|---:|---:|---:|---:|---|
${waves.map((w, i) => row(w, described[i]!, `${w.label}: POST \`${w.path.replace(pollId, ":id")}\``)).join("\n")}
${row(direct, directD, "ballot box in-process, no HTTP")}

The target is judged on the ballot endpoint: it is what the ballot page's "Cast my vote" sends
in every browser that runs JavaScript. Without JavaScript the same ballot box casts the ballot,
but the answer is the whole page, routed and rendered by Remix (the first row); the second row is
what the page's action alone costs as a Remix data request (decision 025 explains the costs).

Where the time goes: CPU time per ballot, from /proc (PostgreSQL is every postgres process on the
machine, so an upper bound; "client" is the benchmark's process, which for the last row is the one
running the ballot box), and where the database connections were (pg_stat_activity, sampled every
50 ms; "idle in a transaction" is a transaction waiting for Node to send its next statement):

| what is sent | server process ms | PostgreSQL ms | client ms | connections on average |
|---|---:|---:|---:|---|
${waves.map((w, i) => `| ${w.label} | ${described[i]!.cpuServer.toFixed(1)} | ${described[i]!.cpuPostgres.toFixed(1)} | ${described[i]!.cpuClient.toFixed(1)} | ${waitNote(w)} |`).join("\n")}
| ballot box in-process | - | ${directD.cpuPostgres.toFixed(1)} | ${directD.cpuClient.toFixed(1)} | ${waitNote(direct)} |

Afterwards, with ${fmt(cast)} ballots in the poll:

| step | time |
|---|---:|
| filling: ${fmt(ROLL)} members, ${fmt(voting)} sessions | ${(fillMs / 1000).toFixed(1)} s |
| \`openPoll\`: freezing the roll of ${fmt(ROLL)} | ${(openMs / 1000).toFixed(1)} s |
| \`ballotsCast\` (the running count on the poll page, summed over the chain's strands; median of 15) | ${ballotsCastMs.toFixed(1)} ms |
${pollsTable ? `| the \`polls\` table before closing (not updated by casting): ${fmt(Number(pollsTable.dead))} dead row version(s) | ${fmt(Number(pollsTable.kib))} KiB |\n` : ""}| \`closePoll\`: lock, check the voting chain's strands, rewrite the ballots and voters, count, store | ${(closeMs / 1000).toFixed(2)} s |
| the count alone (\`countPoll\` over the ${fmt(contents.length)} published ballots, median of 7) | ${countMs.toFixed(1)} ms |
| \`verifyPoll\`: chain, numbers and recount | ${(verifyMs / 1000).toFixed(2)} s |

While \`closePoll\` ran, the database was busy with (share of samples every 50 ms): ${closeSamples}.

Elected: ${elected || "nobody"}. Receipts given: ${fmt(cast)}; ballots cast before closing (the strands' counts): ${fmt(castBefore)};
ballots published: ${fmt(published.ballotCount)}; voters marked: ${fmt(published.voted)}; \`verifyPoll\`: ${verified.ok ? "ok" : `failed (${verified.problem})`}.
`;
writeBenchmarkSection(path.join(repoRoot, "docs/benchmarks.md"), HEADING, section);
process.stdout.write(`\n${section}`);
if (!consistent) process.exitCode = 1;
