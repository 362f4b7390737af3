// npm run bench:count
//
// Times the counting engine and writes the results into docs/benchmarks.md under "## Counting"
// (replacing that section if present, leaving every other section alone). All data is drawn
// with a seeded generator, so every run counts the same papers.
import { existsSync, readFileSync } from "node:fs";
import { writeBenchmarkSection } from "./benchmarks-doc";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { InstantRunoff, Schulze, utils as votesUtils } from "votes";
import { countMeekGuarded } from "../app/modules/ballots/meek-guarded";
import { countMeekPrf } from "../app/modules/ballots/meek";
import { countWigmPrf, countWigmRational } from "../app/modules/ballots/wigm";
import {
  countIrv,
  countSchulze,
  countScottishStv,
  groupBallots,
  parseBlt,
  parsePreflib,
  seededRandom,
  type Ballot,
  type Election,
  type RankedCountReport,
  type RankEntry,
  type Ranking,
} from "../app/modules/ballots/index";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sharedBallots = path.resolve(repoRoot, "../shared/ballots");
const docPath = path.join(repoRoot, "docs", "benchmarks.md");

const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ");

if (!existsSync(sharedBallots)) {
  process.stderr.write(`Reference ballots not found at ${sharedBallots} (needed to draw benchmark data).\n`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function time<T>(task: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = task();
  return { result, ms: performance.now() - start };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs a task `runs` times after one warm-up run, returning the last result and median time. */
function bench<T>(runs: number, task: () => T): { result: T; ms: number } {
  let result = task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = time(task);
    result = run.result;
    times.push(run.ms);
  }
  return { result, ms: median(times) };
}

const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(0));

/** Draws `count` papers (fresh arrays, as if read one by one) from weighted rankings. */
function drawPapers(ballots: readonly Ballot[], count: number, seed: string): Ranking[] {
  const random = seededRandom(seed);
  const cumulative: number[] = [];
  let total = 0;
  for (const ballot of ballots) {
    total += ballot.weight;
    cumulative.push(total);
  }
  const papers: Ranking[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    papers[i] = ballots[low]!.ranking.map((entry) => (typeof entry === "number" ? entry : [...entry]));
  }
  return papers;
}

/**
 * Synthetic rankings: candidates have Zipf-like popularity, each paper ranks 1..maxLength of
 * them drawn by popularity without replacement (a Plackett-Luce model), which gives the long
 * tail of distinct rankings real elections have.
 */
function syntheticRanking(random: () => number, popularity: readonly number[], maxLength: number): number[] {
  const length = 1 + Math.floor(random() * maxLength);
  const ranking: number[] = [];
  const used = new Uint8Array(popularity.length);
  let remaining = popularity.reduce((sum, p) => sum + p, 0);
  while (ranking.length < length) {
    let target = random() * remaining;
    let pick = 0;
    for (; pick < popularity.length - 1; pick++) {
      if (used[pick]) continue;
      target -= popularity[pick]!;
      if (target < 0) break;
    }
    while (used[pick]) pick--; // float edge at the very end of the range
    used[pick] = 1;
    remaining -= popularity[pick]!;
    ranking.push(pick);
  }
  return ranking;
}

function zipf(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 0.8);
}

