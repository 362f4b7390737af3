import { createCipheriv, createDecipheriv, randomInt } from "node:crypto";
import { BASE58_DIGITS } from "./base58";
import { type Group, hashToExponent, isExponent, isGroupElement, modQ, mulMod, powMod, randomExponent, sha256Hex, invMod, inverseModulo } from "./group";
import {
  type EncryptedMsg,
  evalPolynomial,
  parseCertKeys,
  parseChannelMsg,
  parseEncryptedMsg,
  parsePartialDecryptionKey,
  parseRawCoefexps,
  parseRawPolynomial,
  parseSecret,
  type Polynomial,
  serializeCertKeys,
  serializeChannelMsg,
  serializeEncryptedMsg,
  serializePartialDecryptionKey,
  serializeRawCoefexps,
  serializeRawPolynomial,
  serializeSecret,
  serializeSignedMsg,
  signedMsgOf,
  ThresholdError,
  type VInput,
  type VOutput,
} from "./threshold-formats";
import { trusteePublicKeyFor, verifyTrusteePublicKey } from "./trustee";
import type { SignedMsg, ThresholdParameters } from "./types";

export type { SignedMsg, ThresholdParameters };
// The messages live in threshold-formats.ts, shared with the trustee's browser: one parser per format.
export {
  type CertKeys,
  type EncryptedMsg,
  parseCertKeys,
  parseEncryptedMsg,
  parsePolynomial,
  parseVInput,
  parseVOutput,
  type Polynomial,
  serializeEncryptedMsg,
  serializePolynomial,
  serializeSignedMsg,
  serializeVInput,
  serializeVOutput,
  ThresholdError,
  type VInput,
  type VOutput,
} from "./threshold-formats";

/**
 * Threshold (k of n) keys, the "Pedersen" trustees of Belenios 2.0 (specification "Messages
 * specific to threshold decryption support"; src/lib/v1/trustees.ml MakePKI, MakeChannels,
 * MakePedersen; the six steps of `belenios-tool setup generate-trustee-key-threshold` that
 * tests/tool/demo-threshold.sh runs). Every message is JSON in belenios-tool's field order, so
 * that trustees using this code and trustees using belenios-tool can take part in one ceremony.
 * A trustee's own steps (1, 3, 5) and their key share also run in the browser, over WebCrypto:
 * browser/threshold-ceremony.ts.
 */

// --- PKI ------------------------------------------------------------------------------------------

/** The trustee's secret: 22 base-58 characters; the signing and decryption keys derive from it. */
export function generateSeed(): string {
  let seed = "";
  for (let i = 0; i < 22; i++) seed += BASE58_DIGITS[randomInt(58)];
  return seed;
}

// Not reduced mod q, as in belenios (Z.of_hex of the digest): only ever used as an exponent.
export const deriveSigningKey = (seed: string) => BigInt(`0x${sha256Hex(`sk|${seed}`)}`);
export const deriveDecryptionKey = (seed: string) => BigInt(`0x${sha256Hex(`dk|${seed}`)}`);

export function signMessage(group: Group, sk: bigint, message: string): SignedMsg {
  const w = randomExponent(group);
  const challenge = hashToExponent(group, `sigmsg|${message}|`, [powMod(group, group.g, w)]);
  return { message, signature: { challenge, response: modQ(group, w - sk * challenge) } };
}

export function verifySignedMsg(group: Group, vk: bigint, m: SignedMsg): boolean {
  const { challenge, response } = m.signature;
  if (!isExponent(group, challenge) || !isExponent(group, response)) return false;
  const commitment = mulMod(group, powMod(group, group.g, response), powMod(group, vk, challenge));
  return hashToExponent(group, `sigmsg|${m.message}|`, [commitment]) === challenge;
}

export function verifyCert(group: Group, cert: SignedMsg): boolean {
  try {
    return verifySignedMsg(group, parseCertKeys(cert).verification, cert);
  } catch {
    return false;
  }
}

