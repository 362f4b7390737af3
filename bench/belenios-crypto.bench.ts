/**
 * Belenios crypto core timings (issue 17): one modular exponentiation in BELENIOS-2048 with a
 * 256-bit exponent (OpenSSL through node:crypto Diffie-Hellman vs plain BigInt), and encrypting
 * and verifying one ballot of two questions (2 answers; 3 answers with blank allowed); then
 * opening a Yes/No poll on a roll of 10,000, its credentials derived on the main thread and by
 * the worker pool (bench/poll-opening.ts). At the default sizes, the figures go into
 * docs/benchmarks.md under "## Belenios cryptography".
 * Usage: npm run bench:crypto -- [exponentiations=2000] [ballots=20] [roll=10000]
 * The polls are opened on a fresh database on the PostgreSQL server at TEST_DATABASE_URL, or in
 * the scratch database at BENCH_DATABASE_URL as it is, or else on embedded PGlite (whose queries
 * run on the main thread, and add to its stalls).
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BELENIOS_2048,
  encryptBallot,
  generatePrivateCredential,
  generateTrusteeKey,
  makeElection,
  plaintextFor,
  powMod,
  verifyBallot,
} from "../app/modules/belenios";
import { powModBigInt, randomExponent, RFC_3526_2048 } from "../app/modules/belenios/group";
import { shuffleCiphertexts, checkShuffleProof } from "../app/modules/belenios/nonhomomorphic";
import type { NonHomomorphicAnswer } from "../app/modules/belenios/types";
import { parseBallot } from "../app/modules/belenios/serialize";
import { openPostgres, type Database } from "../app/utils/db.server";
import { onBenchDatabase } from "./bench-database";
import { loadNow, machineLine, writeBenchmarkSection } from "./benchmarks-doc";
import { benchPollOpening } from "./poll-opening";

const exps = Number(process.argv[2] ?? 2000);
const ballots = Number(process.argv[3] ?? 20);
const rollSize = Number(process.argv[4] ?? 10_000);
const defaultSizes = process.argv.length <= 2;
const G = BELENIOS_2048;
const loadBefore = loadNow();
const timings: { label: string; each: number; runs: number }[] = [];

function time(label: string, n: number, f: (i: number) => void) {
  const start = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const each = (performance.now() - start) / n;
  timings.push({ label, each, runs: n });
  console.log(`${label}: ${each.toFixed(3)} ms each (${n} runs)`);
}

const exponents = Array.from({ length: exps }, () => randomExponent(G));
const bases = Array.from({ length: 16 }, () => powMod(G, G.g, randomExponent(G)));
powMod(G, G.g, 1n); // make the OpenSSL object once, outside the timing
time("powMod, any base (OpenSSL via node:crypto)", exps, (i) => powMod(G, bases[i % 16]!, exponents[i]!));
time("powMod, base g (fixed-base table)", exps, (i) => powMod(G, G.g, exponents[i]!));
time("powMod (plain BigInt)", Math.max(1, Math.floor(exps / 4)), (i) => powModBigInt(bases[i % 16]!, exponents[i]!, G.p));

const trustee = generateTrusteeKey(G);
const questions = [
  { question: "Adopt?", answers: ["Yes", "No"], min: 1, max: 1 },
  { question: "Officers", answers: ["A", "B", "C"], min: 1, max: 2, blank: true },
];
const election = makeElection({ name: "Bench", description: "", questions }, [{ kind: "Single", key: trustee.publicKey }]);
const credential = generatePrivateCredential();
const raws: string[] = [];
time("encrypt one ballot (2 questions, 5 ciphertexts)", ballots, () => {
  raws.push(encryptBallot(election, credential, [plaintextFor(questions[0]!, [0]), plaintextFor(questions[1]!, [1, 2])]).raw);
});
time("verify one ballot", ballots, (i) => {
  if (!verifyBallot(election, raws[i]!).ok) throw new Error("ballot refused");
});

// Ranked ballots: RFC-3526-2048, 2047-bit exponents, always through OpenSSL.
const R = RFC_3526_2048;
const rTrustee = generateTrusteeKey(R);
const ranked = { type: "NonHomomorphic" as const, question: "Rank", answers: Array.from({ length: 10 }, (_, i) => `C${i + 1}`) };
const rElection = makeElection({ name: "Ranked bench", description: "", questions: [ranked] }, [{ kind: "Single", key: rTrustee.publicKey }]);
time("powMod, RFC-3526-2048, 2047-bit exponent", Math.max(1, Math.floor(exps / 10)), () => powMod(R, bases[0]!, randomExponent(R)));
const rRaws: string[] = [];
time("encrypt one ranked ballot (10 candidates)", ballots, () => {
  rRaws.push(encryptBallot(rElection, credential, [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]).raw);
});
time("verify one ranked ballot", ballots, (i) => {
  if (!verifyBallot(rElection, rRaws[i]!).ok) throw new Error("ballot refused");
});
const cts = rRaws.map((raw) => (parseBallot(raw).answers[0] as NonHomomorphicAnswer).choices);
let shuffled: ReturnType<typeof shuffleCiphertexts> | undefined;
time(`shuffle ${cts.length} ciphertexts with proof (per ciphertext: divide by ${cts.length})`, 1, () => {
  shuffled = shuffleCiphertexts(R, rElection.fingerprint, rElection.params.publicKey, cts);
});
time(`check that shuffle's proof (per ciphertext: divide by ${cts.length})`, 1, () => {
  if (!checkShuffleProof(R, rElection.fingerprint, rElection.params.publicKey, cts, shuffled!.ciphertexts, shuffled!.proof)) throw new Error("shuffle refused");
});

/** A scratch PostgreSQL database used as it is (BENCH_DATABASE_URL): the members and polls made are left in it. */
async function onExistingDatabase<T>(url: string, run: (database: Database, label: string) => Promise<T>): Promise<T> {
  const database = openPostgres(url);
  try {
    return await run(database, "PostgreSQL (local server)");
  } finally {
    await database.close();
  }
}

