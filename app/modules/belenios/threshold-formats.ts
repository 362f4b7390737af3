import { BASE58_DIGITS } from "./base58";
import { arr, BeleniosFormatError, bigNum, type Json, obj, proofJson, proofOf, str, trusteePublicKeyJson, trusteePublicKeyOf } from "./canonical";
import type { SignedMsg, TrusteePublicKey } from "./types";

/**
 * The messages of the threshold ("Pedersen") key ceremony as belenios-tool writes them
 * (src/lib/v1/serializable.atd of Belenios 2.0, atdgen field order), and the little arithmetic
 * both sides share. Pure and browser-safe: the server's ceremony (threshold.ts, which re-exports
 * all of it) and the trustee's browser (browser/threshold-ceremony.ts) read and write the same
 * bytes through this one module.
 */

export class ThresholdError extends Error {}

export interface EncryptedMsg {
  alpha: bigint;
  beta: bigint;
  /** Hex of the AES-256-CCM ciphertext with its 8-byte tag. */
  data: string;
}

export interface Polynomial {
  /** send(sk, own ek, raw_polynomial), serialized. */
  polynomial: string;
  /** send(sk, ek_j, secret f(j)), serialized, for j = 1..n. */
  secrets: string[];
  coefexps: SignedMsg;
}

export interface VInput {
  polynomial: string;
  secrets: string[];
  coefexps: SignedMsg[];
}

export interface VOutput {
  /** send(sk, own ek, partial_decryption_key): the trustee's share, kept by the server as the ".dkey". */
  privateKey: string;
  publicKey: TrusteePublicKey;
}

/** A certificate's message: g^sk, which checks the trustee's signatures, and g^dk, which others encrypt to. */
export interface CertKeys {
  verification: bigint;
  encryption: bigint;
}

const num = (x: bigint) => x.toString(10);

// --- The outer messages: what trustees and the server exchange -------------------------------------

export const signedJson = (m: SignedMsg) => ({ message: m.message, signature: proofJson(m.signature) });

export function signedMsgOf(x: Json, what = "signed_msg"): SignedMsg {
  const o = obj(x, what);
  return { message: str(o.message, `${what}.message`), signature: proofOf(o.signature, `${what}.signature`) };
}

export const serializeSignedMsg = (m: SignedMsg) => JSON.stringify(signedJson(m));
export const serializeEncryptedMsg = (m: EncryptedMsg) => JSON.stringify({ alpha: num(m.alpha), beta: num(m.beta), data: m.data });
export const serializePolynomial = (p: Polynomial) => JSON.stringify({ polynomial: p.polynomial, secrets: p.secrets, coefexps: signedJson(p.coefexps) });
export const serializeVInput = (v: VInput) => JSON.stringify({ polynomial: v.polynomial, secrets: v.secrets, coefexps: v.coefexps.map(signedJson) });
export const serializeVOutput = (v: VOutput) => JSON.stringify({ private_key: v.privateKey, public_key: trusteePublicKeyJson(v.publicKey) });

const strings = (x: Json, what: string) => arr(x, what).map((s, i) => str(s, `${what}[${i}]`));
const numbers = (x: Json, what: string) => arr(x, what).map((s, i) => bigNum(s, `${what}[${i}]`));

export const parseSignedMsg = (raw: string): SignedMsg => signedMsgOf(JSON.parse(raw));

export const parseEncryptedMsg = (raw: string): EncryptedMsg => {
  const o = obj(JSON.parse(raw), "encrypted_msg");
  return { alpha: bigNum(o.alpha, "alpha"), beta: bigNum(o.beta, "beta"), data: str(o.data, "data") };
};
export const parsePolynomial = (raw: string): Polynomial => {
  const o = obj(JSON.parse(raw), "polynomial");
  return { polynomial: str(o.polynomial, "polynomial"), secrets: strings(o.secrets, "secrets"), coefexps: signedMsgOf(o.coefexps, "coefexps") };
};
export const parseVInput = (raw: string): VInput => {
  const o = obj(JSON.parse(raw), "vinput");
  return {
    polynomial: str(o.polynomial, "polynomial"),
    secrets: strings(o.secrets, "secrets"),
    coefexps: arr(o.coefexps, "coefexps").map((c, i) => signedMsgOf(c, `coefexps[${i}]`)),
  };
};
export const parseVOutput = (raw: string): VOutput => {
  const o = obj(JSON.parse(raw), "voutput");
  return { privateKey: str(o.private_key, "private_key"), publicKey: trusteePublicKeyOf(o.public_key, "public_key") };
};