// AES-256-CCM as belenios' SJCL-derived code does it: key SHA256("key|" g^s), nonce the first
// 13 bytes of SHA256("iv|" alpha) (L = 2 for messages under 64 KiB), 8-byte tag after the data.
function aesCcm(direction: "encrypt" | "decrypt", keyElement: bigint, alpha: bigint, input: Buffer): Buffer {
  const key = Buffer.from(sha256Hex(`key|${keyElement}`), "hex");
  const nonce = Buffer.from(sha256Hex(`iv|${alpha}`), "hex").subarray(0, 13);
  if (direction === "encrypt") {
    if (input.length >= 65536) throw new Error("message too long for the channel");
    const cipher = createCipheriv("aes-256-ccm", key, nonce, { authTagLength: 8 });
    const body = Buffer.concat([cipher.update(input), cipher.final()]);
    return Buffer.concat([body, cipher.getAuthTag()]);
  }
  const decipher = createDecipheriv("aes-256-ccm", key, nonce, { authTagLength: 8 });
  decipher.setAuthTag(input.subarray(input.length - 8));
  const out = decipher.update(input.subarray(0, input.length - 8));
  decipher.final();
  return out;
}

export function encryptMsg(group: Group, y: bigint, plaintext: string): EncryptedMsg {
  const r = randomExponent(group);
  const keyElement = powMod(group, group.g, randomExponent(group));
  const alpha = powMod(group, group.g, r);
  const beta = mulMod(group, powMod(group, y, r), keyElement);
  return { alpha, beta, data: aesCcm("encrypt", keyElement, alpha, Buffer.from(plaintext, "utf8")).toString("hex") };
}

export function decryptMsg(group: Group, x: bigint, m: EncryptedMsg): string {
  const keyElement = mulMod(group, m.beta, invMod(group, powMod(group, m.alpha, x)));
  return aesCcm("decrypt", keyElement, m.alpha, Buffer.from(m.data, "hex")).toString("utf8");
}

/** send(sk, recipient, message): signed channel message, encrypted for the recipient. */
export function sendMsg(group: Group, sk: bigint, recipient: bigint, message: string): string {
  return serializeEncryptedMsg(encryptMsg(group, recipient, serializeSignedMsg(signMessage(group, sk, serializeChannelMsg(recipient, message)))));
}

export function recvMsg(group: Group, dk: bigint, vk: bigint, raw: string): string {
  const signed = signedMsgOf(JSON.parse(decryptMsg(group, dk, parseEncryptedMsg(raw))));
  if (!verifySignedMsg(group, vk, signed)) throw new ThresholdError("invalid signature on received message");
  const channel = parseChannelMsg(signed.message);
  if (channel.recipient !== powMod(group, group.g, dk)) throw new ThresholdError("invalid recipient on received message");
  return channel.message;
}

// --- The six steps ------------------------------------------------------------------------------

/** Step 1 (each trustee): a seed kept secret, and the certificate published. */
export function thresholdStep1(group: Group): { seed: string; cert: SignedMsg } {
  const seed = generateSeed();
  const sk = deriveSigningKey(seed);
  const keys = serializeCertKeys({ verification: powMod(group, group.g, sk), encryption: powMod(group, group.g, deriveDecryptionKey(seed)) });
  return { seed, cert: signMessage(group, sk, keys) };
}

/** Step 2 (anyone): every certificate is signed by its own verification key. */
export function thresholdStep2(group: Group, certs: readonly SignedMsg[]): void {
  certs.forEach((cert, i) => {
    if (!verifyCert(group, cert)) throw new ThresholdError(`certificate ${i + 1} does not validate`);
  });
}

function ownIndex(group: Group, certs: readonly SignedMsg[], seed: string): number {
  const vk = powMod(group, group.g, deriveSigningKey(seed));
  const ek = powMod(group, group.g, deriveDecryptionKey(seed));
  const i = certs.map(parseCertKeys).findIndex((c) => c.verification === vk && c.encryption === ek);
  if (i < 0) throw new ThresholdError("could not find my certificate");
  return i + 1;
}

