import { type Group, hashToExponent, invMod, isExponent, isGroupElement, modQ, mulMod, powMod, randomBelow, randomExponent, sha256Hex } from "./group";
import { EmbeddingError, embedInts } from "./embedding";
import { rawegPrefix } from "./proof-prefixes";
import { challengesText, challengeText, generatorText, shuffleStatement } from "./shuffle-text";
import type { Ciphertext, NonHomomorphicAnswer, NonHomomorphicQuestion, ShuffleProof } from "./types";

/**
 * Non-homomorphic questions (specification "Non-homomorphic answers", "Shuffles", "Shuffle
 * algorithms"; src/lib/v1/question_nh.ml, mixnet.ml): a ranking is packed into one group element
 * (RFC-3526-2048 and its embedding), encrypted with a proof of knowledge of the randomness, and
 * after the vote every trustee re-encrypts and permutes the ciphertexts with CHVote's proof.
 */

export { EmbeddingError } from "./embedding";

/** group_encode: v_1..v_n in bits_per_int bits each, shifted by padding, then the next element. */
export function encodeInts(group: Group, values: readonly number[]): bigint {
  return embedInts(group, values, (x) => isGroupElement(group, x));
}

/** group_decode: the n integers packed in x. */
export function decodeInts(group: Group, n: number, x: bigint): number[] {
  const e = group.embedding;
  if (!e) throw new EmbeddingError(`${group.name} has no embedding`);
  const mask = (1n << BigInt(e.bitsPerInt)) - 1n;
  let rest = x >> BigInt(e.padding);
  const values = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    values[i] = Number(rest & mask);
    rest >>= BigInt(e.bitsPerInt);
  }
  return values;
}

export function encryptNonHomomorphicAnswer(
  group: Group,
  y: bigint,
  prefix: string,
  q: NonHomomorphicQuestion,
  values: readonly number[],
): NonHomomorphicAnswer {
  if (values.length !== q.answers.length) throw new EmbeddingError("one value per answer expected");
  const r = randomExponent(group);
  const choices = { alpha: powMod(group, group.g, r), beta: mulMod(group, powMod(group, y, r), encodeInts(group, values)) };
  const w = randomExponent(group);
  const challenge = hashToExponent(group, rawegPrefix(prefix, y, choices), [powMod(group, group.g, w)]);
  return { choices, proof: { challenge, response: modQ(group, w - r * challenge) } };
}

export function verifyNonHomomorphicAnswer(group: Group, y: bigint, prefix: string, a: NonHomomorphicAnswer): boolean {
  const { challenge, response } = a.proof;
  if (!isGroupElement(group, a.choices.alpha) || !isGroupElement(group, a.choices.beta)) return false;
  if (!isExponent(group, challenge) || !isExponent(group, response)) return false;
  const commitment = mulMod(group, powMod(group, group.g, response), powMod(group, a.choices.alpha, challenge));
  return hashToExponent(group, rawegPrefix(prefix, y, a.choices), [commitment]) === challenge;
}

/** The tally's order for a non-homomorphic question: by alpha, then beta (compare_ciphertexts). */
export function compareCiphertexts(a: Ciphertext, b: Ciphertext): number {
  if (a.alpha !== b.alpha) return a.alpha < b.alpha ? -1 : 1;
  return a.beta < b.beta ? -1 : a.beta > b.beta ? 1 : 0;
}

// --- Shuffles ------------------------------------------------------------------------------------

const generators = new Map<string, Map<number, bigint>>();

/** Independent generator #i: SHA256("ggen|i") raised to the cofactor (Group_field.get_generator). */
export function getGenerator(group: Group, i: number): bigint {
  let cache = generators.get(group.name);
  if (!cache) generators.set(group.name, (cache = new Map()));
  let h = cache.get(i);
  if (h === undefined) {
    h = powMod(group, BigInt(`0x${sha256Hex(generatorText(i))}`), (group.p - 1n) / group.q);
    if (h === 0n || h === 1n || h === group.g) throw new Error(`generator #${i} is degenerate`);
    cache.set(i, h);
  }
  return h;
}

function nizkpChallenges(group: Group, n: number, text: string): bigint[] {
  const h = sha256Hex(text);
  return Array.from({ length: n }, (_, i) => BigInt(`0x${sha256Hex(h + sha256Hex(String(i)))}`) % group.q);
}