/** The certificates file (certs.jsons): one signed cert per line, in the trustees' order; blank lines are skipped. */
export function parseCerts(text: string): SignedMsg[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line, i) => signedMsgOf(JSON.parse(line), `certs[${i}]`));
}

// --- The inner messages: what is signed, or sent through a channel ---------------------------------

export const serializeCertKeys = (k: CertKeys) => JSON.stringify({ verification: num(k.verification), encryption: num(k.encryption) });
export function parseCertKeys(cert: SignedMsg): CertKeys {
  const o = obj(JSON.parse(cert.message), "cert_keys");
  return { verification: bigNum(o.verification, "verification"), encryption: bigNum(o.encryption, "encryption") };
}

export const serializeChannelMsg = (recipient: bigint, message: string) => JSON.stringify({ recipient: num(recipient), message });
export function parseChannelMsg(raw: string): { recipient: bigint; message: string } {
  const o = obj(JSON.parse(raw), "channel_msg");
  return { recipient: bigNum(o.recipient, "recipient"), message: str(o.message, "message") };
}

export const serializeRawPolynomial = (coefficients: readonly bigint[]) => JSON.stringify({ polynomial: coefficients.map(num) });
export const parseRawPolynomial = (raw: string): bigint[] => numbers(obj(JSON.parse(raw), "raw_polynomial").polynomial, "polynomial");

export const serializeRawCoefexps = (coefexps: readonly bigint[]) => JSON.stringify({ coefexps: coefexps.map(num) });
export const parseRawCoefexps = (raw: string): bigint[] => numbers(obj(JSON.parse(raw), "raw_coefexps").coefexps, "coefexps");

export const serializeSecret = (secret: bigint) => JSON.stringify({ secret: num(secret) });
export const parseSecret = (raw: string): bigint => bigNum(obj(JSON.parse(raw), "secret").secret, "secret");

export const serializePartialDecryptionKey = (x: bigint) => JSON.stringify({ decryption_key: num(x) });
export const parsePartialDecryptionKey = (raw: string): bigint => bigNum(obj(JSON.parse(raw), "partial_decryption_key").decryption_key, "decryption_key");

// --- Files and arithmetic --------------------------------------------------------------------------

const SEED = new RegExp(`^[${BASE58_DIGITS}]{22}$`);

/**
 * The seed in a trustee's ID.key file, which belenios-tool step 1 writes as the 22 base-58
 * characters and a newline. belenios-tool 2.0 itself takes the whole file but its last newline as
 * the seed (string_of_file in src/tool/common.ml), so a file saved with a Windows line end or
 * spaces around the seed would derive other keys there and fail with "could not find my
 * certificate". Since step 1 never puts white space in a seed, we read the file trimmed instead:
 * the same seed for the file belenios-tool wrote, and the intended one for an edited copy.
 * Anything but one seed (another file, a second line) is a BeleniosFormatError.
 */
export function readKeyFile(text: string): string {
  const seed = text.trim();
  if (!SEED.test(seed)) throw new BeleniosFormatError("key file: one line of 22 base-58 characters expected (the ID.key of step 1)");
  return seed;
}

/** f(x) mod q, for the coefficients a_0..a_(k-1) of f. */
export function evalPolynomial(q: bigint, coefficients: readonly bigint[], x: bigint): bigint {
  let result = 0n;
  let power = 1n;
  for (const a of coefficients) {
    result = (result + power * a) % q;
    power = (power * x) % q;
  }
  return result;
}
