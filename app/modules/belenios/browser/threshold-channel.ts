import { BeleniosFormatError } from "../canonical";
import { isExponent, modQ } from "../group-params";
import {
  type EncryptedMsg,
  parseChannelMsg,
  parseEncryptedMsg,
  parseSignedMsg,
  serializeChannelMsg,
  serializeEncryptedMsg,
  serializeSignedMsg,
  ThresholdError,
} from "../threshold-formats";
import type { SignedMsg } from "../types";
import { aesCcmDecrypt, aesCcmEncrypt, CcmTagError } from "./aes-ccm";
import { type Engine, fromBytes, toHex, utf8 } from "./engine";

/**
 * The PKI and channels of the threshold ceremony in a browser (MakePKI and MakeChannels of
 * src/lib/v1/trustees.ml, threshold.ts on the server): keys derived from the trustee's seed,
 * Schnorr signatures, and messages signed, then encrypted for their recipient with ElGamal and
 * AES-256-CCM. Each function says how many exponentiations it takes, for the progress count.
 */

/** A trustee's keys, from their seed: sk signs and g^sk checks, dk decrypts what is sent to g^dk. */
export interface SeedKeys {
  sk: bigint;
  dk: bigint;
  /** g^sk, the cert's verification key. */
  vk: bigint;
  /** g^dk, the cert's encryption key. */
  ek: bigint;
}

/**
 * The keys of a seed: SHA256 of "sk|seed" and "dk|seed" read as numbers, not reduced mod q (as
 * belenios' Z.of_hex: only ever exponents). Two exponentiations.
 */
export async function seedKeys(e: Engine, seed: string): Promise<SeedKeys> {
  const sk = fromBytes(await e.sha256(`sk|${seed}`));
  const dk = fromBytes(await e.sha256(`dk|${seed}`));
  return { sk, dk, vk: await e.pow(e.group.g, sk), ek: await e.pow(e.group.g, dk) };
}

/** A Schnorr signature of the message with sk, prefix "sigmsg|". One exponentiation. */
export async function signMessage(e: Engine, sk: bigint, message: string): Promise<SignedMsg> {
  const w = e.randomExponent();
  const challenge = await e.hashToExponent(`sigmsg|${message}|`, [await e.pow(e.group.g, w)]);
  return { message, signature: { challenge, response: modQ(e.group, w - sk * challenge) } };
}

/** Whether m is signed by the key whose verification key is vk. Two exponentiations. */
export async function verifySignedMsg(e: Engine, vk: bigint, m: SignedMsg): Promise<boolean> {
  const { challenge, response } = m.signature;
  if (!isExponent(e.group, challenge) || !isExponent(e.group, response)) return false;
  const commitment = e.mul(await e.pow(e.group.g, response), await e.pow(vk, challenge));
  return (await e.hashToExponent(`sigmsg|${m.message}|`, [commitment])) === challenge;
}

/** The AES key and nonce of a channel message: SHA256("key|" K) and the first 13 bytes of SHA256("iv|" alpha). */
async function channelCipher(e: Engine, keyElement: bigint, alpha: bigint): Promise<{ key: Uint8Array; nonce: Uint8Array }> {
  return { key: await e.sha256(`key|${keyElement}`), nonce: (await e.sha256(`iv|${alpha}`)).subarray(0, 13) };
}

function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new BeleniosFormatError("encrypted_msg.data: hex expected");
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/** ElGamal of a random element K for y, and the plaintext under AES-256-CCM keyed by K. Three exponentiations. */
export async function encryptMsg(e: Engine, y: bigint, plaintext: string): Promise<EncryptedMsg> {
  const { g } = e.group;
  const r = e.randomExponent();
  const keyElement = await e.pow(g, e.randomExponent());
  const alpha = await e.pow(g, r);
  const beta = e.mul(await e.pow(y, r), keyElement);
  const { key, nonce } = await channelCipher(e, keyElement, alpha);
  return { alpha, beta, data: toHex(await aesCcmEncrypt(e.crypto, key, nonce, utf8(plaintext))) };
}

/** The plaintext of m with the decryption key x; ThresholdError when it was not sent to x or was altered. One exponentiation. */
export async function decryptMsg(e: Engine, x: bigint, m: EncryptedMsg): Promise<string> {
  const keyElement = e.mul(m.beta, e.inverse(await e.pow(m.alpha, x)));
  const { key, nonce } = await channelCipher(e, keyElement, m.alpha);
  try {
    return new TextDecoder().decode(await aesCcmDecrypt(e.crypto, key, nonce, fromHex(m.data)));
  } catch (error) {
    if (error instanceof CcmTagError) throw new ThresholdError("a message does not decrypt with this key: it was sent to another trustee, or altered");
    throw error;
  }
}

/** send(sk, recipient, message): signed, then encrypted for the recipient. Four exponentiations. */
export async function sendMsg(e: Engine, sk: bigint, recipient: bigint, message: string): Promise<string> {
  const signed = await signMessage(e, sk, serializeChannelMsg(recipient, message));
  return serializeEncryptedMsg(await encryptMsg(e, recipient, serializeSignedMsg(signed)));
}

/** Input text to JSON, with a BeleniosFormatError naming the input instead of a bare SyntaxError. */
export function readJson<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SyntaxError) throw new BeleniosFormatError(`${what}: not JSON (${error.message})`);
    throw error;
  }
}

/**
 * recv(dk, vk, raw): the message sent to the holder of dk (whose g^dk is ek) by the owner of vk.
 * ThresholdError when it does not decrypt, is not signed by vk, or is addressed to someone else.
 * Three exponentiations.
 */
export async function recvMsg(e: Engine, keys: Pick<SeedKeys, "dk" | "ek">, vk: bigint, raw: string, what: string): Promise<string> {
  const encrypted = readJson(what, () => parseEncryptedMsg(raw));
  const plaintext = await decryptMsg(e, keys.dk, encrypted).catch((error: unknown) => {
    throw error instanceof ThresholdError ? new ThresholdError(`${what}: ${error.message}`) : error;
  });
  const m = readJson(what, () => parseSignedMsg(plaintext));
  if (!(await verifySignedMsg(e, vk, m))) throw new ThresholdError(`${what}: invalid signature on received message`);
  const channel = readJson(what, () => parseChannelMsg(m.message));
  if (channel.recipient !== keys.ek) throw new ThresholdError(`${what}: invalid recipient on received message`);
  return channel.message;
}
