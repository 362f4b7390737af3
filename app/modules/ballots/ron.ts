import type { CandidateIndex, CountOptions, Election } from "./types";

/**
 * RON, "re-open nominations": a pseudo-candidate members can rank like any other. It is
 * counted exactly like a candidate; if it wins a seat, that seat stays vacant and the
 * nominations for it are re-opened.
 */

/**
 * RON's name on a ballot paper, as elections and polls store it for the option (and an election
 * reads it back to know which seats RON won): data the ballots keep, so one spelling, in the
 * engine both stand on.
 */
export const RON_LABEL = "Re-open nominations";

/** Names recognised as RON when a count is not told otherwise. */
const RON_NAME = /^\s*(?:RON|re-?open nominations)\s*$/i;

export function isRonName(name: string): boolean {
  return RON_NAME.test(name);
}

/**
 * The RON candidate for a count: from the options, else as the file marks it, else the first
 * candidate named like RON. (The count command refuses a file that has a candidate named like RON
 * and does not mark it: see count-checks.ts.)
 */
export function findRon(election: Election, options: CountOptions): CandidateIndex | null {
  if (options.ron !== undefined) return options.ron;
  if (election.ron !== undefined) return election.ron;
  const index = election.candidates.findIndex(isRonName);
  return index < 0 ? null : index;
}
