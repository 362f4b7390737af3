import { questionLength } from "./election";
import { divMod, type Group, isGroupElement, mulMod, powMod } from "./group";
import { compareCiphertexts, decodeInts, shuffleCiphertexts } from "./nonhomomorphic";

export { mergeNhCiphertexts, nhCiphertexts } from "./nh-lists";
import { isHomomorphic, isHomomorphicAnswer } from "./types";
import type { Ballot, Ciphertext, Election, ElectionResult, EncryptedTally, QuestionResult, Shuffle } from "./types";

/**
 * The homomorphic tally (specification "Encrypted tally", "Election result"): the product of every
 * tallied ballot's ciphertexts (each raised to its voter's weight), decrypted with the trustees'
 * factors, and the counts read back as discrete logarithms bounded by the total weight.
 */

export interface WeightedBallot {
  ballot: Ballot;
  weight: bigint;
}

/** last(B): each credential's last ballot only, in the order of those last ballots. */
export function lastBallotPerCredential<T extends { ballot: Ballot }>(ballots: readonly T[]): T[] {
  const latest = new Map<bigint, number>();
  ballots.forEach((b, i) => latest.set(b.ballot.credential, i));
  return ballots.filter((b, i) => latest.get(b.ballot.credential) === i);
}

export function computeEncryptedTally(election: Election, ballots: readonly WeightedBallot[]): EncryptedTally {
  const { group, params } = election;
  const tally: EncryptedTally = params.questions.map((q) =>
    isHomomorphic(q) ? Array.from({ length: questionLength(q) }, () => ({ alpha: 1n, beta: 1n })) : [],
  );
  for (const { ballot, weight } of ballots) {
    ballot.answers.forEach((answer, i) => {
      if (!isHomomorphicAnswer(answer)) {
        // Each ballot's ciphertext, unweighted: a ranking cannot count twice.
        if (weight !== 1n) throw new Error("weights are not allowed with non-homomorphic questions");
        tally[i]!.push(answer.choices);
        return;
      }
      answer.choices.forEach((c, j) => {
        const row = tally[i]!;
        const weighted = weight === 1n ? c : { alpha: powMod(group, c.alpha, weight), beta: powMod(group, c.beta, weight) };
        row[j] = { alpha: mulMod(group, row[j]!.alpha, weighted.alpha), beta: mulMod(group, row[j]!.beta, weighted.beta) };
      });
    });
  }
  params.questions.forEach((q, i) => {
    if (!isHomomorphic(q)) tally[i]!.sort(compareCiphertexts);
  });
  return tally;
}

/** log_g(x) for 0 <= log <= max, by baby-step giant-step (sqrt(max) multiplications each way). */
export function discreteLog(group: Group, x: bigint, max: bigint): bigint | null {
  const m = BigInt(Math.ceil(Math.sqrt(Number(max) + 1)));
  const baby = new Map<bigint, bigint>();
  let e = 1n;
  for (let j = 0n; j < m; j++) {
    if (!baby.has(e)) baby.set(e, j);
    e = mulMod(group, e, group.g);
  }
  const giant = divMod(group, 1n, powMod(group, group.g, m));
  let y = x;
  for (let i = 0n; i * m <= max; i++) {
    const j = baby.get(y);
    if (j !== undefined && i * m + j <= max) return i * m + j;
    y = mulMod(group, y, giant);
  }
  return null;
}

/**
 * Counts per answer (homomorphic questions) or the decoded vectors (non-homomorphic ones) from the
 * (shuffled) tally and the combined decryption factors (synthesizeFactors).
 */
export function computeResult(election: Election, tally: EncryptedTally, factors: bigint[][], totalWeight: bigint): ElectionResult {
  const group = election.group;
  return tally.map((q, i): QuestionResult => {
    const question = election.params.questions[i]!;
    if (!isHomomorphic(question)) return q.map((c, j) => decodeInts(group, question.answers.length, divMod(group, c.beta, factors[i]![j]!)));
    return q.map((c, j) => {
      const count = discreteLog(group, divMod(group, c.beta, factors[i]![j]!), totalWeight);
      if (count === null) throw new Error("cannot compute result: count above the total weight");
      return count;
    });
  });
}

/** check_result: g^count = beta / factor for every answer of every question. */
export function verifyResult(election: Election, tally: EncryptedTally, factors: bigint[][], result: ElectionResult): boolean {
  const group = election.group;
  if (!tally.flat().every((c: Ciphertext) => isGroupElement(group, c.alpha) && isGroupElement(group, c.beta))) return false;
  if (result.length !== tally.length) return false;
  return tally.every((q, i) => {
    const counts = result[i]!;
    const question = election.params.questions[i]!;
    if (counts.length !== q.length) return false;
    return q.every((c, j) => {
      const plain = divMod(group, c.beta, factors[i]![j]!);
      const value = counts[j]!;
      if (!isHomomorphic(question)) {
        if (!Array.isArray(value)) return false;
        const decoded = decodeInts(group, question.answers.length, plain);
        return decoded.length === value.length && decoded.every((v, k) => v === value[k]);
      }
      return typeof value === "bigint" && powMod(group, group.g, value) === plain;
    });
  });
}

/** One trustee's shuffle of every non-homomorphic question's ciphertexts. */
export function shuffleTally(election: Election, nh: readonly Ciphertext[][]): Shuffle {
  const shuffles = nh.map((e) => shuffleCiphertexts(election.group, election.fingerprint, election.params.publicKey, e));
  return { ciphertexts: shuffles.map((s) => s.ciphertexts), proofs: shuffles.map((s) => s.proof) };
}
