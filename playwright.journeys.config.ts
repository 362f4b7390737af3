import { defineConfig } from "@playwright/test";
import shared, { ownServerSpecs } from "./playwright.config";

/**
 * The journeys that start their own server on their own database, without the shared demo
 * server. `npm run test:e2e` runs them beside the shared-server tests, in a second Playwright
 * process: they mostly wait for their own clocks and poll closers, so the two halves overlap
 * instead of adding up (CI has 30 minutes for everything).
 */
export default defineConfig({
  ...shared,
  testMatch: ownServerSpecs,
  testIgnore: [],
  webServer: undefined,
  // Its own output folder: the other Playwright process clears test-results/ when it starts.
  // The journey server's log goes here too (tests/e2e/journey-server.ts).
  outputDir: "test-results-journeys",
});
