import { readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Runs the test files that take longest first (CI time, docs/decisions/056). With two workers,
 * whichever file starts last decides when the run ends: vitest orders a fresh clone's files by
 * size, so a short file that takes two minutes could start near the end and keep one worker busy
 * alone while the other waits. The seconds each file took in a full run are kept in
 * test-durations.json (`npm run test:durations` writes it again); a file it does not know yet is
 * run first, as vitest does with files it has not seen.
 */
const recorded: Record<string, number> = JSON.parse(readFileSync(path.join(__dirname, "test-durations.json"), "utf8")).seconds;

export default class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const bySize = await super.sort(files);
    const seconds = (file: TestSpecification) => recorded[path.relative(this.ctx.config.root, file.moduleId)] ?? Number.POSITIVE_INFINITY;
    // Array.prototype.sort is stable: files that take as long (the unknown ones) keep vitest's order.
    return [...bySize].sort((a, b) => (seconds(a) === seconds(b) ? 0 : seconds(a) > seconds(b) ? -1 : 1));
  }
}
