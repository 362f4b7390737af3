import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aesCcmDecrypt, aesCcmEncrypt, CcmTagError } from "./aes-ccm";

/**
 * The WebCrypto AES-256-CCM against node:crypto's aes-256-ccm (OpenSSL), with the channel's
 * parameters: a 32-byte key, a 13-byte nonce (L = 2), an 8-byte tag after the data.
 */

const crypto = globalThis.crypto;
// Not randomBytes: its empty Buffer makes OpenSSL's CCM fail with "tag not set".
const randomBytes = (length: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(length)));
const channelKey = (seed: string) => createHash("sha256").update(`key|${seed}`).digest();
const channelNonce = (seed: string) => createHash("sha256").update(`iv|${seed}`).digest().subarray(0, 13);

function nodeEncrypt(key: Buffer, nonce: Buffer, plaintext: Buffer): Buffer {
  const cipher = createCipheriv("aes-256-ccm", key, nonce, { authTagLength: 8 });
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]);
}

function nodeDecrypt(key: Buffer, nonce: Buffer, input: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-ccm", key, nonce, { authTagLength: 8 });
  decipher.setAuthTag(input.subarray(input.length - 8));
  const out = decipher.update(input.subarray(0, input.length - 8));
  decipher.final();
  return out;
}

describe("AES-256-CCM over WebCrypto", () => {
  it.each([0, 1, 15, 16, 17, 100, 5000])("gives node:crypto's bytes and reads node:crypto's, %i bytes", async (length) => {
    const key = channelKey(`k${length}`);
    const nonce = channelNonce(`n${length}`);
    const plaintext = randomBytes(length);
    const ours = await aesCcmEncrypt(crypto, key, nonce, plaintext);
    const theirs = nodeEncrypt(key, nonce, plaintext);
    expect(Buffer.from(ours).toString("hex")).toBe(theirs.toString("hex"));
    expect(ours).toHaveLength(length + 8);
    expect(Buffer.from(await aesCcmDecrypt(crypto, key, nonce, theirs)).equals(plaintext)).toBe(true);
    expect(nodeDecrypt(key, nonce, Buffer.from(ours)).equals(plaintext)).toBe(true);
  });

  it.each([0, 1, 17, 5000])("refuses a changed tag or a changed byte of data, %i bytes", async (length) => {
    const key = channelKey("tamper");
    const nonce = channelNonce("tamper");
    const sealed = await aesCcmEncrypt(crypto, key, nonce, randomBytes(length));
    const tag = Uint8Array.from(sealed);
    tag[tag.length - 1]! ^= 1;
    await expect(aesCcmDecrypt(crypto, key, nonce, tag)).rejects.toThrow(CcmTagError);
    if (length > 0) {
      const data = Uint8Array.from(sealed);
      data[0]! ^= 0x80;
      await expect(aesCcmDecrypt(crypto, key, nonce, data)).rejects.toThrow(CcmTagError);
    }
    await expect(aesCcmDecrypt(crypto, channelKey("other"), nonce, sealed)).rejects.toThrow(CcmTagError);
    await expect(aesCcmDecrypt(crypto, key, nonce, sealed.subarray(0, 7))).rejects.toThrow(CcmTagError);
  });

  it("refuses a message too long for a two-byte length", async () => {
    await expect(aesCcmEncrypt(crypto, channelKey("long"), channelNonce("long"), new Uint8Array(65536))).rejects.toThrow(RangeError);
  });
});
