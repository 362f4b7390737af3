import { createDiffieHellman, createHash, randomBytes, type DiffieHellman } from "node:crypto";

import { type Group, hashInput, inverseModulo, powModBigInt } from "./group-params";

export { BELENIOS_2048, type Group, groupByName, hashInput, inverseModulo, isExponent, modQ, powModBigInt, RFC_3526_2048 } from "./group-params";

export function toBytes(x: bigint, length?: number): Buffer {
  let hex = x.toString(16);
  // An odd number of digits would make Buffer.from drop the last one.
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (length !== undefined) hex = hex.padStart(length * 2, "0");
  return Buffer.from(hex, "hex");
}

export function fromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString("hex")}`);
}

// Measured on this machine (2,000 exponentiations, 256-bit exponents, BELENIOS-2048):
// BigInt square-and-multiply 1.7 ms each, OpenSSL through a Diffie-Hellman object 0.30 ms.
// Making the object checks the prime once (about 0.1 s), so one per group, made on first use.
const engines = new Map<string, DiffieHellman>();

function engineFor(group: Group): DiffieHellman {
  let engine = engines.get(group.name);
  if (!engine) {
    engine = createDiffieHellman(toBytes(group.p, group.byteLength), toBytes(group.g));
    engines.set(group.name, engine);
  }
  return engine;
}

// Fixed-base tables: for a base used again and again (g, an election's public key), base^(256^w·d)
// for each 8-bit window w and digit d; an exponentiation is then at most 32 multiplications.
// Measured: 0.23 ms against 0.55 ms through OpenSSL for a 256-bit exponent; building a table takes
// about 85 ms and 2.3 MB, so only g and a few recent election keys get one. Exponents above 256
// bits (RFC-3526-2048) always go through OpenSSL.
const WINDOW_BITS = 8n;
const WINDOWS = 32;
const TABLE_LIMIT = 8;
const tables = new Map<string, Map<bigint, bigint[][]>>();

function buildTable(group: Group, base: bigint): bigint[][] {
  const table: bigint[][] = [];
  let b = base;
  for (let w = 0; w < WINDOWS; w++) {
    const row = new Array<bigint>(256);
    row[0] = 1n;
    row[1] = b;
    for (let d = 2; d < 256; d++) row[d] = (row[d - 1]! * b) % group.p;
    table.push(row);
    b = (row[255]! * b) % group.p;
  }
  return table;
}

/** Makes later exponentiations of this base fast (kept for the group's g and the last few bases). */
export function precomputeBase(group: Group, base: bigint): void {
  if (group.q >> (WINDOW_BITS * BigInt(WINDOWS)) !== 0n) return;
  let perGroup = tables.get(group.name);
  if (!perGroup) tables.set(group.name, (perGroup = new Map()));
  if (perGroup.has(base)) return;
  if (perGroup.size >= TABLE_LIMIT + 1) {
    const oldest = [...perGroup.keys()].find((k) => k !== group.g);
    if (oldest !== undefined) perGroup.delete(oldest);
  }
  perGroup.set(base, buildTable(group, base));
}

/** Whether this base has a fixed-base table now. */
export function hasTable(group: Group, base: bigint): boolean {
  return tables.get(group.name)?.has(base) ?? false;
}

// A table costs about 85 ms, the price of some 250 exponentiations through OpenSSL, and one ballot
// raises its election's key about ten times. So an election key gets a table only once it has
// been used for this many ballots lately: casting across many polls at once (a constitution
// round has one key per question, each voter answering every question) would otherwise rebuild
// tables for every ballot, and a poll with a handful of ballots never pays for one.
export const BALLOTS_BEFORE_TABLE = 16;
const KEYS_COUNTED = 256;
const keyUses = new Map<string, number>();

/** A ballot of the election with this public key is being made or checked: precomputes the key once it is in steady use. */
export function noteElectionKey(group: Group, key: bigint): void {
  if (hasTable(group, key)) return;
  const id = `${group.name}:${key.toString(36)}`;
  const uses = (keyUses.get(id) ?? 0) + 1;
  keyUses.delete(id);
  if (uses < BALLOTS_BEFORE_TABLE) {
    keyUses.set(id, uses);
    if (keyUses.size > KEYS_COUNTED) keyUses.delete(keyUses.keys().next().value!);
    return;
  }
  precomputeBase(group, key);
}

function tablePow(group: Group, table: bigint[][], exp: bigint): bigint {
  let result = 1n;
  let e = exp;
  for (let w = 0; e > 0n; w++) {
    const digit = Number(e & 255n);
    if (digit !== 0) result = (result * table[w]![digit]!) % group.p;
    e >>= WINDOW_BITS;
  }
  return result;
}

/**
 * base^exp mod p: the one place that chooses how. OpenSSL refuses the degenerate bases 0, 1 and
 * p-1 and a zero exponent (it checks Diffie-Hellman public values), so those are answered here.
 */
export function powMod(group: Group, base: bigint, exp: bigint): bigint {
  if (exp < 0n) throw new RangeError("negative exponent");
  const b = ((base % group.p) + group.p) % group.p;
  if (exp === 0n) return 1n;
  if (b === 0n || b === 1n) return b;
  if (b === group.p - 1n) return exp & 1n ? b : 1n;
  if (exp >> (WINDOW_BITS * BigInt(WINDOWS)) === 0n) {
    if (b === group.g) precomputeBase(group, b);
    const table = tables.get(group.name)?.get(b);
    if (table) return tablePow(group, table, exp);
  }
  const viaOpenSsl = (e: bigint) => {
    const engine = engineFor(group);
    engine.setPrivateKey(toBytes(e));
    return fromBytes(engine.computeSecret(toBytes(b, group.byteLength)));
  };
  try {
    return viaOpenSsl(exp);
  } catch {
    // OpenSSL 3 refuses a shared secret of 1 or p-1 (SP 800-56A), which is exactly what the
    // membership check x^q = 1 computes: take one step less, then multiply.
    if (exp === 1n) return b;
    try {
      return mulMod(group, viaOpenSsl(exp - 1n), b);
    } catch {
      return powModBigInt(b, exp, group.p);
    }
  }
}

export function mulMod(group: Group, a: bigint, b: bigint): bigint {
  return (a * b) % group.p;
}

/** The inverse of x modulo p. */
export function invMod(group: Group, x: bigint): bigint {
  return inverseModulo(x, group.p);
}

export function divMod(group: Group, a: bigint, b: bigint): bigint {
  return mulMod(group, a, invMod(group, b));
}

/**
 * x is in the subgroup of order q: 0 < x < p and x^q = 1 (Group_field.check). When p = 2q + 1
 * (RFC-3526-2048, the ranked ballots' group) that subgroup is the quadratic residues, and x^q is
 * x's Legendre symbol (Euler's criterion), which the Jacobi symbol below gives about nine times
 * faster than the exponentiation (0.26 against 2.4 ms): every ciphertext a shuffle or a partial
 * decryption takes is checked so. Otherwise (BELENIOS-2048, q of 256 bits) x^(q-1)·x = 1,
 * because OpenSSL refuses to return 1 and the detour would cost a second call.
 */
export function isGroupElement(group: Group, x: bigint): boolean {
  if (x <= 0n || x >= group.p) return false;
  if (group.p === 2n * group.q + 1n) return jacobiSymbol(x, group.p) === 1;
  return mulMod(group, powMod(group, x, group.q - 1n), x) === 1n;
}

/**
 * The Jacobi symbol (a/n) for odd n > 0, by the binary algorithm with quadratic reciprocity
 * (Cohen, A Course in Computational Algebraic Number Theory, algorithm 1.4.10): factors of two
 * are taken out 32 bits at a time, so that each step costs a few BigInt operations.
 */
export function jacobiSymbol(a: bigint, n: bigint): -1 | 0 | 1 {
  if (n <= 0n || (n & 1n) === 0n) throw new RangeError("the Jacobi symbol needs an odd positive modulus");
  let x = ((a % n) + n) % n;
  let m = n;
  let sign: -1 | 1 = 1;
  while (x !== 0n) {
    let twos = 0;
    while ((x & 0xffffffffn) === 0n) {
      x >>= 32n;
      twos += 32;
    }
    const low = Number(x & 0xffffffffn);
    const trailing = 31 - Math.clz32(low & -low);
    if (trailing > 0) x >>= BigInt(trailing);
    twos += trailing;
    // (2/m) = -1 exactly when m is 3 or 5 mod 8.
    if (twos & 1) {
      const r = Number(m & 7n);
      if (r === 3 || r === 5) sign = sign === 1 ? -1 : 1;
    }
    // Reciprocity: swapping two odd numbers both 3 mod 4 changes the sign.
    if ((x & 3n) === 3n && (m & 3n) === 3n) sign = sign === 1 ? -1 : 1;
    [x, m] = [m % x, x];
  }
  return m === 1n ? sign : 0;
}

const inverses = new Map<string, bigint>();

/** g^-1, used for every g^-M in the proofs (cached: an inversion costs more than an exponentiation). */
export function inverseOfG(group: Group): bigint {
  let inv = inverses.get(group.name);
  if (inv === undefined) {
    inv = invMod(group, group.g);
    inverses.set(group.name, inv);
  }
  return inv;
}

/** g^-m for small m >= 0. */
export function gToMinus(group: Group, m: number): bigint {
  return m === 0 ? 1n : powMod(group, inverseOfG(group), BigInt(m));
}

/** A uniform exponent in [0, q), by rejection sampling on node:crypto bytes. */
export function randomExponent(group: Group): bigint {
  return randomBelow(group.q);
}

export function randomBelow(bound: bigint): bigint {
  const bits = bound.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const excess = BigInt(bytes * 8 - bits);
  for (;;) {
    const candidate = fromBytes(randomBytes(bytes)) >> excess;
    if (candidate < bound) return candidate;
  }
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Belenios' Hash.to_b64: standard alphabet, no padding (fingerprints, trackers, ballot hashes). */
export function sha256Base64(text: string | Uint8Array): string {
  const hash = createHash("sha256");
  if (typeof text === "string") hash.update(text, "utf8");
  else hash.update(text);
  // A SHA256 digest in Base64 always ends with exactly one "=".
  return hash.digest("base64").slice(0, -1);
}

/**
 * Group_field.hash: SHA256 of the prefix followed by the elements in base 10 separated by commas,
 * read as a big-endian number and reduced mod q. Every Fiat-Shamir challenge goes through here.
 */
export function hashToExponent(group: Group, prefix: string, elements: readonly bigint[]): bigint {
  const digest = sha256Hex(hashInput(prefix, elements));
  return BigInt(`0x${digest}`) % group.q;
}
