// npm run bench:import   (tsx bench/import.bench.ts)
//
// Imports 100,000 generated sign-up rows into a fresh embedded PGlite database and, when
// TEST_DATABASE_URL is set, into a fresh database on that PostgreSQL server; prints rows per
// second and total time, and writes the results into docs/benchmarks.md under "## Pledge import"
// (replacing that section if present, leaving every other section alone). Target: under 60 s.
// The rows are drawn with a seeded generator, so every run imports the same file.
import { mkdtempSync, rmSync } from "node:fs";
import { writeBenchmarkSection } from "./benchmarks-doc";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { systemActor } from "../app/modules/audit/audit.server";
import { seededRandom } from "../app/modules/ballots/index";
import { postcodeAreas } from "../app/modules/pledges/regions";
import { campaignFigures } from "../app/modules/pledges/counts.server";
import { BATCH_SIZE, createImportPreview, runImport } from "../app/modules/pledges/import.server";
import { openPglite, openPostgres, type Database } from "../app/utils/db.server";

const ROWS = 100_000;
const TARGET_MS = 60_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const docPath = path.join(repoRoot, "docs", "benchmarks.md");
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ");

/**
 * A sign-up form's export: 2% of rows repeat an earlier address (people who signed twice), 1%
 * have a postcode from nowhere, a third are confirmed, members give a number and a subscription.
 */