/** Step 3 (each trustee): a random polynomial of degree threshold-1, its shares sent to everyone. */
export function thresholdStep3(group: Group, certs: readonly SignedMsg[], seed: string, threshold: number): Polynomial {
  thresholdStep2(group, certs);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > certs.length)
    throw new ThresholdError("threshold must be between 1 and the number of trustees");
  ownIndex(group, certs, seed);
  const sk = deriveSigningKey(seed);
  const ek = powMod(group, group.g, deriveDecryptionKey(seed));
  const coefficients = Array.from({ length: threshold }, () => randomExponent(group));
  const polynomial = sendMsg(group, sk, ek, serializeRawPolynomial(coefficients));
  const coefexps = signMessage(group, sk, serializeRawCoefexps(coefficients.map((a) => powMod(group, group.g, a))));
  const secrets = certs
    .map(parseCertKeys)
    .map((c, j) => sendMsg(group, sk, c.encryption, serializeSecret(evalPolynomial(group.q, coefficients, BigInt(j + 1)))));
  return { polynomial, secrets, coefexps };
}

function coefexpsOf(group: Group, certs: readonly SignedMsg[], signed: readonly SignedMsg[]): bigint[][] {
  const keys = certs.map(parseCertKeys);
  return signed.map((s, i) => {
    if (!verifySignedMsg(group, keys[i]!.verification, s)) throw new ThresholdError(`coefexps ${i + 1} does not validate`);
    return parseRawCoefexps(s.message);
  });
}

/** Step 4 (the server): routes each trustee its shares and everyone's coefficient commitments. */
export function thresholdStep4(group: Group, certs: readonly SignedMsg[], polynomials: readonly Polynomial[]): VInput[] {
  thresholdStep2(group, certs);
  if (polynomials.length !== certs.length) throw new ThresholdError("one polynomial per trustee expected");
  const coefexps = polynomials.map((p) => p.coefexps);
  coefexpsOf(group, certs, coefexps);
  return polynomials.map((p, j) => ({ polynomial: p.polynomial, secrets: polynomials.map((pi) => pi.secrets[j]!), coefexps }));
}

/** prod_i prod_k A_ik^(j^k): g to the power of trustee j's share, from public commitments. */
export function verificationKeys(group: Group, coefexps: readonly bigint[][]): bigint[] {
  return coefexps.map((_, index) => {
    const j = BigInt(index + 1);
    return coefexps.reduce((vk, c) => {
      let jk = 1n;
      let acc = 1n;
      for (const a of c) {
        acc = mulMod(group, acc, powMod(group, a, jk));
        jk *= j;
      }
      return mulMod(group, vk, acc);
    }, 1n);
  });
}

/** Step 5 (each trustee): checks the shares received, sums them into a key share, proves it. */
export function thresholdStep5(group: Group, certs: readonly SignedMsg[], seed: string, vinput: VInput): VOutput {
  thresholdStep2(group, certs);
  const j = ownIndex(group, certs, seed);
  const sk = deriveSigningKey(seed);
  const dk = deriveDecryptionKey(seed);
  const ek = powMod(group, group.g, dk);
  const vk = powMod(group, group.g, sk);
  const threshold = parseRawPolynomial(recvMsg(group, dk, vk, vinput.polynomial)).length;
  const keys = certs.map(parseCertKeys);
  if (vinput.secrets.length !== certs.length || vinput.coefexps.length !== certs.length) throw new ThresholdError("vinput does not match the certificates");
  const secrets = vinput.secrets.map((s, i) => parseSecret(recvMsg(group, dk, keys[i]!.verification, s)));
  const coefexps = coefexpsOf(group, certs, vinput.coefexps);
  coefexps.forEach((c, i) => {
    if (c.length !== threshold) throw new ThresholdError(`coefexps ${i + 1} has the wrong degree`);
    let jk = 1n;
    let expected = 1n;
    for (const a of c) {
      expected = mulMod(group, expected, powMod(group, a, jk));
      jk *= BigInt(j);
    }
    if (powMod(group, group.g, secrets[i]!) !== expected) throw new ThresholdError(`secret ${i + 1} does not validate`);
  });
  // Not reduced mod q: belenios sums the shares as integers (Z.(+)), and the share is only an exponent.
  const share = secrets.reduce((a, b) => a + b, 0n);
  return {
    privateKey: sendMsg(group, sk, ek, serializePartialDecryptionKey(share)),
    publicKey: trusteePublicKeyFor(group, share),
  };
}

