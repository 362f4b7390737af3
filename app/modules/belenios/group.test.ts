import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  BELENIOS_2048,
  fromBytes,
  hashToExponent,
  invMod,
  isGroupElement,
  jacobiSymbol,
  mulMod,
  powMod,
  powModBigInt,
  precomputeBase,
  noteElectionKey,
  hasTable,
  BALLOTS_BEFORE_TABLE,
  randomExponent,
  RFC_3526_2048,
  sha256Base64,
} from "./group";

const G = BELENIOS_2048;

describe("BELENIOS-2048", () => {
  it("has g of order q in Z_p^*", () => {
    expect(powModBigInt(G.g, G.q, G.p)).toBe(1n);
    expect(G.g).not.toBe(1n);
    expect((G.p - 1n) % G.q).toBe(0n);
  });

  it("computes powMod through OpenSSL exactly as plain BigInt does, for any base and exponent", () => {
    for (let i = 0; i < 20; i++) {
      const base = fromBytes(randomBytes(256)) % G.p;
      const exp = i % 2 ? randomExponent(G) : fromBytes(randomBytes(40));
      expect(powMod(G, base, exp)).toBe(powModBigInt(base, exp, G.p));
    }
  });

  it("computes powers of g and of a precomputed base from fixed-base tables, exactly", () => {
    const y = powMod(G, G.g, randomExponent(G));
    precomputeBase(G, y);
    for (let i = 0; i < 10; i++) {
      const e = randomExponent(G);
      expect(powMod(G, G.g, e)).toBe(powModBigInt(G.g, e, G.p));
      expect(powMod(G, y, e)).toBe(powModBigInt(y, e, G.p));
    }
    expect(powMod(G, y, G.q)).toBe(1n);
    const big = fromBytes(randomBytes(40)); // above 256 bits: OpenSSL again
    expect(powMod(G, G.g, big)).toBe(powModBigInt(G.g, big, G.p));
  });

  it("gives an election key a table only once it has been used for several ballots", () => {
    const y = powMod(G, G.g, randomExponent(G));
    for (let i = 1; i < BALLOTS_BEFORE_TABLE; i++) noteElectionKey(G, y);
    expect(hasTable(G, y)).toBe(false);
    noteElectionKey(G, y);
    expect(hasTable(G, y)).toBe(true);
    const e = randomExponent(G);
    expect(powMod(G, y, e)).toBe(powModBigInt(y, e, G.p));
  });

  it("answers the cases OpenSSL refuses: exponent 0, bases 0, 1 and p-1, and a result of 1", () => {
    expect(powMod(G, G.g, 0n)).toBe(1n);
    expect(powMod(G, 1n, 12345n)).toBe(1n);
    expect(powMod(G, 0n, 7n)).toBe(0n);
    expect(powMod(G, G.p - 1n, 3n)).toBe(G.p - 1n);
    expect(powMod(G, G.p - 1n, 4n)).toBe(1n);
    const y = powMod(G, G.g, randomExponent(G));
    expect(powMod(G, y, G.q)).toBe(1n);
    expect(powMod(G, y, 1n)).toBe(y);
  });

  it("tells subgroup elements from other numbers", () => {
    expect(isGroupElement(G, G.g)).toBe(true);
    expect(isGroupElement(G, powMod(G, G.g, randomExponent(G)))).toBe(true);
    expect(isGroupElement(G, 0n)).toBe(false);
    expect(isGroupElement(G, G.p)).toBe(false);
    expect(isGroupElement(G, G.p - 1n)).toBe(false); // order 2
    expect(isGroupElement(G, 2n)).toBe(powModBigInt(2n, G.q, G.p) === 1n);
  });

  it("inverts modulo p", () => {
    const x = powMod(G, G.g, randomExponent(G));
    expect(mulMod(G, x, invMod(G, x))).toBe(1n);
    expect(() => invMod(G, 0n)).toThrow();
  });

  it("draws exponents below q", () => {
    for (let i = 0; i < 50; i++) expect(randomExponent(G) < G.q).toBe(true);
  });

  it("hashes as Group_field.hash: prefix, base-10 elements joined by commas, SHA256 mod q", () => {
    const digest = createHash("sha256").update("x|1,2").digest("hex");
    expect(hashToExponent(G, "x|", [1n, 2n])).toBe(BigInt(`0x${digest}`) % G.q);
  });

  it("writes Base64 SHA256 without padding", () => {
    expect(sha256Base64("")).toBe("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
  });
});

describe("membership of RFC-3526-2048 (p = 2q + 1), by the Jacobi symbol", () => {
  const R = RFC_3526_2048;
  /** The definition: x^q = 1 mod p, computed the slow way. */
  const bySquares = (x: bigint) => x > 0n && x < R.p && powModBigInt(x, R.q, R.p) === 1n;

  it("agrees with x^q = 1 on members, non-members and the edges", () => {
    const members = [R.g, powMod(R, R.g, randomExponent(R)), powMod(R, R.g, randomExponent(R))];
    // p is 3 mod 4, so -1 is not a square: p - x is a member exactly when x is not.
    const others = [...members.map((x) => R.p - x), 3n, 5n, fromBytes(randomBytes(200)), 1n, 0n, R.p, R.p + 4n];
    for (const x of [...members, ...others]) expect(isGroupElement(R, x)).toBe(bySquares(x));
    expect(members.every((x) => isGroupElement(R, x))).toBe(true);
    expect(members.some((x) => isGroupElement(R, R.p - x))).toBe(false);
  });

  it("computes the Jacobi symbol as the product of Legendre symbols (Euler's criterion)", () => {
    const legendre = (a: bigint, prime: bigint) => {
      const e = powModBigInt(((a % prime) + prime) % prime, (prime - 1n) / 2n, prime);
      return e === 0n ? 0 : e === 1n ? 1 : -1;
    };
    const primes = [3n, 5n, 7n, 11n, 13n, 101n];
    for (const [n, factors] of [...primes.map((q) => [q, [q]] as const), [15n, [3n, 5n]] as const, [3n * 3n * 7n, [3n, 3n, 7n]] as const]) {
      for (let a = -3n; a < 2n * n; a++) {
        const product = factors.reduce((sign, q) => sign * legendre(a, q), 1);
        expect(jacobiSymbol(a, n)).toBe(product === 0 ? 0 : product); // not -0
      }
    }
    expect(() => jacobiSymbol(1n, 8n)).toThrow();
  });
});
