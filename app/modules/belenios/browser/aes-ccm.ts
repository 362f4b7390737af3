import type { WebCrypto } from "./engine";

/**
 * AES-256-CCM (NIST SP 800-38C, RFC 3610) over WebCrypto, which offers no CCM: the threshold
 * ceremony's channels encrypt with it (belenios' SJCL-derived ccm_encrypt, an 8-byte tag after the
 * data, no associated data). CCM is CBC-MAC then CTR mode with the same key, and WebCrypto has both
 * pieces: the CBC-MAC is the last block of AES-CBC with a zero IV over the formatted blocks (taken
 * before the PKCS#7 padding block WebCrypto appends), and AES-CTR from counter block A_0 encrypts
 * the tag (with S_0) and then the data (with S_1, S_2...) in one call.
 */

/** Belenios' tag: 64 bits. */
export const CCM_TAG_BYTES = 8;
const BLOCK = 16;

export class CcmTagError extends Error {}

/** buffer.slice so that WebCrypto gets an ArrayBuffer of exactly these bytes. */
const exact = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** L, the bytes of the length field (and of the counter): 15 minus the nonce's length. */
function lengthBytes(nonce: Uint8Array, messageLength: number): number {
  if (nonce.length < 7 || nonce.length > 13) throw new RangeError("CCM: the nonce has 7 to 13 bytes");
  const l = 15 - nonce.length;
  if (l < 6 && messageLength >= 2 ** (8 * l)) throw new RangeError(`CCM: a message of ${messageLength} bytes is too long for this nonce`);
  return l;
}

/** A block flags | nonce | n, n big-endian on the last l bytes. */
function block(flags: number, nonce: Uint8Array, n: number, l: number): Uint8Array {
  const b = new Uint8Array(BLOCK);
  b[0] = flags;
  b.set(nonce, 1);
  for (let i = 0, rest = n; i < l; i++, rest = Math.floor(rest / 256)) b[BLOCK - 1 - i] = rest % 256;
  return b;
}

async function cbcMac(crypto: WebCrypto, key: Uint8Array, nonce: Uint8Array, message: Uint8Array, l: number): Promise<Uint8Array> {
  // B_0: no associated data (bit 6 clear), the tag length as (t-2)/2, then L-1; the message follows, zero-padded.
  const flags = (((CCM_TAG_BYTES - 2) / 2) << 3) | (l - 1);
  const padded = new Uint8Array(BLOCK + Math.ceil(message.length / BLOCK) * BLOCK);
  padded.set(block(flags, nonce, message.length, l));
  padded.set(message, BLOCK);
  const cbcKey = await crypto.subtle.importKey("raw", exact(key), { name: "AES-CBC" }, false, ["encrypt"]);
  const out = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(BLOCK) }, cbcKey, exact(padded)));
  // out is padded.length + 16 bytes: the last block is PKCS#7 padding, the one before is the MAC.
  return out.slice(padded.length - BLOCK, padded.length - BLOCK + CCM_TAG_BYTES);
}

/** CTR from A_0 over [tag, zeros to a block, data]: the tag XOR S_0, and the data XOR S_1, S_2... */
async function ctr(
  crypto: WebCrypto,
  key: Uint8Array,
  nonce: Uint8Array,
  tag: Uint8Array,
  data: Uint8Array,
  l: number,
): Promise<{ tag: Uint8Array; data: Uint8Array }> {
  const input = new Uint8Array(BLOCK + data.length);
  input.set(tag);
  input.set(data, BLOCK);
  const ctrKey = await crypto.subtle.importKey("raw", exact(key), { name: "AES-CTR" }, false, ["encrypt"]);
  const out = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-CTR", counter: exact(block(l - 1, nonce, 0, l)), length: 8 * l }, ctrKey, exact(input)));
  return { tag: out.slice(0, tag.length), data: out.slice(BLOCK) };
}

/** The ciphertext of plaintext, followed by its 8-byte tag. */
export async function aesCcmEncrypt(crypto: WebCrypto, key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const l = lengthBytes(nonce, plaintext.length);
  const mac = await cbcMac(crypto, key, nonce, plaintext, l);
  const sealed = await ctr(crypto, key, nonce, mac, plaintext, l);
  const out = new Uint8Array(plaintext.length + CCM_TAG_BYTES);
  out.set(sealed.data);
  out.set(sealed.tag, plaintext.length);
  return out;
}

/** The plaintext of a ciphertext with its 8-byte tag; CcmTagError when the tag does not match (nothing of the data is returned then). */
export async function aesCcmDecrypt(crypto: WebCrypto, key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array> {
  if (ciphertext.length < CCM_TAG_BYTES) throw new CcmTagError("CCM: shorter than its tag");
  const length = ciphertext.length - CCM_TAG_BYTES;
  const l = lengthBytes(nonce, length);
  const opened = await ctr(crypto, key, nonce, ciphertext.subarray(length), ciphertext.subarray(0, length), l);
  const mac = await cbcMac(crypto, key, nonce, opened.data, l);
  // Every byte compared, so that the time does not tell where the first difference is.
  let difference = 0;
  for (let i = 0; i < CCM_TAG_BYTES; i++) difference |= mac[i]! ^ opened.tag[i]!;
  if (difference !== 0) throw new CcmTagError("CCM: the tag does not match");
  return opened.data;
}
