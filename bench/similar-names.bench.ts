// npm run bench:similar-names   (tsx bench/similar-names.bench.ts)
//
// Times the check of the party's proposed names against the Electoral Commission's register
// (app/modules/registration/similar-names.ts): 500 registered names prepared once, then compared
// with the 13 texts the application proposes (name, joint descriptions, emblem words), as the
// registration page does on every save. Median of 20 runs after one warm-up. Writes
// "## Similar registered names" into docs/benchmarks.md. Exit code 1 if the median misses 500 ms,
// the budget the registration page was designed for (a save answers within a second).

import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareNames, similarNames } from "../app/modules/registration/similar-names";
import { loadNow, machineLine, median, writeBenchmarkSection } from "./benchmarks-doc";

const RUNS = 20;
const TARGET_MS = 500;
const HEADING = "Similar registered names";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const loadBefore = loadNow();

const words = [
  "Green",
  "Labour",
  "Workers",
  "Alliance",
  "Independent",
  "Democratic",
  "People",
  "Freedom",
  "Reform",
  "Heritage",
  "Community",
  "Socialist",
  "Unity",
  "Future",
];
const registered = Array.from({ length: 500 }, (_, i) => `${words[i % 14]} ${words[(i * 7) % 14]} ${words[(i * 3 + 1) % 14]} ${i} Party`);
const texts = Array.from({ length: 13 }, (_, i) => `Breakaway ${words[i]} for the many and not the few`);

function once(): number {
  const start = performance.now();
  const prepared = prepareNames(registered);
  for (const text of texts) similarNames(text, prepared);
  return performance.now() - start;
}

once(); // warm the JIT, as on a running server
const times = Array.from({ length: RUNS }, once);
const mid = median(times);
const worst = Math.max(...times);
const section = `## ${HEADING}

The check of 13 proposed texts against 500 registered names, names prepared each time (\`app/modules/registration/similar-names.ts\`), median of ${RUNS} runs after a warm-up; rerun with \`npm run bench:similar-names\`. Target: under ${TARGET_MS} ms.

| Measure | Time |
| --- | --- |
| Median | ${mid.toFixed(1)} ms |
| Slowest | ${worst.toFixed(1)} ms |

${machineLine(loadBefore)}.
`;
writeBenchmarkSection(path.join(repoRoot, "docs/benchmarks.md"), HEADING, section);
process.stdout.write(section);
if (mid > TARGET_MS) process.exit(1);
