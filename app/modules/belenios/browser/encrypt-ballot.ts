import { parseElectionParams, serializeBallot } from "../canonical";
import { isExponent, modQ } from "../group-params";
import { InvalidPlaintextError, type Plaintext } from "../plaintext";
import { proofPrefix, signaturePrefix } from "../proof-prefixes";
import { isHomomorphic } from "../types";
import type { Answer, AnyQuestion, Ballot } from "../types";
import { Engine, fromBytes, noPause, utf8, webCrypto, type WebCrypto, type Yield } from "./engine";
import { encryptHomomorphicAnswer, homomorphicExponentiations } from "./homomorphic-answer";
import { encryptNonHomomorphicAnswerInBrowser, NON_HOMOMORPHIC_EXPONENTIATIONS } from "./nonhomomorphic-answer";

export type { WebCrypto, Yield } from "./engine";

/**
 * Belenios 2.0 ballots made in the voter's browser: the same ballots as ballot.ts's encryptBallot,
 * byte for byte in form (canonical.ts writes both), with WebCrypto instead of node:crypto and plain
 * BigInt instead of OpenSSL (engine.ts, shared with the trustee's work). The proofs are the server
 * core's, written again with awaits: WebCrypto only hashes asynchronously, and the core's proofs
 * are synchronous. Homomorphic questions without a blank vote (a Yes/No poll's) and
 * non-homomorphic ones (a ranked poll's), as poll-election.ts sets them up.
 */

export interface BrowserBallot {
  /** The exact text to send: the server checks and stores it as is. */
  raw: string;
  /** Its smart ballot tracker (Base64 SHA-256 of raw), which the server returns as the receipt. */
  tracker: string;
}

export interface EncryptOptions {
  crypto?: WebCrypto;
  /** Called before each slice of work: the page gives itself back to the browser there. */
  pause?: Yield;
  /** After each exponentiation: how many are done, of how many the ballot needs. */
  onProgress?: (done: number, total: number) => void;
}

/** secret(c): PBKDF2-SHA256 of the credential as typed, salted with the uuid, 1000 rounds (credentials.ts). */
async function credentialSecret(e: Engine, uuid: string, privateCredential: string): Promise<bigint> {
  const key = await e.crypto.subtle.importKey("raw", utf8(privateCredential), "PBKDF2", false, ["deriveBits"]);
  const bits = await e.crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: utf8(uuid), iterations: 1000 }, key, 256);
  return modQ(e.group, fromBytes(new Uint8Array(bits)));
}

/** The exponentiations a ballot needs: the public credential, each answer's, the signature. */
export function exponentiationsFor(questions: readonly AnyQuestion[]): number {
  return 2 + questions.reduce((n, q) => n + (isHomomorphic(q) ? homomorphicExponentiations(q) : NON_HOMOMORPHIC_EXPONENTIATIONS), 0);
}

/**
 * Encrypts, proves and signs a ballot for the election whose exact text is electionRaw, with the
 * voter's private credential. Throws InvalidPlaintextError if the plaintext does not answer the
 * questions, or if the election asks what the browser cannot encrypt (a blank vote).
 */
export async function encryptBallotInBrowser(
  electionRaw: string,
  privateCredential: string,
  plaintext: Plaintext,
  options: EncryptOptions = {},
): Promise<BrowserBallot> {
  const crypto = webCrypto(options.crypto);
  const { params, group } = parseElectionParams(electionRaw);
  if (params.questions.some((q) => isHomomorphic(q) && q.blank)) throw new InvalidPlaintextError("this browser does not encrypt questions with a blank vote");
  if (plaintext.length !== params.questions.length) throw new InvalidPlaintextError("one answer per question expected");
  const total = exponentiationsFor(params.questions);
  const e = new Engine(group, crypto, options.pause ?? noPause, (done) => options.onProgress?.(done, total));
  const fingerprint = await e.sha256Base64(electionRaw);
  const secret = await credentialSecret(e, params.uuid, privateCredential);
  const credential = await e.pow(group.g, secret);
  const prefix = proofPrefix({ fingerprint }, credential);
  const y = params.publicKey;
  const answers: Answer[] = [];
  for (const [i, q] of params.questions.entries()) {
    const m = plaintext[i]!;
    answers.push(isHomomorphic(q) ? await encryptHomomorphicAnswer(e, y, prefix, q, m) : await encryptNonHomomorphicAnswerInBrowser(e, y, prefix, q, m));
  }
  const unsigned: Ballot = { electionUuid: params.uuid, electionHash: fingerprint, credential, answers };
  const hash = await e.sha256Base64(serializeBallot(unsigned));
  const w = e.randomExponent();
  const challenge = await e.hashToExponent(signaturePrefix(hash), [await e.pow(group.g, w)]);
  const response = modQ(group, w - secret * challenge);
  if (!isExponent(group, challenge) || !isExponent(group, response)) throw new Error("signature out of range");
  const raw = serializeBallot({ ...unsigned, signature: { hash, proof: { challenge, response } } });
  return { raw, tracker: await e.sha256Base64(raw) };
}
