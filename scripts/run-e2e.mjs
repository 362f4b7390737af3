// npm run test:e2e: the Playwright browser tests, in Debian's Chromium (browser downloads are
// impossible on these machines). Without Chromium: explain how to install it; fail under CI,
// skip (with a loud warning) on a developer's machine.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}; the browser tests need it.`);
  console.error("Install it with:  sudo apt-get update && sudo apt-get install -y chromium");
  console.error("(or set CHROMIUM_PATH to a Chromium binary).");
  if (process.env.CI) process.exit(1);
  console.error("SKIPPED the browser tests because CI is not set.");
  process.exit(0);
}
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
