/**
 * Test-only helpers for reading the reference ballots in ../shared/ballots (beside the repo,
 * as CI clones it). Uses node:fs, so it must never be imported by the pure counting modules.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const sharedBallots = path.resolve(repoRoot, "../shared/ballots");

/**
 * The reference data directory, or a clear failure. Tests must not silently skip when the data
 * is missing: a count that is never checked against the official result proves nothing.
 */
export function sharedDir(...parts: string[]): string {
  if (!existsSync(sharedBallots)) {
    throw new Error(
      `Reference ballots not found at ${sharedBallots}. The counting tests need the shared ` +
        `data checked out beside the repository (../shared/ballots relative to ${repoRoot}).`,
    );
  }
  const dir = path.join(sharedBallots, ...parts);
  if (!existsSync(dir)) throw new Error(`Reference data missing: ${dir}`);
  return dir;
}

export function readShared(...parts: string[]): string {
  return readFileSync(sharedDir(...parts), "utf8");
}

export function listShared(dir: string, suffix: string): string[] {
  return readdirSync(sharedDir(dir))
    .filter((name) => name.endsWith(suffix))
    .sort();
}

/** Minimal CSV reader for the official_stages.csv files (no quoted commas in them). */
export function readCsv(text: string): Record<string, string>[] {
  const [headerLine, ...rows] = text.trim().split(/\r?\n/);
  const header = headerLine!.split(",");
  return rows.map((row) => {
    const cells = row.split(",");
    if (cells.length !== header.length) throw new Error(`CSV row has ${cells.length} cells: ${row}`);
    return Object.fromEntries(header.map((key, i) => [key, cells[i]!]));
  });
}
