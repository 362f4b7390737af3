import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import HeaviestFirst from "./tests/support/heaviest-first";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["app/**/*.test.ts", "tests/integration/**/*.test.ts", "scripts/**/*.test.ts"],
    // Each integration file opens its own database; two cores means two workers at most.
    pool: "forks",
    maxWorkers: 2,
    // The longest files first, so that the run does not end on one of them alone.
    sequence: { sequencer: HeaviestFirst },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/ballot-secret-setup.ts"],
  },
});
