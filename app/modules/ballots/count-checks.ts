import { isRonName } from "./ron";
import type { CandidateIndex, Election } from "./types";

/**
 * What the count command checks before it counts a file, so that it never prints a result that
 * looks right and is not:
 *
 * - two candidates with the same name (the result would show both as, say, "Ann", and nobody
 *   could tell who was elected): refused;
 * - a candidate named like re-open nominations ("Ron", "RON", "Re-open nominations") in a file
 *   that does not say which candidate is RON: refused, since a person called Ron would otherwise
 *   be counted as RON and their seat left empty. A BLT file says so with `[ron 3]` or
 *   `[ron none]`, as our own published files do;
 * - more seats than candidates standing: counted, with a warning, and the result says how many
 *   seats stay empty.
 *
 * Pure. Each check carries the line it is about, when the file's lines are known; the wording is
 * in messages.ts.
 */

export type CountCheck =
  | { kind: "refusal"; code: "duplicate-name"; name: string; candidate: CandidateIndex; line: number | null; first: CandidateIndex; firstLine: number | null }
  | { kind: "refusal"; code: "ron-name-unmarked"; name: string; candidate: CandidateIndex; line: number | null }
  | { kind: "warning"; code: "more-seats-than-candidates"; seats: number; standing: number; line: number | null };

export interface CountCheckLines {
  /** The line each candidate's name is on. */
  candidates?: readonly number[];
  /** The line that gives the number of seats. */
  header?: number;
}

/** Names that a reader would take for the same: case, spacing and Unicode form ignored. */
function sameNameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

export function checkCountable(election: Election, seats: number, lines: CountCheckLines = {}): CountCheck[] {
  const lineOf = (c: CandidateIndex): number | null => lines.candidates?.[c] ?? null;
  const checks: CountCheck[] = [];
  const seen = new Map<string, CandidateIndex>();
  election.candidates.forEach((name, candidate) => {
    const key = sameNameKey(name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, candidate);
    else checks.push({ kind: "refusal", code: "duplicate-name", name, candidate, line: lineOf(candidate), first, firstLine: lineOf(first) });
  });
  if (election.ron === undefined) {
    election.candidates.forEach((name, candidate) => {
      if (isRonName(name)) checks.push({ kind: "refusal", code: "ron-name-unmarked", name, candidate, line: lineOf(candidate) });
    });
  }
  // RON and withdrawn candidates cannot take a seat.
  const ron = election.ron ?? null;
  const standing = election.candidates.filter((_, c) => c !== ron && !election.withdrawn.includes(c)).length;
  if (seats > standing) checks.push({ kind: "warning", code: "more-seats-than-candidates", seats, standing, line: lines.header ?? null });
  return checks;
}
