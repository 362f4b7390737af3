import type { Ciphertext, ShuffleProof } from "./types";

/**
 * The texts CHVote's shuffle proof hashes (specification "Shuffle algorithms"; src/lib/v1/mixnet.ml
 * of Belenios 2.0). Pure, shared by the server core (nonhomomorphic.ts) and the trustee's browser
 * (browser/shuffle.ts): every item is written with a trailing comma, and a single character of
 * difference makes every challenge, and so the proof, fail.
 */

const strEgs = (e: readonly Ciphertext[]) => e.map((c) => `${c.alpha},${c.beta},`).join("");
const strElts = (c: readonly bigint[]) => c.map((x) => `${x},`).join("");

/** str1: the input ciphertexts, the output ciphertexts and the permutation commitments. */
export const shuffleStatement = (e: readonly Ciphertext[], ePrime: readonly Ciphertext[], c: readonly bigint[]) => strEgs(e) + strEgs(ePrime) + strElts(c);

/** Hashed (hex) into h, from which each challenge u_i = SHA256(h ‖ hex SHA256(decimal i)) mod q. */
export const challengesText = (fingerprint: string, statement: string) => `shuffle-challenges|${fingerprint}|${statement}`;

/** The main challenge's text: the commitments t and t̂, str1, the chain ĉ and the election key. */
export const challengeText = (fingerprint: string, statement: string, t: ShuffleProof["t"], cHat: readonly bigint[], y: bigint) =>
  `shuffle-challenge|${fingerprint}|${strElts([t.t1, t.t2, t.t3, t.t41, t.t42])}${strElts(t.tHat)}${statement}${strElts(cHat)}${y}`;

/** Hashed into independent generator #i (-1 for h, 0..N-1 for h_i), then raised to the cofactor. */
export const generatorText = (i: number) => `ggen|${i}`;
