// npm run bench:browser-ballot   (tsx bench/browser-ballot.bench.ts)
//
// How long a member's browser takes to encrypt one Yes/No ballot (issue 17): the browser module
// (app/modules/belenios/browser/encrypt-ballot.ts), bundled by esbuild as the ballot page's is,
// runs in Debian's Chromium on a page served from 127.0.0.1 (a secure context, so WebCrypto is
// there). Each ballot is then checked here with the server's verifyBallot, and the time the
// server takes for that is shown beside. Settings: BENCH_BROWSER_BALLOTS (20), BENCH_PORT (3650),
// CHROMIUM_PATH (/usr/bin/chromium).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { verifyBallot } from "../app/modules/belenios/ballot";
import { generatePrivateCredential } from "../app/modules/belenios/credentials";
import { makeElection } from "../app/modules/belenios/election";
import { BELENIOS_2048 } from "../app/modules/belenios/group";
import { generateTrusteeKey } from "../app/modules/belenios/trustee";
import { yesNoQuestion } from "../app/modules/polls/encrypted/poll-election";

const count = Number(process.env.BENCH_BROWSER_BALLOTS ?? "20");
const port = Number(process.env.BENCH_PORT ?? "3650");
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const trustee = generateTrusteeKey(BELENIOS_2048);
const election = makeElection({ name: "Bench", description: "", questions: [yesNoQuestion("Adopt?")] }, [{ kind: "Single", key: trustee.publicKey }]);
const credential = generatePrivateCredential();

const bundle = await build({
  entryPoints: [path.join(root, "app/modules/belenios/browser/encrypt-ballot.ts")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  minify: true,
  write: false,
});
const script = bundle.outputFiles[0]!.text;
const server = http.createServer((req, res) => {
  if (req.url === "/encrypt.js") {
    res.writeHead(200, { "Content-Type": "text/javascript" });
    res.end(script);
    return;
  }
  res.writeHead(200, { "Content-Type": "text/html" });
  res.end('<!doctype html><title>bench</title><script type="module">import * as m from "/encrypt.js"; window.encryptModule = m;</script>');
});
await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => "encryptModule" in window);
  const run = (n: number) =>
    page.evaluate(
      async ({ n, electionRaw, credential }) => {
        type Module = { encryptBallotInBrowser(e: string, c: string, p: number[][]): Promise<{ raw: string }> };
        const m = (window as unknown as { encryptModule: Module }).encryptModule;
        const out: { ms: number; raw: string }[] = [];
        for (let i = 0; i < n; i++) {
          const start = performance.now();
          const { raw } = await m.encryptBallotInBrowser(electionRaw, credential, [[0, 1, 0]]);
          out.push({ ms: performance.now() - start, raw });
        }
        return out;
      },
      { n, electionRaw: election.raw, credential },
    );
  await run(2); // warm-up: the JIT, WebCrypto's first key import
  const results = await run(count);
  const verifyMs: number[] = [];
  for (const r of results) {
    const start = performance.now();
    const check = verifyBallot(election, r.raw);
    verifyMs.push(performance.now() - start);
    if (!check.ok) throw new Error(`a browser ballot failed verification: ${check.reason}`);
  }
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}`;
  };
  console.log(`Chromium ${browser.version()}: encrypting one Yes/No ballot (${count} ballots): ${stats(results.map((r) => r.ms))}; ballot ${results[0]!.raw.length} characters`);
  console.log(`Server: verifyBallot on each: ${stats(verifyMs)}`);
} finally {
  await browser.close();
  server.close();
}
