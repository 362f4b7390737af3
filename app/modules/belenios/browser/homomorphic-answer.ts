import { modQ } from "../group-params";
import { checkPlaintext } from "../plaintext";
import { disjunctivePrefix, overallPrefix } from "../proof-prefixes";
import type { Ciphertext, HomomorphicAnswer, Proof, Question } from "../types";
import type { Engine } from "./engine";

/**
 * A homomorphic answer (a Yes/No poll's) made in the browser: ballot.ts's encryptAnswer written
 * again with awaits, because WebCrypto only hashes asynchronously. Questions without a blank vote.
 */

/**
 * eg_disj_prove: (alpha, beta·d[x]) = (g^r, y^r) for the true index x, the other branches
 * simulated (ballot.ts disjunctiveProve, same commitments in the same order).
 */
async function disjunctiveProve(e: Engine, y: bigint, d: readonly bigint[], prefix: string, x: number, r: bigint, c: Ciphertext): Promise<Proof[]> {
  const { group } = e;
  const proofs: Proof[] = new Array(d.length);
  const commitments: bigint[] = new Array(2 * d.length);
  let fakeTotal = 0n;
  for (let i = 0; i < d.length; i++) {
    if (i === x) continue;
    const challenge = e.randomExponent();
    const response = e.randomExponent();
    proofs[i] = { challenge, response };
    commitments[2 * i] = await e.pow(group.g, modQ(group, response + r * challenge));
    commitments[2 * i + 1] = e.mul(await e.pow(y, response), await e.pow(e.mul(c.beta, d[i]!), challenge));
    fakeTotal += challenge;
  }
  const w = e.randomExponent();
  commitments[2 * x] = await e.pow(group.g, w);
  commitments[2 * x + 1] = await e.pow(y, w);
  const challenge = modQ(group, (await e.hashToExponent(disjunctivePrefix(prefix, c), commitments)) - fakeTotal);
  proofs[x] = { challenge, response: modQ(group, w - r * challenge) };
  return proofs;
}

export async function encryptHomomorphicAnswer(e: Engine, y: bigint, prefix: string, q: Question, m: readonly number[]): Promise<HomomorphicAnswer> {
  checkPlaintext(q, m);
  const { group } = e;
  const invG = e.inverse(group.g);
  const r = m.map(() => e.randomExponent());
  const choices: Ciphertext[] = [];
  for (const [i, x] of m.entries()) {
    choices.push({ alpha: await e.pow(group.g, r[i]!), beta: e.mul(await e.pow(y, r[i]!), x === 1 ? group.g : 1n) });
  }
  const individualProofs: Proof[][] = [];
  for (const [i, c] of choices.entries()) individualProofs.push(await disjunctiveProve(e, y, [1n, invG], prefix, m[i]!, r[i]!, c));
  // The overall proof: the sum of the marks is one of min..max, d[i] = g^-(min+i) (make_d).
  const d = [await e.pow(invG, BigInt(q.min))];
  for (let i = 1; i <= q.max - q.min; i++) d.push(e.mul(d[i - 1]!, invG));
  const sum = m.reduce((a, b) => a + b, 0);
  const rSum = r.reduce((a, b) => a + b, 0n);
  const cSum = choices.reduce((a, c) => ({ alpha: e.mul(a.alpha, c.alpha), beta: e.mul(a.beta, c.beta) }), { alpha: 1n, beta: 1n });
  const overallProof = await disjunctiveProve(e, y, d, overallPrefix(prefix, choices), sum - q.min, rSum, cSum);
  return { choices, individualProofs, overallProof };
}

/**
 * How many exponentiations encryptHomomorphicAnswer does, for the page's progress: per choice
 * two to encrypt, three for the simulated branch of its proof and two for the true one; then one
 * for g^-min and the overall proof's branches.
 */
export function homomorphicExponentiations(q: Question): number {
  const branches = q.max - q.min + 1;
  return q.answers.length * (2 + 3 + 2) + 1 + 3 * (branches - 1) + 2;
}
