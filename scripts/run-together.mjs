// Runs several npm scripts at the same time and reports each one's output whole, in the order
// given, once all have finished: `node scripts/run-together.mjs typecheck lint`. Exits non-zero
// if any failed, naming which. npm test runs the static checks this way (decision 057): each
// is one single-threaded process, so on a machine with two cores or more two of them take
// about the time of the longest instead of the sum.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("Usage: node scripts/run-together.mjs <npm script> [<npm script> ...]");
  process.exit(2);
}

const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 1000);

function run(script) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("error", (error) => resolve({ script, code: 1, output: String(error), at: seconds() }));
    child.on("close", (code, signal) => resolve({ script, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString("utf8"), at: seconds() }));
  });
}

const results = await Promise.all(scripts.map(run));
for (const { script, code, output, at } of results) {
  console.log(`\n> npm run ${script}: ${code === 0 ? "passed" : `FAILED (exit ${code})`} after ${at} s`);
  if (output.trim()) console.log(output.trimEnd());
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
