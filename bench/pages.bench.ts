// npm run bench:pages   (tsx bench/pages.bench.ts [--pledges 100000] [--members 10000] [--runs 20] [--only <pattern>])
//
// Every page a member or an organiser opens, timed against /healthz in the same run, with
// 100,000 pledges, 10,000 founding members on the roll and a 60-clause draft (the 40 model
// clauses and 20 more), written in bulk. The built app runs in this process behind the same HTTP
// handler as server.ts (createHttpApp) on 127.0.0.1, so that the event loop's delay can be read
// here (perf_hooks.monitorEventLoopDelay): its worst stall is measured while an organiser
// downloads the pledge export. Goal (issue 16): every page's median within 10x /healthz's, and no
// stall over 50 ms. Runs on a fresh database on the PostgreSQL server when TEST_DATABASE_URL is
// set, otherwise on embedded PGlite (slow at this size). Needs build/ (npx remix build). Writes
// "## Pages against /healthz" into docs/benchmarks.md (not with smaller sizes than the default).
process.env.NODE_ENV ??= "production";

import type { AddressInfo } from "node:net";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { ServerBuild } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { asc, isNull, sql } from "drizzle-orm";
import { createHttpApp } from "../app/http/http-app.server";
import { systemActor } from "../app/modules/audit/audit.server";
import { createSession, SESSION_COOKIE } from "../app/modules/auth/session.server";
import { startDraft } from "../app/modules/constitution/drafting.server";
import { loadModelConstitution } from "../app/modules/constitution/model";
import type { UploadedClause } from "../app/modules/constitution/upload";
import { rebuildCounts } from "../app/modules/pledges/counts.server";
import { exportRecord } from "../app/modules/pledges/export.server";
import { exportHeaders } from "../app/modules/pledges/import-messages";
import { grantRole } from "../app/modules/users/users.server";
import type { Db } from "../app/utils/db.server";
import { parseEnv } from "../app/utils/env.server";
import { foundingMembers, movement, pledges } from "../db/schema";
import { onBenchDatabase } from "./bench-database";
import { freePort } from "./bench-server";
import { loadNow, machineLine, median, percentile, writeBenchmarkSection } from "./benchmarks-doc";