const nizkpChallenge = (group: Group, text: string) => BigInt(`0x${sha256Hex(text)}`) % group.q;

const product = (group: Group, xs: readonly bigint[]) => xs.reduce((a, b) => mulMod(group, a, b), 1n);

/** CheckShuffleProof: e' is a re-encryption of a permutation of e under y (bound to the fingerprint). */
export function checkShuffleProof(
  group: Group,
  fingerprint: string,
  y: bigint,
  e: readonly Ciphertext[],
  ePrime: readonly Ciphertext[],
  proof: ShuffleProof,
): boolean {
  const n = e.length;
  const { t, s, c: cc, cHat } = proof;
  const elementsOk = (xs: readonly bigint[]) => xs.every((x) => isGroupElement(group, x));
  const exponentsOk = (xs: readonly bigint[]) => xs.every((x) => isExponent(group, x));
  if (ePrime.length !== n || cc.length !== n || cHat.length !== n || t.tHat.length !== n || s.sHat.length !== n || s.sPrime.length !== n) return false;
  if (!elementsOk([t.t1, t.t2, t.t3, t.t41, t.t42]) || !exponentsOk([s.s1, s.s2, s.s3, s.s4])) return false;
  if (!elementsOk(cc) || !elementsOk(cHat) || !elementsOk(t.tHat) || !exponentsOk(s.sHat) || !exponentsOk(s.sPrime)) return false;
  if (!ePrime.every((x) => isGroupElement(group, x.alpha) && isGroupElement(group, x.beta))) return false;
  const h = getGenerator(group, -1);
  const hh = Array.from({ length: n }, (_, i) => getGenerator(group, i));
  const str1 = shuffleStatement(e, ePrime, cc);
  const uu = nizkpChallenges(group, n, challengesText(fingerprint, str1));
  const c = nizkpChallenge(group, challengeText(fingerprint, str1, t, cHat, y));
  const inv = (x: bigint) => invMod(group, x);
  const cBar = mulMod(group, product(group, cc), inv(product(group, hh)));
  const u = uu.reduce((a, b) => (a * b) % group.q, 1n);
  const cHatN = mulMod(group, n === 0 ? h : cHat[n - 1]!, inv(powMod(group, h, u)));
  const cTilde = product(
    group,
    cc.map((x, i) => powMod(group, x, uu[i]!)),
  );
  const aPrime = product(
    group,
    e.map((x, i) => powMod(group, x.beta, uu[i]!)),
  );
  const bPrime = product(
    group,
    e.map((x, i) => powMod(group, x.alpha, uu[i]!)),
  );
  const g = group.g;
  const t1 = mulMod(group, inv(powMod(group, cBar, c)), powMod(group, g, s.s1));
  const t2 = mulMod(group, inv(powMod(group, cHatN, c)), powMod(group, g, s.s2));
  const t3 = mulMod(group, inv(powMod(group, cTilde, c)), product(group, [powMod(group, g, s.s3), ...hh.map((x, i) => powMod(group, x, s.sPrime[i]!))]));
  const t41 = mulMod(
    group,
    inv(mulMod(group, powMod(group, aPrime, c), powMod(group, y, s.s4))),
    product(
      group,
      ePrime.map((x, i) => powMod(group, x.beta, s.sPrime[i]!)),
    ),
  );
  const t42 = mulMod(
    group,
    inv(mulMod(group, powMod(group, bPrime, c), powMod(group, g, s.s4))),
    product(
      group,
      ePrime.map((x, i) => powMod(group, x.alpha, s.sPrime[i]!)),
    ),
  );
  if (t1 !== t.t1 || t2 !== t.t2 || t3 !== t.t3 || t41 !== t.t41 || t42 !== t.t42) return false;
  // t̂_i = ĉ_i^-c · g^ŝ_i · ĉ_(i-1)^s'_i, checked as t̂_i · ĉ_i^c = g^ŝ_i · ĉ_(i-1)^s'_i (ĉ_i is a group
  // element, so the two are the same): no inversion for each ciphertext (half a millisecond each).
  return cHat.every((ci, i) => {
    const previous = i === 0 ? h : cHat[i - 1]!;
    return mulMod(group, t.tHat[i]!, powMod(group, ci, c)) === mulMod(group, powMod(group, g, s.sHat[i]!), powMod(group, previous, s.sPrime[i]!));
  });
}

