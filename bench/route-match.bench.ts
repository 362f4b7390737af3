// npm run bench:route-match: what one route match costs on the server, with the route tree's
// flattened, ranked branches computed once per routes array and each path pattern compiled once (patches/@remix-run+router+*.patch,
// applied to the CommonJS build the server loads) against computing them on every match (the
// package's untouched ES module build, which only browsers load). Needs `npx remix build` first;
// writes "## Route matching" into docs/benchmarks.md.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { loadNow, machineLine, median, writeBenchmarkSection } from "./benchmarks-doc";

type Routes = unknown[];
type MatchRoutes = (routes: Routes, pathname: string) => unknown;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const loadBefore = loadNow();
const build = (await import(pathToFileURL(path.join(repoRoot, "build/index.js")).href)) as ServerBuild;
const { createRoutes } = require("@remix-run/server-runtime/dist/routes.js") as { createRoutes: (manifest: ServerBuild["routes"]) => Routes };
const patched = require("@remix-run/router") as { matchRoutes: MatchRoutes };
const unpatched = (await import(pathToFileURL(path.join(repoRoot, "node_modules/@remix-run/router/dist/router.js")).href)) as { matchRoutes: MatchRoutes };

const routes = createRoutes(build.routes);
const paths = ["/healthz", "/campaign/manage", "/polls/0b7c3c1e-1111-4111-8111-111111111111/receipt", "/constitution/full", "/no-such-page"];
const MATCHES = 20_000;
const RUNS = 7;

function microsecondsPerMatch(matchRoutes: MatchRoutes): number {
  for (let i = 0; i < 2000; i++) matchRoutes(routes, paths[i % paths.length]!);
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < MATCHES; i++) matchRoutes(routes, paths[i % paths.length]!);
    runs.push(Number(process.hrtime.bigint() - start) / 1000 / MATCHES);
  }
  return median(runs);
}

const before = microsecondsPerMatch(unpatched.matchRoutes);
const after = microsecondsPerMatch(patched.matchRoutes);
const lines = [
  "## Route matching",
  "",
  `\`npm run bench:route-match\`: one match of a request's path against the app's ${Object.keys(build.routes).length} routes, median of ${RUNS} runs of ${MATCHES.toLocaleString("en-GB")} matches over ${paths.length} paths (decision 043).`,
  "",
  "| | Per match |",
  "| --- | --- |",
  `| Flattening and ranking the route tree on every match (Remix as shipped) | ${before.toFixed(1)} µs |`,
  `| Ranked branches kept per routes array, each pattern compiled once (our patch) | ${after.toFixed(1)} µs |`,
  "",
  `Remix matches every request at least twice (the request handler, then the data handler), so the saving is about ${(2 * (before - after)).toFixed(0)} µs of CPU per request.`,
  "",
  machineLine(loadBefore),
  "",
];
writeBenchmarkSection(path.join(repoRoot, "docs/benchmarks.md"), "Route matching", lines.join("\n"));
console.log(lines.join("\n"));
