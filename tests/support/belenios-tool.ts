import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** belenios-tool with these arguments, run in dir (with this on its standard input, if given). */
export function runBeleniosTool(args: string[], dir: string, stdin?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("belenios-tool", args, { cwd: dir, encoding: "utf8", ...(stdin !== undefined ? { input: stdin } : {}) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `belenios-tool setup generate-trustee-key` in dir (which holds no other key): its id and both files' texts. */
export function beleniosToolTrusteeKey(dir: string, group: string): { id: string; privateKeyFile: string; publicKeyFile: string } {
  const made = runBeleniosTool(["setup", "generate-trustee-key", "--group", group], dir);
  if (made.status !== 0) throw new Error(`belenios-tool setup generate-trustee-key: ${made.stderr}`);
  const id = /keypair (\w+) has been generated/.exec(made.stdout)![1]!;
  return { id, privateKeyFile: readFileSync(join(dir, `${id}.privkey`), "utf8"), publicKeyFile: readFileSync(join(dir, `${id}.pubkey`), "utf8") };
}