const { values: args } = parseArgs({
  options: {
    pledges: { type: "string", default: "100000" },
    members: { type: "string", default: "10000" },
    runs: { type: "string", default: "20" },
    only: { type: "string" },
  },
});
const PLEDGES = Number(args.pledges);
const MEMBERS = Number(args.members);
const RUNS = Number(args.runs);
// --only: the pages whose "path as-who" matches, for profiling one page; skips the export and writes nothing.
const ONLY = args.only === undefined ? null : new RegExp(args.only);
const FULL_SIZE = PLEDGES >= 100_000 && MEMBERS >= 10_000 && RUNS >= 20 && ONLY === null;
if (!(MEMBERS <= PLEDGES)) throw new Error("--members must be at most --pledges: every founding member has a pledge");
const RATIO_GOAL = 10;
const STALL_GOAL_MS = 50;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const loadBefore = loadNow();
const log = (message: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Pledges, founding members and the draft, in bulk statements: what the pages read, at full size. */
async function fill(db: Db) {
  await db.insert(movement).values({
    name: "Breakaway Benchmark",
    partyName: "the Old Party",
    statement: "We leave together.",
    deadline: new Date(Date.now() - 30 * 86_400_000),
    phase: "founding",
  });
  const regions = [
    "London",
    "Scotland",
    "Wales",
    "North West",
    "North East",
    "South West",
    "South East",
    "East of England",
    "West Midlands",
    "East Midlands",
    "Yorkshire and the Humber",
    "Northern Ireland",
  ];
  await db.execute(sql`
    insert into pledges (name, email, postcode, region, relation, membership_number, monthly_subscription_pence,
                         consent_contact, consent_data_use, consent_version, created_at, confirmed_at, withdrawn_at)
    select 'Pledger ' || i, 'pledger' || i || '@example.org', 'SW1A 1AA',
           (string_to_array(${regions.join("|")}, '|'))[1 + i % ${regions.length}],
           (array['member','former_member','supporter'])[1 + i % 3],
           case when i % 3 = 0 then 'M' || i end, i % 2500, i % 2 = 0, true, 'bench',
           now() - interval '60 days' + (i * interval '50 ms'),
           case when i % 10 <> 0 then now() - interval '59 days' + (i * interval '50 ms') end,
           case when i % 40 = 1 then now() - interval '10 days' end
      from generate_series(1, ${PLEDGES}) as i`);
  await db.transaction((tx) => rebuildCounts(tx));
  // Founding members: the first MEMBERS confirmed pledgers, with accounts, on the roll.
  await db.execute(sql`
    with chosen as (
      select id, email, name from pledges where confirmed_at is not null and withdrawn_at is null order by created_at limit ${MEMBERS}
    ), made as (
      insert into users (email, display_name) select email, name from chosen returning id, email
    ), linked as (
      update pledges p set user_id = made.id from made where p.email = made.email returning p.id as pledge_id, made.id as user_id
    )
    insert into founding_members (user_id, pledge_id, accepted_at, membership_number, statement_version, consent_version, must_resign)
    select user_id, pledge_id, now() - interval '7 days', row_number() over (order by user_id), 'bench', 'bench', false from linked`);

  const organiser = await grantRole(db, { email: "organiser@example.org", displayName: "Olwen Organiser", role: "organiser", actor: systemActor("benchmark") });
  if (!organiser.ok) throw new Error(organiser.code);
  const model = await loadModelConstitution(path.join(repoRoot, "constitution/clauses"));
  const clauses: UploadedClause[] = model.map((c) => ({ id: c.id, title: c.title, text: c.body, entrenched: c.entrenched, covers: c.covers }));
  for (let i = 0; clauses.length < 60; i++) {
    const c = model[i % model.length]!;
    clauses.push({ id: `${c.id}-more`, title: `${c.title} (further provisions)`, text: c.body, entrenched: false, covers: [] });
  }
  const started = await startDraft(db, { id: organiser.userId, label: "organiser@example.org" }, { kind: "upload", clauses });
  if (!started.ok) throw new Error(`draft: ${started.code}`);
  const [founder] = await db.select({ id: foundingMembers.userId }).from(foundingMembers).limit(1);
  if (!founder) throw new Error("no founding member");
  const cookie = async (userId: string) => `${SESSION_COOKIE}=${(await createSession(db, userId)).token}`;
  return { organiser: await cookie(organiser.userId), member: await cookie(founder.id), clauseId: clauses[0]!.id };
}

interface Timing {
  page: string;
  who: string;
  status: number;
  median: number;
  p95: number;
  bytes: number;
  healthz: number;
}

async function get(base: string, page: string, cookie: string | null): Promise<{ status: number; bytes: number; ms: number }> {
  const t = performance.now();
  const res = await fetch(`${base}${page}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Encoding": "gzip" }, redirect: "manual" });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { status: res.status, bytes, ms: performance.now() - t };
}

/** A download read as it arrives and thrown away, as a browser writing it to disk would: none of it is kept here. */
async function download(base: string, page: string, cookie: string): Promise<{ status: number; bytes: number }> {
  const res = await fetch(`${base}${page}`, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" } });
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { status: res.status, bytes };
}

/** A page's median and p95 over RUNS requests, with /healthz's median over the same stretch of time (alternating). */
async function timePage(base: string, page: string, who: string, cookie: string | null): Promise<Timing> {
  for (let i = 0; i < 3; i++) await get(base, page, cookie);
  const times: number[] = [];
  const health: number[] = [];
  let status = 0;
  let bytes = 0;
  // The process's CPU time over the runs (server and this client both): near the wall time, a page
  // is held up by work; well under it, by waiting for the database.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    health.push((await get(base, "/healthz", null)).ms);
    const r = await get(base, page, cookie);
    times.push(r.ms);
    status = r.status;
    bytes = r.bytes;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / RUNS;
  const row = { page, who, status, median: median(times), p95: percentile(times, 95), bytes, healthz: median(health) };
  log(
    `${page.padEnd(40)} ${who.padEnd(9)} ${status}  median ${row.median.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  /healthz ${row.healthz.toFixed(1)} ms  ${(row.median / row.healthz).toFixed(1)}x  ${(bytes / 1024).toFixed(0)} KiB  CPU ${cpuPerRun.toFixed(1)} ms a run`,
  );
  return row;
}

/** The export downloaded whole while /healthz is asked every 20 ms: the worst event-loop stall and the slowest /healthz meanwhile. */
async function exportStall(base: string, cookie: string) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let done = false;
  const probes: number[] = [];
  histogram.enable();
  const t = performance.now();
  const exporting = download(base, "/campaign/export.csv", cookie).finally(() => (done = true));
  while (!done) {
    probes.push((await get(base, "/healthz", null)).ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  const exported = await exporting;
  const ms = performance.now() - t;
  histogram.disable();
  const stall = histogram.max / 1e6;
  const p99 = histogram.percentile(99) / 1e6;
  log(
    `export: ${exported.status}, ${(exported.bytes / 1024 / 1024).toFixed(1)} MiB in ${(ms / 1000).toFixed(1)} s; worst event-loop delay ${stall.toFixed(1)} ms (99th percentile ${p99.toFixed(1)} ms); /healthz meanwhile up to ${Math.max(...probes).toFixed(1)} ms (${probes.length} asked)`,
  );
  return { status: exported.status, bytes: exported.bytes, seconds: ms / 1000, stall, p99, healthzMax: Math.max(...probes), probes: probes.length };
}

/**
 * For comparison, the export as it was made before decision 043 (one query, the whole file built
 * at once), in this process, with the same probes: what a download did to everyone else.
 */
async function wholeFileStall(base: string, db: Db) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let done = false;
  const probes: number[] = [];
  histogram.enable();
  const t = performance.now();
  const making = (async () => {
    const rows = await db.select().from(pledges).where(isNull(pledges.erasedAt)).orderBy(asc(pledges.createdAt), asc(pledges.id));
    return "\uFEFF" + stringify([[...exportHeaders], ...rows.map(exportRecord)]);
  })().finally(() => (done = true));
  while (!done) {
    probes.push((await get(base, "/healthz", null)).ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  const file = await making;
  const seconds = (performance.now() - t) / 1000;
  histogram.disable();
  const stall = histogram.max / 1e6;
  log(
    `whole file at once (before): ${(file.length / 1024 / 1024).toFixed(1)} MiB in ${seconds.toFixed(1)} s; worst event-loop delay ${stall.toFixed(1)} ms; /healthz up to ${Math.max(...probes).toFixed(1)} ms`,
  );
  return { stall, seconds, healthzMax: Math.max(...probes) };
}

/** The same /healthz probes for as long, with no export: the stalls the machine itself causes (a shared machine, other processes). */
async function quietStall(base: string, seconds: number) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const probes: number[] = [];
  histogram.enable();
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    probes.push((await get(base, "/healthz", null)).ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  histogram.disable();
  const stall = histogram.max / 1e6;
  const p99 = histogram.percentile(99) / 1e6;
  log(
    `no export, ${seconds.toFixed(1)} s: worst event-loop delay ${stall.toFixed(1)} ms (99th percentile ${p99.toFixed(1)} ms); /healthz up to ${Math.max(...probes).toFixed(1)} ms`,
  );
  return { stall, p99, healthzMax: Math.max(...probes) };
}

await onBenchDatabase("pages", process.env.TEST_DATABASE_URL, async (database, label) => {
  const db = database.db;
  await database.migrate();
  let t = performance.now();
  const cookies = await fill(db);
  log(
    `${PLEDGES.toLocaleString("en-GB")} pledges, ${MEMBERS.toLocaleString("en-GB")} founding members and 60 clauses in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const build = (await import(pathToFileURL(path.join(repoRoot, "build/index.js")).href)) as ServerBuild;
  const port = await freePort(3470);
  const parsed = parseEnv({ DEMO_MODE: "false", APP_URL: `http://127.0.0.1:${port}`, NODE_ENV: "production" });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const server = createHttpApp({ build, db, env: parsed.env }).listen(port, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const member = cookies.member;
    const organiser = cookies.organiser;
    const pages: [string, string, string | null][] = [
      ["/", "visitor", null],
      ["/", "member", member],
      ["/campaign", "member", member],
      ["/pledge", "visitor", null],
      ["/founding", "member", member],
      ["/founding/standing-orders", "member", member],
      ["/constitution", "member", member],
      ["/constitution/full", "member", member],
      [`/constitution/clauses/${cookies.clauseId}`, "member", member],
      [`/constitution/read/${cookies.clauseId}`, "member", member],
      ["/constitution/compare", "member", member],
      ["/polls", "member", member],
      ["/elections", "member", member],
      ["/registration", "member", member],
      ["/account", "member", member],
      ["/", "organiser", organiser],
      ["/campaign/manage", "organiser", organiser],
      ["/campaign/import", "organiser", organiser],
      ["/founding", "organiser", organiser],
      ["/constitution/manage", "organiser", organiser],
      ["/roles", "organiser", organiser],
      ["/audit", "organiser", organiser],
      ["/registration/readiness", "organiser", organiser],
    ];
    t = performance.now();
    const rows: Timing[] = [];
    for (const [page, who, cookie] of pages) if (!ONLY || ONLY.test(`${page} ${who}`)) rows.push(await timePage(base, page, who, cookie));
    if (ONLY) return;
    const stall = await exportStall(base, organiser);
    const quiet = await quietStall(base, Math.max(1, stall.seconds));
    const before = await wholeFileStall(base, db);
    log(`measured in ${((performance.now() - t) / 1000).toFixed(0)} s`);

    const healthz = median(rows.map((r) => r.healthz));
    const misses = rows.filter((r) => r.median / r.healthz > RATIO_GOAL);
    const lines = [
      "## Pages against /healthz",
      "",
      `\`npm run bench:pages\` (decision 043): every page a member or organiser opens, with ${PLEDGES.toLocaleString("en-GB")} pledges, ${MEMBERS.toLocaleString("en-GB")} founding members on the roll and a 60-clause draft, on ${label}. ` +
        `The built app runs in the benchmark's own process behind server.ts's HTTP handler on 127.0.0.1; each page is asked ${RUNS} times after 3 warm-ups, each time just after /healthz, ` +
        `so the two are measured over the same stretch of time. Goal: every page's median within ${RATIO_GOAL}x /healthz's, and no event-loop stall over ${STALL_GOAL_MS} ms while the export runs.`,
      "",
      "| Page | As | Answer | Median | p95 | /healthz median | Ratio | Size |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map(
        (r) =>
          `| ${r.page.replace(cookies.clauseId, ":clause")} | ${r.who} | ${r.status} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.healthz.toFixed(1)} ms | ${(r.median / r.healthz).toFixed(1)}x | ${(r.bytes / 1024).toFixed(0)} KiB |`,
      ),
      "",
      `/healthz's median over the run: ${healthz.toFixed(1)} ms. ${misses.length === 0 ? `Every page is within ${RATIO_GOAL}x.` : `Over ${RATIO_GOAL}x: ${misses.map((r) => `${r.page.replace(cookies.clauseId, ":clause")} (${r.who}, ${(r.median / r.healthz).toFixed(1)}x)`).join(", ")}.`}`,
      "",
      `The pledge export (${(stall.bytes / 1024 / 1024).toFixed(1)} MiB, answer ${stall.status}) took ${stall.seconds.toFixed(1)} s, read 2,000 rows a query and sent in pieces of 500; meanwhile the worst event-loop delay was ${stall.stall.toFixed(1)} ms, the 99th percentile ${stall.p99.toFixed(1)} ms ` +
        `(${stall.stall <= STALL_GOAL_MS ? "within" : "over"} the ${STALL_GOAL_MS} ms goal) and /healthz, asked ${stall.probes} times, answered within ${stall.healthzMax.toFixed(1)} ms. ` +
        `For comparison, the same probes for as long with no export: worst delay ${quiet.stall.toFixed(1)} ms, 99th percentile ${quiet.p99.toFixed(1)} ms, /healthz within ${quiet.healthzMax.toFixed(1)} ms (what the machine's other work costs). ` +
        `Before (the whole file made at once, as until decision 043, in the same process): ${before.seconds.toFixed(1)} s, worst event-loop delay ${before.stall.toFixed(0)} ms, /healthz within ${before.healthzMax.toFixed(0)} ms.`,
      "",
      machineLine(loadBefore),
      "",
    ];
    if (FULL_SIZE) writeBenchmarkSection(path.join(repoRoot, "docs/benchmarks.md"), "Pages against /healthz", lines.join("\n"));
    console.log(lines.join("\n"));
  } finally {
    await new Promise((r) => server.close(r));
  }
});
