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

  describe("refuses what it cannot count honestly (issue 13)", () => {
    const write = (name: string, text: string) => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "count-cli-")), name);
      writeFileSync(file, text);
      return file;
    };

    it("refuses two candidates with the same name, naming both lines", () => {
      const file = write("dup.blt", '3 1\n2 1 0\n1 3 0\n0\n"Ann"\n"Bob"\n"ann "\n"Title"\n');
      const { status, stdout, stderr } = runCount(file);
      expect(status).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain(`${file}: line 7: candidate 3 has the same name as candidate 1 on line 5`);
    });

    it("refuses a candidate named like RON unless the file marks the RON option", () => {
      for (const name of ["Ron", "RON", "Re-open nominations", "re-open NOMINATIONS"]) {
        const file = write("ron.blt", `2 1\n2 1 0\n1 2 0\n0\n"${name}"\n"Bob"\n"Title"\n`);
        const { status, stderr } = runCount(file);
        expect(status).toBe(1);
        expect(stderr).toContain(`${file}: line 5: candidate 1 is called "${name}"`);
        expect(stderr).toContain("[ron 1]");
      }
      // Marked as a person: Ron wins the seat. Marked as RON: the seat stays vacant.
      const person = JSON.parse(runCount(write("p.blt", '2 1\n[ron none]\n2 1 0\n1 2 0\n0\n"Ron"\n"Bob"\n"T"\n'), "--json").stdout) as {
        elected: string[];
        vacantSeats: number;
      };
      expect(person).toMatchObject({ elected: ["Ron"], vacantSeats: 0 });
      const ron = JSON.parse(runCount(write("r.blt", '2 1\n[ron 1]\n2 1 0\n1 2 0\n0\n"Ron"\n"Bob"\n"T"\n'), "--json").stdout) as {
        elected: string[];
        vacantSeats: number;
      };
      expect(ron).toMatchObject({ elected: ["Ron"], vacantSeats: 1 });
    });

    it("warns when seats outnumber candidates, and the result says how many stay empty", () => {
      const file = write("seats.blt", '2 3\n2 1 0\n1 2 0\n0\n"Ann"\n"Bob"\n"Title"\n');
      const { status, stdout, stderr } = runCount(file);
      expect(status).toBe(0);
      expect(stderr).toBe(`${file}: line 1: warning: 3 seats but only 2 candidates standing, so at least 1 seat stays empty.\n`);
      expect(stdout).toContain("Vacant seats: 1");
    });
  });

  describe("Meek and WIGM (issue 18)", () => {
    const droopFile = (name: string) => path.join(sharedDir("droop-testsuite"), "blt", name);

    it("counts by each rule, every line within 100 columns, ties by the file's order", () => {
      for (const method of ["meek", "meek-prf", "wigm-prf", "wigm-rational"]) {
        const { status, stdout, stderr } = runCount(droopFile("42t.blt"), "--method", method);
        expect(stderr, method).toBe("");
        expect(status, method).toBe(0);
        expect(stdout).toContain("Ties broken by the file's order");
        expect(stdout).toMatch(/^Elected: \w+, \w+$/m);
        for (const line of stdout.split("\n")) expect(line.length, `${method}: ${line}`).toBeLessThanOrEqual(100);
      }
      const meek = runCount(droopFile("SC-Vm-12.blt"), "--method", "meek-prf", "--seed", "published").stdout;
      expect(meek).toContain("Meek STV (PR Foundation reference rule");
      expect(meek).toContain("Ties broken by the lot drawn from the seed");
      expect(meek).toMatch(/Quota 1000\.750000001/);
    });

    it("carries every action with exact figures in --json", () => {
      const { status, stdout } = runCount(droopFile("SC-Vm-12.blt"), "--method", "wigm-prf", "--json");
      expect(status).toBe(0);
      const sheet = JSON.parse(stdout) as { rule: string; elected: string[]; actions: { says: string; standings: { votes: string }[] }[] };
      expect(sheet.rule).toBe("wigm-prf");
      expect(sheet.elected).toHaveLength(3);
      const transferred = sheet.actions.find((a) => a.says.startsWith("Surplus of A transferred"));
      expect(transferred?.says).toBe("Surplus of A transferred: 0.2499");
      expect(transferred?.standings.map((s) => s.votes)).toContain("667.0668");
    });
  });

  describe("--sheet: the count sheet (issue 18)", () => {
    it("prints the Scottish count sheet in blocks of stages within 100 columns", () => {
      const { status, stdout, stderr } = runCount(almond, "--sheet");
      expect(stderr).toBe("");
      expect(status).toBe(0);
      expect(stdout).toMatch(/^Count sheet: Ward 1 - Almond$/m);
      expect(stdout).toMatch(/^Stages 1 to 2 of 10$/m);
      expect(stdout).toContain("Stage 2: Surplus of Kevin LANG (LD); Elected: Louise YOUNG (LD) · Transfer value 0.53248");
      expect(stdout).toMatch(/^Loss of fractions\s+0\.00000\s+\+0\.05408\s+0\.05408$/m);
      for (const line of stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
    });

    it("prints a Meek count sheet, and with --json carries every stage and transfer", () => {
      const file = path.join(sharedDir("droop-testsuite"), "blt", "SC-Vm-12.blt");
      const text = runCount(file, "--method", "meek", "--sheet");
      expect(text.status).toBe(0);
      expect(text.stdout).toContain("Meek STV · 3 seats");
      expect(text.stdout).toContain("Excess: what no candidate keeps");
      const scottish = runCount(almond, "--sheet", "--json");
      const sheet = JSON.parse(scottish.stdout) as { method: string; stages: { total: string; transfers: { to: string | null; votes: string }[] }[] };
      expect(sheet.method).toBe("scottish-stv");
      expect(sheet.stages).toHaveLength(10);
      expect(sheet.stages.every((s) => s.total === "14207.00000")).toBe(true);
      expect(sheet.stages[1]!.transfers.some((t) => t.to === null)).toBe(true);
    });

    it("refuses --sheet for Schulze, which has no stages", () => {
      const { status, stderr } = runCount(almond, "--method", "schulze", "--sheet");
      expect(status).toBe(2);
      expect(stderr).toContain("no count sheet");
    });
  });
});
