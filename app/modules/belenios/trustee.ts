import { type Group, hashToExponent, isExponent, isGroupElement, modQ, mulMod, powMod, randomExponent } from "./group";
import { decryptPrefix, pokPrefix } from "./proof-prefixes";
import type { Ciphertext, Election, PartialDecryption, Proof, TrusteeKeyPair, TrusteePublicKey } from "./types";

/**
 * A "Single" trustee (specification "Verification keys", "Partial decryptions";
 * src/lib/v1/trustees.ml, election.ml): a key pair with a Schnorr proof of knowledge, and
 * decryption factors alpha^x with Chaum-Pedersen proofs.
 */

export function generateTrusteeKey(group: Group): TrusteeKeyPair {
  const privateKey = randomExponent(group);
  return { privateKey, publicKey: trusteePublicKeyFor(group, privateKey) };
}

export function trusteePublicKeyFor(group: Group, privateKey: bigint): TrusteePublicKey {
  const publicKey = powMod(group, group.g, privateKey);
  const w = randomExponent(group);
  const challenge = hashToExponent(group, pokPrefix(group.name, publicKey), [powMod(group, group.g, w)]);
  return { pok: { challenge, response: modQ(group, w - privateKey * challenge) }, publicKey };
}

export function verifyTrusteePublicKey(group: Group, key: TrusteePublicKey): boolean {
  const { challenge, response } = key.pok;
  if (!isGroupElement(group, key.publicKey) || !isExponent(group, challenge) || !isExponent(group, response)) return false;
  const commitment = mulMod(group, powMod(group, group.g, response), powMod(group, key.publicKey, challenge));
  return hashToExponent(group, pokPrefix(group.name, key.publicKey), [commitment]) === challenge;
}

function decryptionFactor(election: Election, privateKey: bigint, publicKey: bigint, c: Ciphertext) {
  const group = election.group;
  const w = randomExponent(group);
  const commitments = [powMod(group, group.g, w), powMod(group, c.alpha, w)];
  const challenge = hashToExponent(group, decryptPrefix(election, publicKey), commitments);
  const proof: Proof = { challenge, response: modQ(group, w - privateKey * challenge) };
  return { factor: powMod(group, c.alpha, privateKey), proof };
}

/** What a trustee computes from the encrypted tally with their private key. */
export function computePartialDecryption(election: Election, tally: readonly Ciphertext[][], privateKey: bigint): PartialDecryption {
  const group = election.group;
  for (const c of tally.flat()) if (!isGroupElement(group, c.alpha) || !isGroupElement(group, c.beta)) throw new Error("invalid ciphertext in tally");
  const publicKey = powMod(group, group.g, privateKey);
  const parts = tally.map((q) => q.map((c) => decryptionFactor(election, privateKey, publicKey, c)));
  return {
    decryptionFactors: parts.map((q) => q.map((x) => x.factor)),
    decryptionProofs: parts.map((q) => q.map((x) => x.proof)),
  };
}

/** Checks every factor's proof against the trustee's public key (what the server runs on receipt). */
export function verifyPartialDecryption(election: Election, tally: readonly Ciphertext[][], publicKey: bigint, pd: PartialDecryption): boolean {
  const group = election.group;
  if (pd.decryptionFactors.length !== tally.length || pd.decryptionProofs.length !== tally.length) return false;
  return tally.every((q, i) => {
    const factors = pd.decryptionFactors[i]!;
    const proofs = pd.decryptionProofs[i]!;
    if (factors.length !== q.length || proofs.length !== q.length) return false;
    return q.every((c, j) => {
      const f = factors[j]!;
      const { challenge, response } = proofs[j]!;
      if (!isGroupElement(group, f) || !isExponent(group, challenge) || !isExponent(group, response)) return false;
      const commitments = [
        mulMod(group, powMod(group, group.g, response), powMod(group, publicKey, challenge)),
        mulMod(group, powMod(group, c.alpha, response), powMod(group, f, challenge)),
      ];
      return hashToExponent(group, decryptPrefix(election, publicKey), commitments) === challenge;
    });
  });
}
