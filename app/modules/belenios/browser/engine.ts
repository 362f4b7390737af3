import { type Group, hashInput, modQ } from "../group-params";

/**
 * The arithmetic and hashing a ballot made in the browser needs, bound to its group and to
 * WebCrypto: plain BigInt instead of OpenSSL, crypto.subtle for SHA-256 and PBKDF2,
 * crypto.getRandomValues for every exponent. No node:crypto anywhere (browser/encrypt-ballot.ts).
 */

/** The part of WebCrypto used: the browser's window.crypto, or Node's globalThis.crypto in tests. */
export type WebCrypto = Pick<Crypto, "subtle" | "getRandomValues">;

/** Lets the page breathe between steps of the work, so that it stays responsive while it works. */
export type Yield = () => Promise<void>;

/** Resolves at once: for tests, or a caller that does not mind blocking. */
export const noPause: Yield = () => Promise.resolve();

const utf8 = (text: string) => new TextEncoder().encode(text);

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Hex digits of exponent between two offers to yield: 256 bits. A 2047-bit exponent of
 * RFC-3526-2048 (a ranked ballot's) would otherwise hold the page for a whole exponentiation.
 */
const DIGITS_PER_SLICE = 64;

export class Engine {
  /** Exponentiations done so far: the ballot's progress (see exponentiationsFor). */
  done = 0;

  constructor(
    readonly group: Group,
    private readonly crypto: WebCrypto,
    private readonly pause: Yield,
    private readonly onProgress: (done: number) => void = () => {},
  ) {}

  /**
   * base^exp mod p, left to right with a fixed 4-bit window: 4 squarings and at most one
   * multiplication per hex digit of the exponent.
   */
  async pow(base: bigint, exp: bigint): Promise<bigint> {
    const p = this.group.p;
    const b = ((base % p) + p) % p;
    const table = [1n, b];
    for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % p);
    const hex = exp.toString(16);
    let result = 1n;
    for (let i = 0; i < hex.length; i++) {
      if (i % DIGITS_PER_SLICE === 0) await this.pause();
      result = (result * result) % p;
      result = (result * result) % p;
      result = (result * result) % p;
      result = (result * result) % p;
      const d = parseInt(hex[i]!, 16);
      if (d !== 0) result = (result * table[d]!) % p;
    }
    this.done += 1;
    this.onProgress(this.done);
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
