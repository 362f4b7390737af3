import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Debian's belenios-tool 2.0, the independent verifier of every encrypted poll's record
 * (decision 044). CI installs it; a test that needs it fails in CI when it is missing, and is
 * skipped with a warning elsewhere.
 */
const version = spawnSync("belenios-tool", ["--version"], { encoding: "utf8" });
export const hasBeleniosTool = version.status === 0;
if (!hasBeleniosTool) {
  if (process.env.CI) throw new Error("belenios-tool is not installed: CI must install the belenios-tool package (.ci/run)");
  console.warn("belenios-tool is not on PATH: skipping the checks that need it (apt-get install belenios-tool)");
}

/** `belenios-tool election verify` on an archive alone in a fresh directory, named as the tool expects. */
export function beleniosVerify(fileName: string, bytes: Uint8Array): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "belenios-verify-"));
  try {
    writeFileSync(join(dir, fileName), bytes);
    const run = spawnSync("belenios-tool", ["election", "verify", "--dir", dir], { encoding: "utf8" });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