/** GenShuffle and GenShuffleProof: what a trustee runs on one question's ciphertexts. */
export function shuffleCiphertexts(group: Group, fingerprint: string, y: bigint, e: readonly Ciphertext[]): { ciphertexts: Ciphertext[]; proof: ShuffleProof } {
  const n = e.length;
  const g = group.g;
  // GenPermutation (Fisher-Yates with node:crypto randomness)
  const tmp = Array.from({ length: n }, (_, i) => i);
  const psi = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const k = i + Number(randomBelow(BigInt(n - i)));
    psi[i] = tmp[k]!;
    tmp[k] = tmp[i]!;
  }
  const rr1 = e.map(() => randomExponent(group));
  const reencrypted = e.map((x, i) => ({
    alpha: mulMod(group, x.alpha, powMod(group, g, rr1[i]!)),
    beta: mulMod(group, x.beta, powMod(group, y, rr1[i]!)),
  }));
  const ePrime = psi.map((j) => reencrypted[j]!);
  const h = getGenerator(group, -1);
  const hh = Array.from({ length: n }, (_, i) => getGenerator(group, i));
  // GenPermutationCommitment
  const cc = new Array<bigint>(n);
  const rr = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const r = randomExponent(group);
    rr[psi[i]!] = r;
    cc[psi[i]!] = mulMod(group, powMod(group, g, r), hh[i]!);
  }
  const str1 = shuffleStatement(e, ePrime, cc);
  const uu = nizkpChallenges(group, n, challengesText(fingerprint, str1));
  const uuPrime = psi.map((j) => uu[j]!);
  // GenCommitmentChain
  const rrHat = uuPrime.map(() => randomExponent(group));
  const cHat = new Array<bigint>(n);
  for (let i = 0; i < n; i++) cHat[i] = mulMod(group, powMod(group, g, rrHat[i]!), powMod(group, i === 0 ? h : cHat[i - 1]!, uuPrime[i]!));
  const [w1, w2, w3, w4] = [0, 1, 2, 3].map(() => randomExponent(group)) as [bigint, bigint, bigint, bigint];
  const wwHat = e.map(() => randomExponent(group));
  const wwPrime = e.map(() => randomExponent(group));
  const t1 = powMod(group, g, w1);
  const t2 = powMod(group, g, w2);
  const t3 = product(group, [powMod(group, g, w3), ...hh.map((x, i) => powMod(group, x, wwPrime[i]!))]);
  const t41 = product(group, [invMod(group, powMod(group, y, w4)), ...ePrime.map((x, i) => powMod(group, x.beta, wwPrime[i]!))]);
  const t42 = product(group, [invMod(group, powMod(group, g, w4)), ...ePrime.map((x, i) => powMod(group, x.alpha, wwPrime[i]!))]);
  const tHat = wwHat.map((w, i) => mulMod(group, powMod(group, g, w), powMod(group, i === 0 ? h : cHat[i - 1]!, wwPrime[i]!)));
  const c = nizkpChallenge(group, challengeText(fingerprint, str1, { t1, t2, t3, t41, t42, tHat }, cHat, y));
  const q = group.q;
  const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n) % q;
  const vv = new Array<bigint>(n).fill(1n);
  for (let i = n - 2; i >= 0; i--) vv[i] = (uuPrime[i + 1]! * vv[i + 1]!) % q;
  const s1 = (w1 + c * sum(rr)) % q;
  const s2 = (w2 + c * sum(rrHat.map((r, i) => r * vv[i]!))) % q;
  const s3 = (w3 + c * sum(rr.map((r, i) => r * uu[i]!))) % q;
  const s4 = (w4 + c * sum(rr1.map((r, i) => r * uu[i]!))) % q;
  const sHat = wwHat.map((w, i) => (w + c * rrHat[i]!) % q);
  const sPrime = wwPrime.map((w, i) => (w + c * uuPrime[i]!) % q);
  return {
    ciphertexts: ePrime,
    proof: { t: { t1, t2, t3, t41, t42, tHat }, s: { s1, s2, s3, s4, sHat, sPrime }, c: cc, cHat },
  };
}
