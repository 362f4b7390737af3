import { EmbeddingError, embedInts, isResidueOfSafePrime } from "../embedding";
import { modQ } from "../group-params";
import { InvalidPlaintextError } from "../plaintext";
import { rawegPrefix } from "../proof-prefixes";
import type { NonHomomorphicAnswer, NonHomomorphicQuestion } from "../types";
import type { Engine } from "./engine";

/**
 * A non-homomorphic answer (a ranked poll's ranking) made in the browser: nonhomomorphic.ts's
 * encryptNonHomomorphicAnswer written again with awaits. The ranks are packed into one element
 * exactly as the server packs them (embedding.ts), encrypted, and the proof shows that whoever
 * made the ciphertext knows its randomness, so that it cannot be a copy of someone else's.
 */
export async function encryptNonHomomorphicAnswerInBrowser(
  e: Engine,
  y: bigint,
  prefix: string,
  q: NonHomomorphicQuestion,
  values: readonly number[],
): Promise<NonHomomorphicAnswer> {
  const { group } = e;
  if (values.length !== q.answers.length) throw new InvalidPlaintextError("one value per answer expected");
  let message: bigint;
  try {
    message = embedInts(group, values, (x) => isResidueOfSafePrime(group, x));
  } catch (error) {
    if (error instanceof EmbeddingError) throw new InvalidPlaintextError(error.message);
    throw error;
  }
  const r = e.randomExponent();
  const choices = { alpha: await e.pow(group.g, r), beta: e.mul(await e.pow(y, r), message) };
  const w = e.randomExponent();
  const challenge = await e.hashToExponent(rawegPrefix(prefix, y, choices), [await e.pow(group.g, w)]);
  return { choices, proof: { challenge, response: modQ(group, w - r * challenge) } };
}

/** g^r, y^r and the proof's g^w: what the page's progress counts for a ranking. */
export const NON_HOMOMORPHIC_EXPONENTIATIONS = 3;
