import { type Group, hashInput, inverseModulo } from "../group-params";

/**
 * The arithmetic and hashing of Belenios in a browser: plain BigInt instead of OpenSSL,
 * crypto.subtle instead of node:crypto, crypto.getRandomValues for every exponent. One engine for
 * everything a browser computes: the voter's ballot (encrypt-ballot.ts and its answers) and the
 * trustee's work (trustee-key.ts, partial-decryption.ts, shuffle.ts). Exponentiations offer to let
 * the page breathe (pause) as they go and are counted (onPow), so that a long job stays responsive
 * and shows its progress.
 */

/** The part of WebCrypto used: the browser's window.crypto, or Node's globalThis.crypto in tests. */
export type WebCrypto = Pick<Crypto, "subtle" | "getRandomValues">;

/** Lets the page breathe between steps of the work, so that it stays responsive while it works. */
export type Yield = () => Promise<void>;

/** Resolves at once: for tests, or a caller that does not mind blocking. */
export const noPause: Yield = () => Promise.resolve();

/** The browser's WebCrypto (or the one given), refusing to go on without it. */
export function webCrypto(given?: WebCrypto): WebCrypto {
  const crypto = given ?? globalThis.crypto;
  if (!crypto?.subtle) throw new Error("WebCrypto is not available here");
  return crypto;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** A big-endian unsigned number. */
export function fromBytes(bytes: Uint8Array): bigint {
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  return x;
}

/**
 * Hex digits of exponent between two offers to yield: 256 bits, so one offer before a ballot's
 * 256-bit exponentiation, and eight during a 2047-bit one of RFC-3526-2048 (a ranked ballot's, a
 * shuffle's), which would otherwise hold the page for a whole exponentiation.
 */
const DIGITS_PER_SLICE = 64;

export class Engine {
  /** Exponentiations done so far: the job's progress, told to onPow after each. */
  private done = 0;

  constructor(
    readonly group: Group,
    readonly crypto: WebCrypto,
    private readonly pause: Yield = noPause,
    private readonly onPow: (done: number) => void = () => {},
  ) {}

  /**
   * base^exp mod p, left to right with a fixed 4-bit window: 4 squarings and at most one
   * multiplication per hex digit of the exponent (256 and 64 for a 256-bit exponent, 2,048 and 512
   * for RFC-3526-2048's 2047-bit ones).
   */
  async pow(base: bigint, exp: bigint): Promise<bigint> {
    if (exp < 0n) throw new RangeError("negative exponent");
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
    this.onPow(this.done);
    return result;
  }

  mul(a: bigint, b: bigint): bigint {
    return (a * b) % this.group.p;
  }

  product(xs: readonly bigint[]): bigint {
    return xs.reduce((a, b) => this.mul(a, b), 1n);
  }

  /** x^-1 mod p. */
  inverse(x: bigint): bigint {
    return inverseModulo(x, this.group.p);
  }

  /** 0 < x < p and x^q = 1: x is in the group (one exponentiation). */
  async isGroupElement(x: bigint): Promise<boolean> {
    return x > 0n && x < this.group.p && (await this.pow(x, this.group.q)) === 1n;
  }

  /** A uniform number in [0, bound): rejection sampling on crypto.getRandomValues, never Math.random. */
  randomBelow(bound: bigint): bigint {
    const bits = bound.toString(2).length;
    const bytes = new Uint8Array(Math.ceil(bits / 8));
    const excess = BigInt(bytes.length * 8 - bits);
    for (;;) {
      this.crypto.getRandomValues(bytes);
      const candidate = fromBytes(bytes) >> excess;
      if (candidate < bound) return candidate;
    }
  }

  /** A uniform exponent in [0, q). */
  randomExponent(): bigint {
    return this.randomBelow(this.group.q);
  }

  async sha256(data: string): Promise<Uint8Array> {
    return new Uint8Array(await this.crypto.subtle.digest("SHA-256", utf8(data)));
  }

  async sha256Hex(data: string): Promise<string> {
    return toHex(await this.sha256(data));
  }

  /** Belenios' Hash.to_b64: Base64 SHA-256 without the padding. */
  async sha256Base64(data: string): Promise<string> {
    return toBase64(await this.sha256(data)).slice(0, -1);
  }

  /** Group_field.hash, the Fiat-Shamir challenge (group.ts hashToExponent). */
  async hashToExponent(prefix: string, elements: readonly bigint[]): Promise<bigint> {
    return fromBytes(await this.sha256(hashInput(prefix, elements))) % this.group.q;
  }
}
