// npm run test:durations: runs the vitest files once (the PostgreSQL server of TEST_DATABASE_URL, as in
// CI) and writes how long each took into tests/support/test-durations.json, which the sequencer
// (tests/support/heaviest-first.ts) reads to start the longest files first. Run it when files are
// added or become much slower or faster; the order only changes how soon the run ends. Arguments
// go to vitest: given files, only their durations are written (for trying it; CI's order wants a full run).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface JsonReport {
  testResults: { name: string; startTime: number; endTime: number }[];
}

const root = path.resolve(import.meta.dirname, "..");
const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-durations-"));
const report = path.join(folder, "report.json");
try {
  const run = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.error("The test run failed: durations not written (they are only worth keeping from a run that passed).");
    process.exit(1);
  }
  const { testResults } = JSON.parse(readFileSync(report, "utf8")) as JsonReport;
  const seconds = Object.fromEntries(
    testResults.map((r) => [path.relative(root, r.name), Math.round((r.endTime - r.startTime) / 100) / 10] as const).sort(([, a], [, b]) => b - a),
  );
  const file = path.join(root, "tests/support/test-durations.json");
  writeFileSync(file, `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), seconds }, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(seconds).length} files' durations to ${path.relative(root, file)}.`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
