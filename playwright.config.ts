import { defineConfig } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";

/**
 * The journeys that start their own server on their own database (their clocks move on their
 * own). `npm run test:e2e` runs them in a second Playwright process (playwright.journeys.config.ts)
 * beside the rest, which it runs with E2E_SHARED_ONLY set: see scripts/run-e2e.mjs.
 */
export const ownServerSpecs = ["**/founding-from-empty.spec.ts", "**/registration.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  testIgnore: process.env.E2E_SHARED_ONLY ? ownServerSpecs : [],
  // One server, one database: journeys run one after another.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    // A trace records every action with screenshots and DOM snapshots: about a third of
    // Chromium's CPU time in the whole run (measured: 436 against 296 CPU-seconds). CI keeps only
    // the printed output, so no one could open a trace there; on a developer's machine a failing
    // test keeps its trace (decision 057).
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      // Browser downloads are impossible here: Debian's Chromium it is.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/healthz`,
    // Two app servers start one after the other behind HAProxy (scripts/e2e-server.ts).
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
