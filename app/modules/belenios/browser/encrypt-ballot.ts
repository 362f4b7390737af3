import { parseElectionParams, serializeBallot } from "../canonical";
import { type Group, hashInput, isExponent, modQ } from "../group-params";
import { checkPlaintext, InvalidPlaintextError, type Plaintext } from "../plaintext";
import { disjunctivePrefix, overallPrefix, proofPrefix, signaturePrefix } from "../proof-prefixes";
import { isHomomorphic } from "../types";
import type { Ballot, Ciphertext, HomomorphicAnswer, Proof, Question } from "../types";

/**
 * Belenios 2.0 ballots made in the voter's browser: the same ballots as ballot.ts's encryptBallot,
 * byte for byte in form (canonical.ts writes both), with WebCrypto instead of node:crypto and plain
 * BigInt instead of OpenSSL. SHA-256 and PBKDF2 come from crypto.subtle, every exponent from
 * crypto.getRandomValues. The proofs are the server core's, written again with awaits: WebCrypto
 * only hashes asynchronously, and the core's proofs are synchronous. Homomorphic questions without
 * a blank vote only: what a Yes/No poll's election asks (poll-election.ts).
 */

/** The part of WebCrypto used: the browser's window.crypto, or Node's globalThis.crypto in tests. */
export type WebCrypto = Pick<Crypto, "subtle" | "getRandomValues">;

export interface BrowserBallot {
  /** The exact text to send: the server checks and stores it as is. */
  raw: string;
  /** Its smart ballot tracker (Base64 SHA-256 of raw), which the server returns as the receipt. */
  tracker: string;
}

/** Lets the page breathe between exponentiations, so that it stays responsive while it works. */
export type Yield = () => Promise<void>;

const utf8 = (text: string) => new TextEncoder().encode(text);

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The arithmetic and hashing one ballot needs, bound to its group and WebCrypto. */
class Engine {
  constructor(
    readonly group: Group,
    private readonly crypto: WebCrypto,
    private readonly pause: Yield,
  ) {}

  /**
   * base^exp mod p, left to right with a fixed 4-bit window: 256 squarings and at most 64
   * multiplications for a 256-bit exponent.
   */
  async pow(base: bigint, exp: bigint): Promise<bigint> {
    await this.pause();
    const p = this.group.p;
    const b = ((base % p) + p) % p;
    const table = [1n, b];
    for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % p);
    const hex = exp.toString(16);
    let result = 1n;
    for (const digit of hex) {
      result = (result * result) % p;
      result = (result * result) % p;
      result = (result * result) % p;
      result = (result * result) % p;
      const d = parseInt(digit, 16);
      if (d !== 0) result = (result * table[d]!) % p;
    }
    return result;
  }

  mul(a: bigint, b: bigint): bigint {
    return (a * b) % this.group.p;
  }

  /** A uniform exponent in [0, q): rejection sampling on crypto.getRandomValues, never Math.random. */
  randomExponent(): bigint {
    const q = this.group.q;
    const bits = q.toString(2).length;
    const bytes = new Uint8Array(Math.ceil(bits / 8));
    const excess = BigInt(bytes.length * 8 - bits);
    for (;;) {
      this.crypto.getRandomValues(bytes);
      let candidate = 0n;
      for (const b of bytes) candidate = (candidate << 8n) | BigInt(b);
      candidate >>= excess;
      if (candidate < q) return candidate;
    }
  }

  async sha256(data: string): Promise<Uint8Array> {
    return new Uint8Array(await this.crypto.subtle.digest("SHA-256", utf8(data)));
  }

  /** Belenios' Hash.to_b64: Base64 SHA-256 without the padding. */
  async sha256Base64(data: string): Promise<string> {
    return toBase64(await this.sha256(data)).slice(0, -1);
  }

  /** Group_field.hash, the Fiat-Shamir challenge (group.ts hashToExponent). */
  async hashToExponent(prefix: string, elements: readonly bigint[]): Promise<bigint> {
    const digest = await this.sha256(hashInput(prefix, elements));
    let x = 0n;
    for (const b of digest) x = (x << 8n) | BigInt(b);
    return x % this.group.q;
  }

  /** secret(c): PBKDF2-SHA256 of the credential as typed, salted with the uuid, 1000 rounds (credentials.ts). */
  async credentialSecret(uuid: string, privateCredential: string): Promise<bigint> {
    const key = await this.crypto.subtle.importKey("raw", utf8(privateCredential), "PBKDF2", false, ["deriveBits"]);
    const bits = await this.crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: utf8(uuid), iterations: 1000 }, key, 256);
    let x = 0n;
    for (const b of new Uint8Array(bits)) x = (x << 8n) | BigInt(b);
    return modQ(this.group, x);
  }
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

/** g^-1 mod p by the extended Euclidean algorithm. */
function inverse(group: Group, x: bigint): bigint {
  let [a, m, x0, x1] = [x % group.p, group.p, 0n, 1n];
  while (a > 1n) {
    const quotient = a / m;
    [a, m] = [m, a % m];
    [x0, x1] = [x1 - quotient * x0, x0];
  }
  return ((x1 % group.p) + group.p) % group.p;
}

/** Resolves at once: for tests, or a caller that does not mind blocking. */
const noPause: Yield = () => Promise.resolve();

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
  const crypto = options.crypto ?? globalThis.crypto;
  if (!crypto?.subtle) throw new Error("WebCrypto is not available here");
  const { params, group } = parseElectionParams(electionRaw);
  const questions = params.questions.map((q) => {
    if (!isHomomorphic(q) || q.blank) throw new InvalidPlaintextError("this browser encrypts Yes/No style questions only");
    return q;
  });
  if (plaintext.length !== questions.length) throw new InvalidPlaintextError("one answer per question expected");
  const e = new Engine(group, crypto, options.pause ?? noPause);
  const fingerprint = await e.sha256Base64(electionRaw);
  const secret = await e.credentialSecret(params.uuid, privateCredential);
  const credential = await e.pow(group.g, secret);
  const prefix = proofPrefix({ fingerprint }, credential);
  const invG = inverse(group, group.g);
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
