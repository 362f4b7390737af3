// npm run test:e2e: the Playwright browser tests, in Debian's Chromium (browser downloads are
// impossible on these machines). Without Chromium: explain how to install it; fail under CI,
// skip (with a loud warning) on a developer's machine.
//
// With no arguments, two Playwright processes run at the same time: the tests on the shared demo
// server (playwright.config.ts), and the journeys that start their own server on their own database
// (playwright.journeys.config.ts). The journeys mostly wait for their clocks and poll closers, so
// running them beside the rest saves CI minutes. Their output is prefixed with "[journeys]".
// With arguments (a spec file, --grep ...), one process runs whatever they select, as before.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}; the browser tests need it.`);
  console.error("Install it with:  sudo apt-get update && sudo apt-get install -y chromium");
  console.error("(or set CHROMIUM_PATH to a Chromium binary).");
  if (process.env.CI) process.exit(1);
  console.error("SKIPPED the browser tests because CI is not set.");
  process.exit(0);
}

const args = process.argv.slice(2);
if (args.length > 0) {
  const result = spawnSync("npx", ["playwright", "test", ...args], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

/** Runs one Playwright process; its lines are printed whole, with a prefix if given. */
function playwright(configArgs, env, prefix) {
  return new Promise((resolve) => {
    const child = spawn("npx", ["playwright", "test", ...configArgs], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: stream }).on("line", (line) => out.write(`${prefix}${line}\n`));
    }
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const [shared, journeys] = await Promise.all([
  playwright([], { E2E_SHARED_ONLY: "1" }, ""),
  playwright(["--config", "playwright.journeys.config.ts"], {}, "[journeys] "),
]);
if (shared !== 0) console.error(`The browser tests on the shared server failed (exit ${shared}).`);
if (journeys !== 0) console.error(`The own-server journeys failed (exit ${journeys}).`);
process.exit(shared !== 0 || journeys !== 0 ? 1 : 0);
