// npm run bench:browser-ballot   (tsx bench/browser-ballot.bench.ts)
//
// How long a member's browser takes to encrypt and prove one ballot (issue 17): a Yes/No ballot
// (BELENIOS-2048) and a ranking of 10 candidates (RFC-3526-2048, 2047-bit exponents). The
// ballot page's own code (app/modules/polls/encrypted/encrypt-in-browser.ts, which gives the page
// back to the browser every 25 ms), bundled by esbuild as the page's is, runs in Debian's Chromium
// on a page served from 127.0.0.1 (a secure context, so WebCrypto is there). Measured per ballot:
// the time to the finished ballot; the longest the page's main thread was busy without yielding
// (the longest gap between turns of a setTimeout heartbeat, which the browser clamps to 4 ms at
// least); and the long tasks (50 ms or more) Chromium reported. The same ballots made without
// yielding give the bare computing time. Each ballot is then checked here with the server's
// verifyBallot, whose time is shown beside. Written to docs/benchmarks.md.
// Settings: BENCH_BROWSER_BALLOTS (20 of each), BENCH_PORT (3650), CHROMIUM_PATH (/usr/bin/chromium).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Page } from "@playwright/test";
import { verifyBallot } from "../app/modules/belenios/ballot";
import { generatePrivateCredential } from "../app/modules/belenios/credentials";
import { makeElection } from "../app/modules/belenios/election";
import { BELENIOS_2048, RFC_3526_2048 } from "../app/modules/belenios/group";
import { generateTrusteeKey } from "../app/modules/belenios/trustee";
import type { Election } from "../app/modules/belenios/types";
import { rankedQuestion, yesNoQuestion } from "../app/modules/polls/encrypted/poll-election";
import type * as BenchPage from "./browser-ballot.page";
import type { Kind, Run, Way } from "./browser-ballot.page";
import { loadNow, machineLine, median, writeBenchmarkSection } from "./benchmarks-doc";

const count = Number(process.env.BENCH_BROWSER_BALLOTS ?? "20");
const port = Number(process.env.BENCH_PORT ?? "3650");
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const loadBefore = loadNow();

const single = (group: typeof BELENIOS_2048) => [{ kind: "Single" as const, key: generateTrusteeKey(group).publicKey }];
const yesNo = makeElection({ name: "Bench", description: "", questions: [yesNoQuestion("Adopt?")] }, single(BELENIOS_2048));
const candidates = Array.from({ length: 10 }, (_, i) => ({ label: `Candidate ${i + 1}` }));
const ranked = makeElection({ name: "Bench", description: "", questions: [rankedQuestion("Leader", candidates)] }, single(RFC_3526_2048));
const credential = generatePrivateCredential();
const fullRanking = [3, 0, 9, 1, 2, 4, 5, 6, 7, 8];

