import { isHomomorphic } from "./types";
import type { AnyQuestion, Question } from "./types";

/**
 * Plaintexts of ballots, checked before anything is encrypted. Pure, shared by the server core
 * (ballot.ts re-exports it) and the browser's encryption (browser/).
 */

/** Number of ciphertexts an answer to a homomorphic q carries: one per answer, plus the blank flag first. */
export function questionLength(q: Question): number {
  return q.answers.length + (q.blank ? 1 : 0);
}

/** One question's plaintext as belenios-tool takes it: 0/1 per answer, the blank flag first if allowed. */
export type Plaintext = number[][];

export class InvalidPlaintextError extends Error {}

/**
 * The plaintext for a question: for a homomorphic one, from the answers chosen (indexes) or
 * "blank"; for a non-homomorphic one, the value given to each answer (a rank, a grade), as is.
 */
export function plaintextFor(q: AnyQuestion, choice: readonly number[] | "blank"): number[] {
  if (!isHomomorphic(q)) {
    if (choice === "blank" || choice.length !== q.answers.length) throw new InvalidPlaintextError("one value per answer expected");
    return [...choice];
  }
  if (choice === "blank") {
    if (!q.blank) throw new InvalidPlaintextError("this question does not allow a blank vote");
    return [1, ...q.answers.map(() => 0)];
  }
  const marks = q.answers.map((_, i) => (choice.includes(i) ? 1 : 0));
  return q.blank ? [0, ...marks] : marks;
}

export function checkPlaintext(q: Question, m: readonly number[]): void {
  if (m.length !== questionLength(q)) throw new InvalidPlaintextError("wrong number of values for the question");
  if (!m.every((x) => x === 0 || x === 1)) throw new InvalidPlaintextError("each value must be 0 or 1");
  const marks = q.blank ? m.slice(1) : m;
  const sum = marks.reduce<number>((a, b) => a + b, 0);
  if (q.blank && m[0] === 1) {
    if (sum !== 0) throw new InvalidPlaintextError("a blank vote selects no answer");
  } else if (sum < q.min || sum > q.max) {
    throw new InvalidPlaintextError(`between ${q.min} and ${q.max} answers must be selected`);
  }
}
