import { groupBallots } from "./group";
import { findRon } from "./ron";
import { breakTie } from "./ties";
import type { CandidateIndex, CountOptions, Election, SchulzeReport, TieBreak, Winner } from "./types";

/**
 * The Schulze method, for choosing between competing texts (or ranking any options).
 *
 * 1. Pairwise counts: d[a][b] = papers that rank a above b. Candidates a paper leaves unranked
 *    count as ranked equal, below every ranked candidate; candidates ranked equal (`{a,b}`)
 *    get no preference either way. So equal rankings are handled natively.
 * 2. Link strength by winning votes: a -> b has strength d[a][b] if d[a][b] > d[b][a], else 0.
 * 3. Strongest paths: p[a][b] = the strongest chain of links from a to b, where a chain is as
 *    strong as its weakest link (Floyd-Warshall "widest path").
 * 4. a ranks above b when p[a][b] > p[b][a]. Schulze proved this relation is transitive, so
 *    the candidates nobody beats always exist; they share first place. Remove them and repeat
 *    for the next place, giving the full ranking with equal places reported as such.
 *
 * With more than one seat the top places are taken in order (this is a ranking, not a
 * proportional method). Only when a shared place has more candidates than seats left is a lot
 * drawn (lot.ts, stage 0).
 */
export function countSchulze(election: Election, options: CountOptions = {}): SchulzeReport {
  const names = election.candidates;
  const n = names.length;
  const seats = options.seats ?? (election.seats > 0 ? election.seats : 1);
  if (!Number.isSafeInteger(seats) || seats < 1) {
    throw new RangeError(`seats must be a positive whole number, got ${seats}`);
  }
  const seed = options.seed ?? "";
  const ron = findRon(election, options);
  const withdrawn = new Set(election.withdrawn);
  for (const c of withdrawn) {
    if (!(Number.isInteger(c) && c >= 0 && c < n)) throw new RangeError(`withdrawn candidate ${c} does not exist`);
  }
  const active: CandidateIndex[] = [];
  for (let c = 0; c < n; c++) if (!withdrawn.has(c)) active.push(c);

  let cast = 0;
  for (const ballot of election.ballots) cast += ballot.weight;
  const groups = groupBallots(election.ballots, withdrawn);

  const pairwise = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rankedSoFar = new Uint8Array(n);
  let empty = cast;
  for (const { ranking, weight } of groups) {
    if (ranking.length === 0) continue;
    empty -= weight;
    rankedSoFar.fill(0);
    for (const entry of ranking) {
      const members = typeof entry === "number" ? [entry] : entry;
      for (const c of members) {
        if (!(Number.isInteger(c) && c >= 0 && c < n)) {
          throw new RangeError(`a ballot ranks candidate ${c}, but there are only ${n} candidates`);
        }
        rankedSoFar[c] = 1;
      }
      // Everyone in this entry beats everyone not yet ranked (later entries and unranked).
      for (const a of members) {
        const row = pairwise[a]!;
        for (const b of active) if (rankedSoFar[b] === 0) row[b]! += weight;
      }
    }
  }

  const paths = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const a of active) {
    for (const b of active) {
      if (a !== b && pairwise[a]![b]! > pairwise[b]![a]!) paths[a]![b] = pairwise[a]![b]!;
    }
  }
  for (const i of active) {
    for (const j of active) {
      if (j === i) continue;
      const ji = paths[j]![i]!;
      if (ji === 0) continue;
      const rowJ = paths[j]!;
      const rowI = paths[i]!;
      for (const k of active) {
        if (k === i || k === j) continue;
        const through = Math.min(ji, rowI[k]!);
        if (through > rowJ[k]!) rowJ[k] = through;
      }
    }
  }

  const tiers: CandidateIndex[][] = [];
  let rest = [...active];
  while (rest.length > 0) {
    const top = rest.filter((a) => rest.every((b) => a === b || paths[a]![b]! >= paths[b]![a]!));
    // Schulze's theorem guarantees `top` is non-empty; guard anyway so a bug cannot loop.
    const tier = top.length > 0 ? top : rest;
    tiers.push(tier);
    rest = rest.filter((c) => !tier.includes(c));
  }

  const winners: Winner[] = [];
  const tieBreaks: TieBreak[] = [];
  const context = { names, seed, tieOrder: options.tieOrder ?? election.tieOrder, history: [] };
  for (const tier of tiers) {
    const left = seats - winners.length;
    if (left <= 0) break;
    let chosen: CandidateIndex[];
    if (tier.length <= left) {
      chosen = tier;
    } else {
      chosen = [];
      let pool = [...tier];
      while (chosen.length < left) {
        const outcome = breakTie(pool, "highest", "ranking-place", context);
        if (outcome.record) tieBreaks.push(outcome.record);
        chosen.push(outcome.chosen);
        pool = pool.filter((c) => c !== outcome.chosen);
      }
    }
    for (const c of chosen) {
      winners.push({ candidate: names[c]!, stage: 0, reason: "ranking", ron: c === ron });
    }
  }

  return {
    method: "schulze",
    title: election.title,
    seats,
    quota: null,
    seed,
    candidates: [...names],
    withdrawn: election.withdrawn.map((c) => names[c]!),
    ballots: { cast, valid: cast - empty, empty },
    elected: winners.map((w) => w.candidate),
    winners,
    vacantSeats: seats - winners.filter((w) => !w.ron).length,
    tieBreaks,
    stages: [],
    pairwise,
    strongestPaths: paths,
    ranking: tiers.map((tier) => tier.map((c) => names[c]!)),
  };
}