// Opening a Yes/No poll: every member's public credential, on the main thread and in the pool.
const poolThreads = Math.max(1, os.availableParallelism());
const openOn = async (database: Database, label: string) => {
  await database.migrate();
  return { label, runs: await benchPollOpening(database, rollSize, poolThreads) };
};
const { label: databaseLabel, runs: openings } = process.env.BENCH_DATABASE_URL
  ? await onExistingDatabase(process.env.BENCH_DATABASE_URL, openOn)
  : await onBenchDatabase("crypto", process.env.TEST_DATABASE_URL, openOn);
for (const o of openings) {
  console.log(
    `open a Yes/No poll on ${rollSize} members, credentials on the ${o.mode}: ${(o.ms / 1000).toFixed(1)} s, main thread's longest stall ${o.worstStallMs.toFixed(0)} ms`,
  );
}

if (defaultSizes) {
  const [single, pooled] = openings;
  const section = `## Belenios cryptography

\`npm run bench:crypto\` (bench/belenios-crypto.bench.ts), ${new Date().toISOString().slice(0, 10)}. ${machineLine(loadBefore)}.

| operation | ms each | runs |
|---|---:|---:|
${timings.map((t) => `| ${t.label} | ${t.each.toFixed(3)} | ${t.runs} |`).join("\n")}

### Opening a Yes/No poll on ${rollSize.toLocaleString("en-GB")} members

Each member's public credential (PBKDF2, 1000 rounds, then one exponentiation) is derived when
the poll opens, inside openPoll's transaction; ${databaseLabel}. The pool has one worker thread
per core (${poolThreads} here), started before the measure. Both figures include writing the roll
and the election to the database. The stall is the longest the main thread's event loop waited
(perf_hooks.monitorEventLoopDelay): how long any other request would have waited meanwhile.

| credentials derived on | worker threads | openPoll, s | longest stall of the main thread, ms |
|---|---:|---:|---:|
${openings.map((o) => `| ${o.mode} | ${o.threads} | ${(o.ms / 1000).toFixed(1)} | ${o.worstStallMs.toFixed(0)} |`).join("\n")}

${single && pooled ? `openPoll took ${(pooled.ms / 1000).toFixed(1)} s with the pool against ${(single.ms / 1000).toFixed(1)} s on the main thread, and the main thread's longest stall went from ${single.worstStallMs.toFixed(0)} ms to ${pooled.worstStallMs.toFixed(0)} ms.` : ""}
`;
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  writeBenchmarkSection(path.join(repoRoot, "docs/benchmarks.md"), "Belenios cryptography", section);
  console.log("Written to docs/benchmarks.md");
}
