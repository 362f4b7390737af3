/**
 * Smoke tests for `npm run count` (scripts/count.ts), run as a real process through tsx.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, sharedDir } from "./test-support/shared-ballots";

function runCount(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, [path.join(repoRoot, "scripts", "count.ts"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run count", () => {
  const almond = path.join(sharedDir("scot2017-edinburgh-w01-almond"), "edinburgh_2017_ward1.blt");

  it("prints exactly one JSON object with --json, names as the file gives them", () => {
    const { status, stdout, stderr } = runCount(almond, "--json");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, 5)).toEqual(["method", "seats", "quota", "elected", "stages"]);
    expect(report).toMatchObject({
      method: "scottish-stv",
      seats: 4,
      quota: 2842,
      elected: ["Kevin LANG (LD)", "Louise YOUNG (LD)", "Graham HUTCHISON (C)", "Norrie WORK (SNP)"],
    });
    expect(report.stages).toHaveLength(10);
  });

  it("prints a readable table, and honours --method, --seats and --seed", () => {
    const table = runCount(almond, "--seats", "3", "--seed", "abc");
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("Scottish STV");
    expect(table.stdout).toContain('seed: "abc"');
    expect(table.stdout).toMatch(/Seats: 3\b/);
    const toi = path.join(sharedDir("burlington-2009-mayor"), "00005-00000002.toi");
    const schulze = JSON.parse(runCount(toi, "--method", "schulze", "--json").stdout) as { elected: string[] };
    expect(schulze.elected).toEqual(["Andy Montroll"]);
    const irv = JSON.parse(runCount(toi, "--method=irv", "--json").stdout) as { elected: string[]; quota: null };
    expect(irv).toMatchObject({ elected: ["Bob Kiss"], quota: null });
  });

  it("names the line and the problem of a bad file on stderr, and exits non-zero", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "count-cli-"));
    const bad = path.join(dir, "bad.blt");
    writeFileSync(bad, "3 1\n2 1 2 0\n1 1 7 0\n0\nA\nB\nC\nTitle\n");
    const { status, stdout, stderr } = runCount(bad, "--json");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${bad}: line 3: candidate 7 does not exist (candidates are numbered 1 to 3)\n`);
  });

  it("rejects bad arguments with usage and exit status 2", () => {
    const { status, stderr } = runCount(almond, "--method", "borda");
    expect(status).toBe(2);
    expect(stderr).toContain('unknown method "borda"');
    expect(stderr).toContain("usage:");
  });
});
