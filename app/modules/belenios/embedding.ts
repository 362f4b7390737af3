import type { Group } from "./group-params";

/**
 * How a non-homomorphic answer (a ranking: one small integer per answer) becomes one group
 * element, group_encode of Belenios 2.0 (src/lib/v1/group_field.ml). Pure, no node:crypto: shared
 * by the server core (nonhomomorphic.ts) and the browser's encryption (browser/), so that both
 * put the same number in the ciphertext.
 */

export class EmbeddingError extends Error {}

/** v_1..v_n in bitsPerInt bits each, shifted by the padding: the element before its ε is added. */
export function packInts(group: Group, values: readonly number[]): bigint {
  const e = group.embedding;
  if (!e) throw new EmbeddingError(`${group.name} has no embedding: non-homomorphic questions need RFC-3526-2048`);
  const mask = (1 << e.bitsPerInt) - 1;
  let x = 0n;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > mask) throw new EmbeddingError(`each value must be an integer from 0 to ${mask}`);
    x = (x << BigInt(e.bitsPerInt)) + BigInt(v & mask);
  }
  x <<= BigInt(e.padding);
  if (x >= group.p) throw new EmbeddingError(`${values.length} values do not fit in one element of ${group.name}`);
  return x;
}

/** group_encode: the packed values plus the smallest ε that makes them a member of the group. */
export function embedInts(group: Group, values: readonly number[], isMember: (x: bigint) => boolean): bigint {
  let x = packInts(group, values);
  while (!isMember(x)) x += 1n;
  return x;
}

/**
 * Membership of the embedding groups without an exponentiation. Where p = 2q + 1 (a safe prime,
 * as RFC-3526-2048), the subgroup of order q is the quadratic residues, so x^q = 1 exactly when
 * the Legendre symbol (x/p) is 1: a few thousand BigInt shifts instead of a 2047-bit power, which
 * a browser takes tens of milliseconds over.
 */
export function isResidueOfSafePrime(group: Group, x: bigint): boolean {
  if (group.p !== 2n * group.q + 1n) throw new Error(`${group.name}: p is not 2q + 1, so residues are not its subgroup`);
  return x > 0n && x < group.p && jacobi(x, group.p) === 1;
}

/** The Jacobi symbol (a/n) for odd n > 0, by quadratic reciprocity (the Legendre symbol when n is prime). */
function jacobi(a: bigint, n: bigint): -1 | 0 | 1 {
  let t: -1 | 1 = 1;
  a %= n;
  while (a !== 0n) {
    while ((a & 1n) === 0n) {
      a >>= 1n;
      const r = n & 7n;
      if (r === 3n || r === 5n) t = t === 1 ? -1 : 1;
    }
    [a, n] = [n, a];
    if ((a & 3n) === 3n && (n & 3n) === 3n) t = t === 1 ? -1 : 1;
    a %= n;
  }
  return n === 1n ? t : 0;
}