function syntheticElection(candidates: number, seats: number): Election {
  return {
    title: `${candidates} candidates`,
    candidates: Array.from({ length: candidates }, (_, i) => `Candidate ${i + 1}`),
    seats,
    ballots: [],
    withdrawn: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Each section runs in its own function so its papers can be garbage-collected before the next
// one starts: a million live arrays would otherwise slow every later measurement.

interface GroupAndCount {
  distinct: number;
  report: RankedCountReport;
  groupMs: number;
  countMs: number;
  totalMs: number;
}

function groupAndCountStv(election: Election, papers: readonly Ranking[], runs: number): GroupAndCount {
  const grouping = bench(runs, () => groupBallots(papers));
  const grouped = grouping.result;
  const counting = bench(runs, () => countScottishStv({ ...election, ballots: grouped }));
  const endToEnd = bench(runs, () => countScottishStv({ ...election, ballots: groupBallots(papers) }));
  return {
    distinct: grouped.length,
    report: counting.result,
    groupMs: grouping.ms,
    countMs: counting.ms,
    totalMs: endToEnd.ms,
  };
}

interface ScalingRow extends GroupAndCount {
  label: string;
  candidates: number;
  seats: number;
  papers: number;
}

const almond = parseBlt(readFileSync(path.join(sharedBallots, "scot2017-edinburgh-w01-almond", "edinburgh_2017_ward1.blt"), "utf8"));

/** 1. Scottish STV on papers drawn from Almond's rankings (1,000,000 and smaller). */
function almondRuns(): ScalingRow[] {
  return [10_000, 100_000, 1_000_000].map((papers) => {
    const drawn = drawPapers(almond.ballots, papers, `breakaway-bench-almond-${papers}`);
    const run = groupAndCountStv(almond, drawn, 5);
    return { label: "Almond rankings", candidates: 10, seats: 4, papers, ...run };
  });
}

/** 2. 100 candidates, 20 seats, 100,000 distinct rankings. */
function hundredCandidates(): { ms: number; papers: number; report: RankedCountReport; ballots: Ballot[] } {
  const random = seededRandom("breakaway-bench-100");
  const popularity = zipf(100);
  const seen = new Set<string>();
  const ballots: Ballot[] = [];
  while (ballots.length < 100_000) {
    const ranking = syntheticRanking(random, popularity, 20);
    const key = ranking.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    ballots.push({ ranking, weight: 1 + Math.floor(random() * 5) });
  }
  const election = syntheticElection(100, 20);
  const run = bench(3, () => countScottishStv({ ...election, ballots: groupBallots(ballots) }));
  return { ms: run.ms, papers: ballots.reduce((sum, b) => sum + b.weight, 0), report: run.result, ballots: groupBallots(ballots) as Ballot[] };
}

/** 3. Growth with the number of candidates: 100,000 synthetic papers each. */
function candidateScaling(): ScalingRow[] {
  return [10, 25, 50, 100].map((candidates) => {
    const random = seededRandom(`breakaway-bench-scale-${candidates}`);
    const popularity = zipf(candidates);
    const papers: Ranking[] = Array.from({ length: 100_000 }, () => syntheticRanking(random, popularity, Math.min(candidates, 15)));
    const seats = Math.max(1, Math.round(candidates / 5));
    const run = groupAndCountStv(syntheticElection(candidates, seats), papers, 3);
    return { label: "synthetic", candidates, seats, papers: papers.length, ...run };
  });
}

/** 4. Burlington expanded to 500,000 papers: ours against the `votes` package. */
function againstVotes() {
  const burlington = parsePreflib(readFileSync(path.join(sharedBallots, "burlington-2009-mayor", "00005-00000002.toi"), "utf8"), "toi");
  const papers = drawPapers(burlington.ballots, 500_000, "breakaway-bench-burlington");
  const names = [...burlington.candidates];
  const votesBallots = papers.map((ranking) => ({
    ranking: ranking.map((entry: RankEntry) => (typeof entry === "number" ? [names[entry]!] : entry.map((c) => names[c]!))),
    weight: 1,
  }));
  const oursIrv = bench(5, () => countIrv({ ...burlington, ballots: groupBallots(papers) }));
  const oursSchulze = bench(5, () => countSchulze({ ...burlington, ballots: groupBallots(papers) }));
  const votesIrv = bench(1, () => new InstantRunoff({ candidates: names, ballots: votesBallots }).ranking());
  const votesSchulze = bench(1, () => new Schulze(votesUtils.matrixFromBallots(votesBallots, names)).ranking());
  return { oursIrv, oursSchulze, votesIrv, votesSchulze };
}

/**
 * 5. Meek and WIGM (issue 18) beside Scottish STV, on the same two sets of papers: Almond's
 * rankings drawn to 1,000,000 papers, and the 100 candidates' 100,000 distinct rankings. Grouped
 * beforehand (grouping is the same for every rule); one timed run each after the first
 * (a Meek count of the large set takes seconds). Droop's own anchor: Meek on one ward, 3.4 s in Python.
 */
function referenceRuleRuns(bigBallots: readonly Ballot[]) {
  const almondPapers = { ...almond, ballots: groupBallots(drawPapers(almond.ballots, 1_000_000, "breakaway-bench-almond-1000000")) };
  const hundred = { ...syntheticElection(100, 20), ballots: bigBallots };
  const rules = [
    ["Scottish STV", (e: Election) => countScottishStv(e).elected.length],
    ["Meek, PR Foundation reference (9 places)", (e: Election) => countMeekPrf(e).elected.length],
    ["Meek, omega 10^-9, guarded (27 places)", (e: Election) => countMeekGuarded(e).elected.length],
    ["WIGM, PR Foundation reference (4 places)", (e: Election) => countWigmPrf(e).elected.length],
    ["WIGM, exact fractions", (e: Election) => countWigmRational(e).elected.length],
  ] as const;
  return rules.map(([name, count]) => {
    const almondRun = bench(1, () => count(almondPapers));
    process.stderr.write(`${name}: Almond ${ms(almondRun.ms)} ms\n`);
    // Exact fractions grow with every transfer: 90 stages of 100,000 rankings' weights are not
    // worth the wait, so that one is left out.
    const hundredRun = name.includes("fractions") ? null : bench(1, () => count(hundred));
    if (hundredRun) process.stderr.write(`${name}: 100 candidates ${ms(hundredRun.ms)} ms\n`);
    return { name, almond: almondRun, hundred: hundredRun };
  });
}

// Warm up the JIT on a small count first, so the first measured row is not penalised.
groupAndCountStv(almond, drawPapers(almond.ballots, 20_000, "breakaway-bench-warm-up"), 5);

const almondRows = almondRuns();
const almondMillion = almondRows[almondRows.length - 1]!;
const big = hundredCandidates();
const scaling: ScalingRow[] = [...almondRows, ...candidateScaling()];
const { oursIrv, oursSchulze, votesIrv, votesSchulze } = againstVotes();
const referenceRules = referenceRuleRuns(big.ballots);

// ---------------------------------------------------------------------------------------------
// Report.

const cpus = os.cpus();
const date = new Date().toISOString().slice(0, 10);
const sameIrvWinner = votesIrv.result[0]?.includes(oursIrv.result.elected[0]!) ?? false;
const sameSchulzeWinner = votesSchulze.result[0]?.includes(oursSchulze.result.elected[0]!) ?? false;

const section = `## Counting

Run with \`npm run bench:count\` on ${date}: Node ${process.version}, ${os.platform()} ${os.arch()},
${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM,
load average ${loadBefore} before the run and ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ")} after
(other work on the machine makes times noisier, never faster).
Times are medians of several runs after a warm-up, in milliseconds, single-threaded. "Group" is
\`groupBallots\` over individual papers; "count" is the count of the grouped ballots; "total"
is both, timed together. Data is drawn with a seeded generator, so every run counts the same papers.

### Scottish STV, 1,000,000 papers, 4 seats, 10 candidates

Papers drawn from the ranking distribution of Edinburgh 2017 Ward 1 (Almond). Target: under 1 second.

| step | ms |
|---|---:|
| group 1,000,000 papers into ${almondMillion.distinct.toLocaleString("en-GB")} distinct rankings | ${ms(almondMillion.groupMs)} |
| count (${almondMillion.report.stages.length} stages) | ${ms(almondMillion.countMs)} |
| **total** | **${ms(almondMillion.totalMs)}** |

Elected: ${almondMillion.report.elected.join(", ")} (the same four as the real ward).
Target ${almondMillion.totalMs < 1000 ? "met" : "NOT met"}.

### Burlington 2009 expanded to 500,000 papers: ours against \`votes\` ${"(npm, v3)"}

Each library gets the same 500,000 individual papers. Ours groups them first (included in the
time); \`votes\` has no fast grouping (its \`groupBallots\` compares every pair) so it gets them
one by one. Its Schulze time includes building the pairwise matrix with its \`matrixFromBallots\`.

| method | ours ms | votes ms | votes / ours | same winner |
|---|---:|---:|---:|---|
| IRV | ${ms(oursIrv.ms)} | ${ms(votesIrv.ms)} | ${(votesIrv.ms / oursIrv.ms).toFixed(0)}x | ${sameIrvWinner ? "yes" : "no"} (${oursIrv.result.elected[0]}) |
| Schulze | ${ms(oursSchulze.ms)} | ${ms(votesSchulze.ms)} | ${(votesSchulze.ms / oursSchulze.ms).toFixed(0)}x | ${sameSchulzeWinner ? "yes" : "no"} (${oursSchulze.result.elected[0]}) |

### 100 candidates, 20 seats, 100,000 distinct rankings

${big.papers.toLocaleString("en-GB")} papers (weights 1-5), rankings of 1-20 candidates drawn by Zipf-like popularity.
Scottish STV, grouping and count: **${ms(big.ms)} ms**, ${big.report.stages.length} stages, ${big.report.elected.length} elected.

### How time grows

| data | candidates | seats | papers | distinct rankings | stages | group ms | count ms | total ms |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${scaling
  .map(
    (r) =>
      `| ${r.label} | ${r.candidates} | ${r.seats} | ${r.papers.toLocaleString("en-GB")} | ${r.distinct.toLocaleString("en-GB")} | ${r.report.stages.length} | ${ms(r.groupMs)} | ${ms(r.countMs)} | ${ms(r.totalMs)} |`,
  )
  .join("\n")}

Grouping grows linearly with papers; the count itself depends on distinct rankings and stages,
not on papers, which is why a million papers with Almond's ~2,800 rankings count in a few
milliseconds.

### Meek and WIGM beside Scottish STV

The same papers as above, grouped beforehand; one run each after a first. Meek counts every
paper again at every iteration until the surplus settles, so it takes longer than the rules that
transfer a stage at a time; its arithmetic is exact BigInt (decision 050). WIGM in exact
fractions is not run on the large set: every transfer multiplies the fractions' denominators,
and 90 stages of 100,000 rankings are not worth the wait (it is for re-checking small counts).
The anchor is Droop's own time for Meek on one ward: 3.4 s in Python.

| rule | Almond, 1,000,000 papers (${almondMillion.distinct.toLocaleString("en-GB")} rankings), ms | 100 candidates, 100,000 distinct rankings, ms |
|---|---:|---:|
${referenceRules.map((r) => `| ${r.name} | ${ms(r.almond.ms)} | ${r.hundred ? ms(r.hundred.ms) : "not run"} |`).join("\n")}
`;

writeBenchmarkSection(docPath, "Counting", section);

process.stdout.write(`${section}\nWritten to ${path.relative(repoRoot, docPath)}\n`);
