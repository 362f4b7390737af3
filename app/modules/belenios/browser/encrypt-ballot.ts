import { parseElectionParams, serializeBallot } from "../canonical";
import { isExponent, modQ } from "../group-params";
import { checkPlaintext, InvalidPlaintextError, type Plaintext } from "../plaintext";
import { disjunctivePrefix, overallPrefix, proofPrefix, signaturePrefix } from "../proof-prefixes";
import { isHomomorphic } from "../types";
import type { Ballot, Ciphertext, HomomorphicAnswer, Proof, Question } from "../types";
import { Engine, fromBytes, noPause, utf8, webCrypto, type WebCrypto, type Yield } from "./engine";

export type { WebCrypto, Yield } from "./engine";

/**
 * Belenios 2.0 ballots made in the voter's browser: the same ballots as ballot.ts's encryptBallot,
 * byte for byte in form (canonical.ts writes both), with WebCrypto instead of node:crypto and plain
 * BigInt instead of OpenSSL. SHA-256 and PBKDF2 come from crypto.subtle, every exponent from
 * crypto.getRandomValues. The proofs are the server core's, written again with awaits: WebCrypto
 * only hashes asynchronously, and the core's proofs are synchronous. Homomorphic questions without
 * a blank vote only: what a Yes/No poll's election asks (poll-election.ts).
 */

export interface BrowserBallot {
  /** The exact text to send: the server checks and stores it as is. */
  raw: string;
  /** Its smart ballot tracker (Base64 SHA-256 of raw), which the server returns as the receipt. */
  tracker: string;
}

/** secret(c): PBKDF2-SHA256 of the credential as typed, salted with the uuid, 1000 rounds (credentials.ts). */
async function credentialSecret(e: Engine, uuid: string, privateCredential: string): Promise<bigint> {
  const key = await e.crypto.subtle.importKey("raw", utf8(privateCredential), "PBKDF2", false, ["deriveBits"]);
  const bits = await e.crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: utf8(uuid), iterations: 1000 }, key, 256);
  return modQ(e.group, fromBytes(new Uint8Array(bits)));
}

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

async function encryptAnswer(e: Engine, y: bigint, prefix: string, q: Question, m: readonly number[], invG: bigint): Promise<HomomorphicAnswer> {
  checkPlaintext(q, m);
  const { group } = e;
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
 * Encrypts, proves and signs a ballot for the election whose exact text is electionRaw, with the
 * voter's private credential. Throws InvalidPlaintextError if the plaintext does not answer the
 * questions, or if the election asks what the browser cannot encrypt (blank, non-homomorphic).
 */
export async function encryptBallotInBrowser(
  electionRaw: string,
  privateCredential: string,
  plaintext: Plaintext,
  options: { crypto?: WebCrypto; pause?: Yield } = {},
): Promise<BrowserBallot> {
  const crypto = webCrypto(options.crypto);
  const { params, group } = parseElectionParams(electionRaw);
  const questions = params.questions.map((q) => {
    if (!isHomomorphic(q) || q.blank) throw new InvalidPlaintextError("this browser encrypts Yes/No style questions only");
    return q;
  });
  if (plaintext.length !== questions.length) throw new InvalidPlaintextError("one answer per question expected");
  const e = new Engine(group, crypto, options.pause ?? noPause);
  const fingerprint = await e.sha256Base64(electionRaw);
  const secret = await credentialSecret(e, params.uuid, privateCredential);
  const credential = await e.pow(group.g, secret);
  const prefix = proofPrefix({ fingerprint }, credential);
  const invG = e.inverse(group.g);
  const answers: HomomorphicAnswer[] = [];
  for (const [i, q] of questions.entries()) answers.push(await encryptAnswer(e, params.publicKey, prefix, q, plaintext[i]!, invG));
  const unsigned: Ballot = { electionUuid: params.uuid, electionHash: fingerprint, credential, answers };
  const hash = await e.sha256Base64(serializeBallot(unsigned));
  const w = e.randomExponent();
  const challenge = await e.hashToExponent(signaturePrefix(hash), [await e.pow(group.g, w)]);
  const response = modQ(group, w - secret * challenge);
  if (!isExponent(group, challenge) || !isExponent(group, response)) throw new Error("signature out of range");
  const raw = serializeBallot({ ...unsigned, signature: { hash, proof: { challenge, response } } });
  return { raw, tracker: await e.sha256Base64(raw) };
}