function generateFile(rows: number): string {
  const random = seededRandom("pledge import benchmark");
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const areas = [...postcodeAreas.keys()];
  const letters = "ABDEFGHJLNPQRSTUWXYZ";
  const firstNames = [
    "Ann",
    "Bilal",
    "Catriona",
    "Dev",
    "Eilidh",
    "Femi",
    "Gareth",
    "Hannah",
    "Iqbal",
    "Jo",
    "Kwame",
    "Lowri",
    "Mohammed",
    "Niamh",
    "Owen",
    "Priya",
  ];
  const lastNames = ["Smith", "Jones", "Khan", "Williams", "Brown", "Taylor", "Davies", "Evans", "Patel", "Campbell", "Murphy", "O'Neill", "Hughes", "Ali"];
  const statuses = ["Member", "Member", "Member", "Lapsed", "Supporter", "Not a member"];
  const lines = [
    "First name,Last name,Email,Postcode,Membership status,Membership number,Monthly subscription,Consent to contact,Privacy consent,Signed up,Confirmed",
  ];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) {
    const n = random() < 0.02 && i > 0 ? Math.floor(random() * i) : i;
    const status = pick(statuses);
    const member = status === "Member";
    const postcode =
      random() < 0.01 ? "QQ1 1QQ" : `${pick(areas)}${1 + Math.floor(random() * 9)} ${Math.floor(random() * 10)}${pick([...letters])}${pick([...letters])}`;
    const signed = new Date(start + Math.floor(random() * 300 * 86_400_000));
    const signedText = `${String(signed.getUTCDate()).padStart(2, "0")}/${String(signed.getUTCMonth() + 1).padStart(2, "0")}/${signed.getUTCFullYear()} ${String(signed.getUTCHours()).padStart(2, "0")}:${String(signed.getUTCMinutes()).padStart(2, "0")}`;
    const confirmed = random() < 0.33 ? new Date(signed.getTime() + 3_600_000).toISOString() : "";
    lines.push(
      [
        pick(firstNames),
        `"${pick(lastNames)}"`,
        `person${n}@example.org`,
        postcode,
        status,
        member ? `M${100000 + n}` : "",
        member ? `£${(3 + Math.floor(random() * 8)).toFixed(2)}` : "",
        random() < 0.6 ? "Yes" : "No",
        "Yes",
        signedText,
        confirmed,
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

interface Measured {
  driver: string;
  previewMs: number;
  runMs: number;
  totalMs: number;
  reimportMs: number;
  inserted: number;
  merged: number;
  errors: number;
  pledged: number;
}

async function measure(driver: string, database: Database, fileText: string): Promise<Measured> {
  const actor = systemActor("benchmark");
  await database.migrate();
  const t0 = performance.now();
  const preview = await createImportPreview(database.db, actor, { fileName: "benchmark.csv", fileText });
  if (!preview.ok) throw new Error(preview.code);
  const t1 = performance.now();
  const result = await runImport(database.db, actor, preview.importId, preview.preview.mapping, false);
  const t2 = performance.now();
  if (!result.ok) throw new Error(result.code);
  // The same file again: every row is someone already held, so nothing may change.
  const again = await createImportPreview(database.db, actor, { fileName: "benchmark.csv", fileText });
  if (!again.ok) throw new Error(again.code);
  const second = await runImport(database.db, actor, again.importId, again.preview.mapping, false);
  const t3 = performance.now();
  if (!second.ok || second.inserted !== 0) throw new Error("re-import changed something");
  const figures = await campaignFigures(database.db);
  const measured = {
    driver,
    previewMs: t1 - t0,
    runMs: t2 - t1,
    totalMs: t2 - t0,
    reimportMs: t3 - t2,
    inserted: result.inserted,
    merged: result.merged,
    errors: result.errors,
    pledged: figures.pledged,
  };
  process.stdout.write(
    `${driver}: ${ROWS.toLocaleString("en-GB")} rows in ${(measured.totalMs / 1000).toFixed(1)} s ` +
      `(${Math.round(ROWS / (measured.totalMs / 1000)).toLocaleString("en-GB")} rows/s; upload and preview ${(measured.previewMs / 1000).toFixed(1)} s, ` +
      `run ${(measured.runMs / 1000).toFixed(1)} s; re-import ${(measured.reimportMs / 1000).toFixed(1)} s)\n`,
  );
  return measured;
}

async function onPglite(fileText: string): Promise<Measured> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-bench-"));
  const database = await openPglite(folder);
  try {
    return await measure("Embedded PGlite (data folder on disk)", database, fileText);
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function onPostgres(serverUrl: string, fileText: string): Promise<Measured> {
  const name = `bk_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 5 });
  try {
    const [version] = await admin`show server_version`;
    return await measure(`PostgreSQL ${String(version?.server_version ?? "").split(" ")[0]} (local server)`, database, fileText);
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const fileText = generateFile(ROWS);
process.stdout.write(`Generated ${ROWS.toLocaleString("en-GB")} rows, ${(fileText.length / 2 ** 20).toFixed(1)} MB.\n`);
const results: Measured[] = [await onPglite(fileText)];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) results.push(await onPostgres(serverUrl, fileText));
else process.stdout.write("TEST_DATABASE_URL is not set: PostgreSQL skipped.\n");

const cpus = os.cpus();
const date = new Date().toISOString().slice(0, 10);
const s = (ms: number) => (ms / 1000).toFixed(1);
const first = results[0]!;
const section = `## Pledge import

Run with \`npm run bench:import\` on ${date}: Node ${process.version}, ${os.platform()} ${os.arch()},
${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM,
load average ${loadBefore} before the run and ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ")} after.
One run each, into a fresh database.

The file: ${ROWS.toLocaleString("en-GB")} rows (${(fileText.length / 2 ** 20).toFixed(1)} MB) as a sign-up form exports them, drawn
with a seeded generator: 2% repeat an earlier email address, 1% have a postcode from no known
area, a third carry a confirmation date, members give a number and a subscription. The import
ran in transactions of ${BATCH_SIZE.toLocaleString("en-GB")} rows: ${first.inserted.toLocaleString("en-GB")} new pledges, ${first.merged.toLocaleString("en-GB")} merged,
${first.errors.toLocaleString("en-GB")} rows with problems, ${first.pledged.toLocaleString("en-GB")} confirmed pledges counted.
"Upload and preview" reads the file, guesses the mapping and stores it; "run" maps, checks and
writes every row, moves the campaign totals and builds the errors file; "re-import" is the same
file uploaded and run again (every row merged, nothing changed). Target: under 60 s.

| database | upload and preview s | run s | **total s** | rows/s | re-import s | target |
|---|---:|---:|---:|---:|---:|---|
${results
  .map(
    (r) =>
      `| ${r.driver} | ${s(r.previewMs)} | ${s(r.runMs)} | **${s(r.totalMs)}** | ${Math.round(ROWS / (r.totalMs / 1000)).toLocaleString("en-GB")} | ${s(r.reimportMs)} | ${r.totalMs < TARGET_MS ? "met" : "NOT met"} |`,
  )
  .join("\n")}
${serverUrl ? "" : "\nPostgreSQL was not measured (TEST_DATABASE_URL was not set).\n"}`;

writeBenchmarkSection(docPath, "Pledge import", section);
process.stdout.write(`\nWritten to ${path.relative(repoRoot, docPath)}\n`);
if (results.some((r) => r.totalMs >= TARGET_MS)) process.exitCode = 1;
