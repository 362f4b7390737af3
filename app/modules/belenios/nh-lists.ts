import { isHomomorphic } from "./types";
import type { Ciphertext, Election, EncryptedTally } from "./types";

/**
 * Where the non-homomorphic (ranked) questions' ciphertexts sit in an encrypted tally: what the
 * trustees shuffle, and what they decrypt once the last shuffle is put back. Pure, shared by the
 * server core (tally.ts re-exports it) and the trustee's browser (browser/).
 */

/** nh_ciphertexts: the non-homomorphic questions' lists, in question order (what trustees shuffle). */
export function nhCiphertexts(election: Pick<Election, "params">, tally: EncryptedTally): Ciphertext[][] {
  return tally.filter((_, i) => !isHomomorphic(election.params.questions[i]!));
}

/** The tally with the non-homomorphic lists replaced by their last shuffle (what trustees decrypt). */
export function mergeNhCiphertexts(election: Pick<Election, "params">, tally: EncryptedTally, shuffled: readonly Ciphertext[][]): EncryptedTally {
  let next = 0;
  return tally.map((q, i) => (isHomomorphic(election.params.questions[i]!) ? q : shuffled[next++]!));
}
