import type { BallotProblem } from "./ballot-rules";

/**
 * Reads a numbered ballot (one number per option, "1" for first choice, blanks allowed) into a
 * ranking, most preferred first. Works the same with or without JavaScript.
 */
export function rankingFromNumbers(numbers: ReadonlyMap<number, string>): { ok: true; ranking: number[] } | { ok: false; code: BallotProblem } {
  const entries: [number, number][] = [];
  for (const [position, raw] of numbers) {
    const text = raw.trim();
    if (text === "") continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) return { ok: false, code: "ranking_gap" };
    entries.push([n, position]);
  }
  if (entries.length === 0) return { ok: false, code: "ranking_empty" };
  entries.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < entries.length; i += 1) {
    const rank = entries[i]![0];
    if (i > 0 && rank === entries[i - 1]![0]) return { ok: false, code: "ranking_duplicate" };
    if (rank !== i + 1) return { ok: false, code: "ranking_gap" };
  }
  return { ok: true, ranking: entries.map(([, position]) => position) };
}