/** Step 6 (the server): checks every output and assembles the published threshold parameters. */
export function thresholdStep6(
  group: Group,
  certs: readonly SignedMsg[],
  polynomials: readonly Polynomial[],
  voutputs: readonly VOutput[],
): ThresholdParameters {
  thresholdStep2(group, certs);
  if (polynomials.length !== certs.length || voutputs.length !== certs.length) throw new ThresholdError("one polynomial and one output per trustee expected");
  const coefexps = coefexpsOf(
    group,
    certs,
    polynomials.map((p) => p.coefexps),
  );
  const vks = verificationKeys(group, coefexps);
  voutputs.forEach((v, j) => {
    if (!verifyTrusteePublicKey(group, v.publicKey)) throw new ThresholdError(`pok ${j + 1} does not validate`);
    if (v.publicKey.publicKey !== vks[j]) throw new ThresholdError(`verification key ${j + 1} is incorrect`);
  });
  return {
    threshold: coefexps[0]!.length,
    certs: [...certs],
    coefexps: polynomials.map((p) => p.coefexps),
    verificationKeys: voutputs.map((v) => v.publicKey),
  };
}

/** check_pedersen: what a verifier checks of published threshold parameters. */
export function verifyThresholdParameters(group: Group, t: ThresholdParameters): boolean {
  try {
    if (!t.certs.every((c) => verifyCert(group, c))) return false;
    if (t.coefexps.length !== t.certs.length || t.verificationKeys.length !== t.certs.length) return false;
    const coefexps = coefexpsOf(group, t.certs, t.coefexps);
    if (!coefexps.every((c) => c.every((a) => isGroupElement(group, a)))) return false;
    if (!t.verificationKeys.every((k) => verifyTrusteePublicKey(group, k))) return false;
    if (t.threshold !== coefexps[0]!.length) return false;
    const vks = verificationKeys(group, coefexps);
    return t.verificationKeys.every((k, i) => k.publicKey === vks[i]);
  } catch {
    return false;
  }
}

/** The sub-key of a threshold set: the product of every trustee's constant commitment A_i0. */
export function thresholdPublicKey(group: Group, t: ThresholdParameters): bigint {
  return coefexpsOf(group, t.certs, t.coefexps).reduce((acc, c) => mulMod(group, acc, c[0]!), 1n);
}

/** A trustee's key share, opened from their .dkey (the voutput's private_key) with their seed. */
export function openDecryptionKey(group: Group, seed: string, dkey: string): bigint {
  const message = recvMsg(group, deriveDecryptionKey(seed.trim()), powMod(group, group.g, deriveSigningKey(seed.trim())), dkey.trim());
  return parsePartialDecryptionKey(message);
}

/** Lagrange coefficient of trustee j among the (1-based) indexes that decrypted, mod q. */
export function lagrange(group: Group, indexes: readonly number[], j: number): bigint {
  return indexes.reduce((acc, k) => {
    if (k === j) return acc;
    return (((acc * BigInt(k)) % group.q) * invModQ(group, BigInt(k - j))) % group.q;
  }, 1n);
}

function invModQ(group: Group, x: bigint): bigint {
  return inverseModulo(x, group.q);
}
