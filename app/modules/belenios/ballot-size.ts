import { serializeBallot } from "./canonical";
import { questionLength } from "./plaintext";
import { isHomomorphic } from "./types";
import type { Answer, Election, Proof } from "./types";

/**
 * No ballot for the election that passes verifyBallot is longer than this: its form is fixed
 * (canonical.ts), its uuid and fingerprint are the election's, its signature's hash is a SHA-256
 * in Base64 (43 characters), and every number is below p (group elements) or q (challenges,
 * responses), so it is at most as long as this ballot with every element p - 1 and every exponent
 * q - 1. (Challenges that are hashes stay below 2^256, so real ballots of RFC-3526-2048 are
 * shorter.) Sizes the limit on what is read before any parsing.
 */
export function longestBallotLength(election: Pick<Election, "params" | "group" | "fingerprint">): number {
  const { group, params } = election;
  const element = group.p - 1n;
  const proof: Proof = { challenge: group.q - 1n, response: group.q - 1n };
  const ciphertext = { alpha: element, beta: element };
  const proofs = (n: number) => Array.from({ length: n }, () => proof);
  const answers = params.questions.map((q): Answer => {
    if (!isHomomorphic(q)) return { choices: ciphertext, proof };
    const n = questionLength(q);
    return {
      choices: Array.from({ length: n }, () => ciphertext),
      individualProofs: Array.from({ length: n }, () => proofs(2)),
      overallProof: proofs(q.max - q.min + (q.blank ? 2 : 1)),
      ...(q.blank ? { blankProof: [proof, proof] as [Proof, Proof] } : {}),
    };
  });
  const hash = "A".repeat(43);
  return serializeBallot({ electionUuid: params.uuid, electionHash: election.fingerprint, credential: element, answers, signature: { hash, proof } }).length;
}
