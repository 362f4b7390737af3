// npm run bench:campaign: how fast the campaign page's figures come with 100,000 pledges, from
// the running totals (what the page uses) and, for comparison, by scanning the pledges. Runs on
// embedded PGlite, and on PostgreSQL when TEST_DATABASE_URL is set; writes "## Campaign figures"
// into docs/benchmarks.md.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { seededRandom } from "../app/modules/ballots/index";
import { postcodeAreas } from "../app/modules/pledges/regions";
import { campaignFigures, rebuildCounts } from "../app/modules/pledges/counts.server";
import { openPglite, openPostgres, type Database } from "../app/utils/db.server";
import { pledges } from "../db/schema";
import { loadNow, machineLine, median, writeBenchmarkSection } from "./benchmarks-doc";

const PLEDGES = 100_000;
const RUNS = 30;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const loadBefore = loadNow();

async function fill(database: Database) {
  const random = seededRandom("campaign-bench");
  const areas = [...postcodeAreas.entries()];
  const relations = ["member", "former_member", "supporter"] as const;
  const start = Date.now() - 60 * 86_400_000;
  for (let i = 0; i < PLEDGES; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, PLEDGES - i) }, (_, k) => {
      const [area, region] = areas[Math.floor(random() * areas.length)]!;
      const created = new Date(start + random() * 59 * 86_400_000);
      const confirmed = random() < 0.9;
      return {
        name: `Bench ${i + k}`,
        email: `bench${i + k}@example.org`,
        postcode: `${area}1 1AA`,
        region,
        relation: relations[Math.floor(random() * 3)]!,
        monthlySubscriptionPence: Math.floor(random() * 2000),
        consentContact: true,
        consentDataUse: true,
        consentVersion: "bench",
        createdAt: created,
        confirmedAt: confirmed ? new Date(created.getTime() + 3_600_000) : null,
        withdrawnAt: confirmed && random() < 0.03 ? new Date(created.getTime() + 86_400_000) : null,
      };
    });
    await database.db.insert(pledges).values(rows);
  }
  await database.db.transaction((tx) => rebuildCounts(tx));
}

async function timeIt(task: () => Promise<unknown>): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await task();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function measure(label: string, database: Database) {
  await database.migrate();
  const t0 = performance.now();
  await fill(database);
  const fillMs = performance.now() - t0;
  const fromTotals = await timeIt(() => campaignFigures(database.db));
  // What the page would cost without the running totals: a scan of every pledge.
  const byScan = await timeIt(() =>
    database.db.execute(sql`select region, relation, count(*), sum(coalesce(monthly_subscription_pence, 0)) from pledges
      where confirmed_at is not null and withdrawn_at is null group by region, relation`),
  );
  const figures = await campaignFigures(database.db);
  return { label, fillMs, fromTotals, byScan, pledged: figures.pledged };
}

const results = [];
const lite = await openPglite(undefined);
results.push(await measure("embedded PGlite (in memory)", lite));
await lite.close();
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = "breakaway_bench_campaign";
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const pg = openPostgres(u.toString(), { max: 2 });
  results.push(await measure("PostgreSQL server", pg));
  await pg.close();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

const section = `## Campaign figures

Run with \`npm run bench:campaign\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine(loadBefore)}.
${PLEDGES.toLocaleString("en-GB")} pledges over 60 days in every postcode area (90% confirmed, 3% of those withdrawn).
Median of ${RUNS} runs after a warm-up. The campaign page reads the running totals
(\`pledge_daily_counts\`, kept in the same transaction as each confirmation or withdrawal); the
scan is what it would cost to count the pledges on every request instead.

| database | figures from running totals (ms) | same figures by scanning pledges (ms) | loading the pledges (s) | confirmed pledges |
|---|---:|---:|---:|---:|
${results.map((r) => `| ${r.label} | ${r.fromTotals.toFixed(1)} | ${r.byScan.toFixed(1)} | ${(r.fillMs / 1000).toFixed(1)} | ${r.pledged.toLocaleString("en-GB")} |`).join("\n")}

The running totals hold one row per day, region and relation (a few thousand rows at most over a
campaign), so the page's cost does not grow with the number of pledges.
`;
writeBenchmarkSection(path.join(repoRoot, "docs/benchmarks.md"), "Campaign figures", section);
process.stdout.write(section);
