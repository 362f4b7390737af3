import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

/**
 * Puts one "## Heading" section into docs/benchmarks.md, replacing the section of that heading
 * if present and leaving every other section alone, so each benchmark owns its own part.
 */
export function writeBenchmarkSection(docPath: string, heading: string, section: string): void {
  const existing = existsSync(docPath) ? readFileSync(docPath, "utf8") : "# Benchmarks\n";
  const marker = `## ${heading}`;
  const start = existing.search(new RegExp(`^${marker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ \\t]*$`, "m"));
  let updated: string;
  if (start < 0) {
    updated = `${existing.trimEnd()}\n\n${section}`;
  } else {
    const afterHeading = start + marker.length;
    const nextHeading = existing.slice(afterHeading).search(/^## /m);
    const end = nextHeading < 0 ? existing.length : afterHeading + nextHeading;
    const rest = existing.slice(end);
    updated = `${existing.slice(0, start)}${section}${rest ? `\n${rest}` : ""}`;
  }
  writeFileSync(docPath, updated);
}

/** One line describing the machine and its load, for the record beside the numbers. */
export function machineLine(loadBefore: string): string {
  const cpus = os.cpus();
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, load average ${loadBefore} before the run and ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} after`;
}

export const loadNow = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (nearest rank) of some timings. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
