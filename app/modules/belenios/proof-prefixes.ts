import type { Ciphertext, Election } from "./types";

/**
 * The texts every proof hashes before its commitments (src/lib/v1/question_h.ml, election.ml and
 * trustees.ml of Belenios 2.0). Pure, shared by the server core (ballot.ts, trustee.ts) and the
 * browser's code (browser/): a single character of difference and every proof fails.
 */

/** What binds each proof to the election and the voter: fingerprint|public credential. */
export const proofPrefix = (election: Pick<Election, "fingerprint">, credential: bigint) => `${election.fingerprint}|${credential}`;

/** A disjunctive proof on one ciphertext (eg_disj_prove). */
export const disjunctivePrefix = (prefix: string, c: Ciphertext) => `prove|${prefix}|${c.alpha},${c.beta}|`;

/** The overall proof's prefix: the answer's ciphertexts follow the voter's prefix. */
export const overallPrefix = (prefix: string, choices: readonly Ciphertext[]) => `${prefix}|${choices.map((c) => `${c.alpha},${c.beta}`).join(",")}`;

/** The ballot's signature, over the hash of the unsigned ballot. */
export const signaturePrefix = (hash: string) => `sig|${hash}|`;

/** A non-homomorphic answer's proof of knowledge of its randomness (question_nh.ml). */
export const rawegPrefix = (prefix: string, y: bigint, c: Ciphertext) => `raweg|${prefix}|${y},${c.alpha},${c.beta}|`;

/** A trustee's proof of knowledge of their private key: the group's name is hashed in. */
export const pokPrefix = (groupName: string, publicKey: bigint) => `pok|${groupName}|${publicKey}|`;

/** A decryption factor's proof, bound to the election and the trustee's public key. */
export const decryptPrefix = (election: Pick<Election, "fingerprint">, publicKey: bigint) => `decrypt|${election.fingerprint}|${publicKey}|`;
