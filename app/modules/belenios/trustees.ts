import { type Group, mulMod, powMod } from "./group";
import { lagrange, thresholdPublicKey, verifyThresholdParameters } from "./threshold";
import { verifyPartialDecryption, verifyTrusteePublicKey } from "./trustee";
import type { Election, EncryptedTally, PartialDecryption, TrusteeKind } from "./types";

/**
 * The election's trustees structure as a whole (specification "Trustees", "Election result"):
 * its public key, its checks, and how partial decryptions combine, Single and Pedersen alike.
 * Partial decryption owners are numbered 1.. across the structure: one number per Single item,
 * one per trustee of a Pedersen item, in order.
 */

export function trusteeCount(trustees: readonly TrusteeKind[]): number {
  return trustees.reduce((n, t) => n + (t.kind === "Single" ? 1 : t.params.verificationKeys.length), 0);
}

/** null when every key proof, certificate and commitment holds; otherwise the first problem. */
export function checkTrustees(group: Group, trustees: readonly TrusteeKind[]): string | null {
  for (const [i, t] of trustees.entries()) {
    if (t.kind === "Single" && !verifyTrusteePublicKey(group, t.key)) return `trustee ${i + 1}: invalid proof of knowledge of the key`;
    if (t.kind === "Pedersen" && !verifyThresholdParameters(group, t.params)) return `trustees ${i + 1}: invalid threshold parameters`;
  }
  return null;
}

/** y: the product of the sub-keys (a Single key, or the product of a Pedersen set's A_i0). */
export function electionPublicKey(group: Group, trustees: readonly TrusteeKind[]): bigint {
  return trustees.reduce((y, t) => mulMod(group, y, t.kind === "Single" ? t.key.publicKey : thresholdPublicKey(group, t.params)), 1n);
}

export class DecryptionError extends Error {}

/**
 * Checks the partial decryptions and combines them into one factor per ciphertext: every Single
 * trustee must have decrypted; of a Pedersen set, the first k valid ones (by number) are used
 * with their Lagrange coefficients. Throws DecryptionError naming what is wrong or missing.
 */
export function synthesizeFactors(
  election: Election,
  trustees: readonly TrusteeKind[],
  tally: EncryptedTally,
  partials: readonly { owner: number; pd: PartialDecryption }[],
): bigint[][] {
  const group = election.group;
  const total = trusteeCount(trustees);
  const byOwner = new Map<number, PartialDecryption>();
  for (const { owner, pd } of partials) {
    if (!Number.isInteger(owner) || owner < 1 || owner > total) throw new DecryptionError(`partial decryption from unknown trustee ${owner}`);
    if (byOwner.has(owner)) throw new DecryptionError(`two partial decryptions from trustee ${owner}`);
    byOwner.set(owner, pd);
  }
  const one = () => tally.map((q) => q.map(() => 1n));
  const factors = one();
  const multiplyIn = (pd: PartialDecryption, exponent: bigint | null) =>
    factors.forEach((q, i) =>
      q.forEach((f, j) => {
        const d = pd.decryptionFactors[i]![j]!;
        q[j] = mulMod(group, f, exponent === null ? d : powMod(group, d, exponent));
      }),
    );
  let next = 1;
  for (const t of trustees) {
    if (t.kind === "Single") {
      const owner = next++;
      const pd = byOwner.get(owner);
      if (!pd) throw new DecryptionError(`missing partial decryption of trustee ${owner}`);
      if (!verifyPartialDecryption(election, tally, t.key.publicKey, pd)) throw new DecryptionError(`partial decryption of trustee ${owner}: invalid proof`);
      multiplyIn(pd, null);
      continue;
    }
    const first = next;
    next += t.params.verificationKeys.length;
    const present: { index: number; pd: PartialDecryption }[] = [];
    t.params.verificationKeys.forEach((vk, k) => {
      const pd = byOwner.get(first + k);
      if (!pd) return;
      if (!verifyPartialDecryption(election, tally, vk.publicKey, pd)) throw new DecryptionError(`partial decryption of trustee ${first + k}: invalid proof`);
      present.push({ index: k + 1, pd });
    });
    if (present.length < t.params.threshold) throw new DecryptionError(`not enough partial decryptions (${present.length} of ${t.params.threshold})`);
    const used = present.slice(0, t.params.threshold);
    const indexes = used.map((u) => u.index);
    for (const u of used) multiplyIn(u.pd, lagrange(group, indexes, u.index));
  }
  return factors;
}