const bundle = await build({
  entryPoints: [path.join(root, "bench/browser-ballot.page.ts")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  minify: true,
  write: false,
  tsconfig: path.join(root, "tsconfig.json"),
});
const script = bundle.outputFiles[0]!.text;
const server = http.createServer((req, res) => {
  if (req.url === "/encrypt.js") {
    res.writeHead(200, { "Content-Type": "text/javascript" });
    res.end(script);
    return;
  }
  res.writeHead(200, { "Content-Type": "text/html" });
  res.end('<!doctype html><title>bench</title><script type="module">import * as m from "/encrypt.js"; window.benchPage = m;</script>');
});
await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

/** n ballots of one kind, one after another (browser-ballot.page.ts). */
function runIn(page: Page, kind: Kind, way: Way, n: number): Promise<Run[]> {
  const election = kind === "yes-no" ? yesNo : ranked;
  return page.evaluate(
    ({ n, kind, way, electionRaw, credential, fullRanking }) =>
      (window as unknown as { benchPage: typeof BenchPage }).benchPage.measure(kind, way, n, electionRaw, credential, fullRanking),
    { n, kind, way, electionRaw: election.raw, credential, fullRanking },
  );
}

function verifyAll(election: Election, runs: readonly Run[]): number[] {
  return runs.map((r) => {
    const start = performance.now();
    const check = verifyBallot(election, r.raw);
    if (!check.ok) throw new Error(`a browser ballot failed verification: ${check.reason}`);
    return performance.now() - start;
  });
}

const worst = (xs: readonly number[]) => Math.max(...xs);
const f0 = (x: number) => x.toFixed(0);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const rows: string[] = [];
let version = "";
try {
  version = browser.version();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => "benchPage" in window);
  if (!(await page.evaluate(() => (window as unknown as { benchPage: typeof BenchPage }).benchPage.reportsLongTasks())))
    throw new Error("this Chromium reports no long tasks: the long-task column would mean nothing");
  for (const kind of ["yes-no", "ranked"] as const) {
    const election = kind === "yes-no" ? yesNo : ranked;
    await runIn(page, kind, "page", 2); // warm-up: the JIT, WebCrypto's first key import
    const paged = await runIn(page, kind, "page", count);
    const bare = await runIn(page, kind, "bare", count);
    const verifyMs = verifyAll(election, [...paged, ...bare]);
    const times = paged.map((r) => r.ms);
    const longTasks = paged.flatMap((r) => r.longTasks);
    const label = kind === "yes-no" ? "Yes/No ballot (BELENIOS-2048)" : "ranked ballot, 10 candidates (RFC-3526-2048)";
    console.log(
      `${label}: median ${f0(median(times))} ms, worst ${f0(worst(times))} ms (bare: median ${f0(median(bare.map((r) => r.ms)))} ms); ` +
        `longest busy stretch ${f0(worst(paged.map((r) => r.busyMs)))} ms; long tasks ${longTasks.length}` +
        (longTasks.length ? ` (longest ${f0(worst(longTasks))} ms)` : "") +
        `; bare busy stretch ${f0(worst(bare.map((r) => r.busyMs)))} ms; verifyBallot median ${f0(median(verifyMs))} ms; ${paged[0]!.raw.length} characters`,
    );
    rows.push(
      `| ${label} | ${count} | ${f0(median(times))} | ${f0(worst(times))} | ${f0(median(bare.map((r) => r.ms)))} | ${f0(worst(paged.map((r) => r.busyMs)))} | ${longTasks.length ? `${longTasks.length}, longest ${f0(worst(longTasks))} ms` : "none"} | ${f0(worst(bare.map((r) => r.busyMs)))} | ${f0(median(verifyMs))} | ${paged[0]!.raw.length.toLocaleString("en-GB")} |`,
    );
  }
} finally {
  await browser.close();
  server.close();
}

const section = `## Ballots encrypted in the browser

\`npm run bench:browser-ballot\` (bench/browser-ballot.bench.ts), ${new Date().toISOString().slice(0, 10)}. Chromium ${version} (Debian's, headless), ${machineLine(loadBefore)}.

The ballot page's own code encrypts, proves and signs each ballot, giving the page back to the
browser every 25 ms (encrypt-in-browser.ts); "bare" is the same ballot made without giving it
back. The busy stretch is the longest gap between turns of a setTimeout heartbeat running beside
it (the browser never runs one sooner than 4 ms after the last): how long a click or a key would
have waited at worst. Long tasks are those of 50 ms or more that Chromium reported. The server
checks each ballot with verifyBallot (Node, OpenSSL). Issue 17's target: a ranked ballot of 10
candidates in under 1 s.

| ballot | ballots | median, ms | worst, ms | bare median, ms | longest busy stretch, ms | long tasks | bare busy stretch, ms | server's check, median ms | characters |
|---|---:|---:|---:|---:|---:|---|---:|---:|---:|
${rows.join("\n")}
`;
writeBenchmarkSection(path.join(root, "docs/benchmarks.md"), "Ballots encrypted in the browser", section);
console.log("Written to docs/benchmarks.md");
