import { createDiffieHellman, createHash, randomBytes, type DiffieHellman } from "node:crypto";

/**
 * The prime-order subgroups of Z_p^* that Belenios 2.0 names (specification section "Group
 * parameters"; src/lib/v1/group.ml). Elements and exponents travel as base-10 strings.
 */
export interface Group {
  /** The name written in the election's "group" field, and hashed into trustee proofs. */
  readonly name: "BELENIOS-2048" | "RFC-3526-2048";
  readonly p: bigint;
  readonly q: bigint;
  readonly g: bigint;
  /** Bytes of p, the fixed length of OpenSSL's answers. */
  readonly byteLength: number;
  /** How a vector of small integers becomes one element (non-homomorphic answers only). */
  readonly embedding?: { readonly padding: number; readonly bitsPerInt: number };
}

export const BELENIOS_2048: Group = {
  name: "BELENIOS-2048",
  p: BigInt(
    "20694785691422546401013643657505008064922989295751104097100884787057374219242717401922237254497684338129066633138078958404960054389636289796393038773905722803605973749427671376777618898589872735865049081167099310535867780980030790491654063777173764198678527273474476341835600035698305193144284561701911000786737307333564123971732897913240474578834468260652327974647951137672658693582180046317922073668860052627186363386088796882120769432366149491002923444346373222145884100586421050242120365433561201320481118852408731077014151666200162313177169372189248078507711827842317498073276598828825169183103125680162072880719",
  ),
  g: BigInt(
    "2402352677501852209227687703532399932712287657378364916510075318787663274146353219320285676155269678799694668298749389095083896573425601900601068477164491735474137283104610458681314511781646755400527402889846139864532661215055797097162016168270312886432456663834863635782106154918419982534315189740658186868651151358576410138882215396016043228843603930989333662772848406593138406010231675095763777982665103606822406635076697764025346253773085133173495194248967754052573659049492477631475991575198775177711481490920456600205478127054728238140972518639858334115700568353695553423781475582491896050296680037745308460627",
  ),
  q: BigInt("78571733251071885079927659812671450121821421258408794611510081919805623223441"),
  byteLength: 256,
};

export const RFC_3526_2048: Group = {
  name: "RFC-3526-2048",
  p: BigInt(
    "32317006071311007300338913926423828248817941241140239112842009751400741706634354222619689417363569347117901737909704191754605873209195028853758986185622153212175412514901774520270235796078236248884246189477587641105928646099411723245426622522193230540919037680524235519125679715870117001058055877651038861847280257976054903569732561526167081339361799541336476559160368317896729073178384589680639671900977202194168647225871031411336429319536193471636533209717077448227988588565369208645296636077250268955505928362751121174096972998068410554359584866583291642136218231078990999448652468262416972035911852507045361090559",
  ),
  g: 2n,
  q: BigInt(
    "16158503035655503650169456963211914124408970620570119556421004875700370853317177111309844708681784673558950868954852095877302936604597514426879493092811076606087706257450887260135117898039118124442123094738793820552964323049705861622713311261096615270459518840262117759562839857935058500529027938825519430923640128988027451784866280763083540669680899770668238279580184158948364536589192294840319835950488601097084323612935515705668214659768096735818266604858538724113994294282684604322648318038625134477752964181375560587048486499034205277179792433291645821068109115539495499724326234131208486017955926253522680545279",
  ),
  byteLength: 256,
  embedding: { padding: 8, bitsPerInt: 8 },
};

export function groupByName(name: string): Group {
  if (name === BELENIOS_2048.name) return BELENIOS_2048;
  if (name === RFC_3526_2048.name) return RFC_3526_2048;
  throw new Error(`unknown group: ${name}`);
}

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

/** Plain BigInt exponentiation: the reference the fast path is tested against. */
export function powModBigInt(base: bigint, exp: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
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

/** Modular inverse by the extended Euclidean algorithm (p is prime, x is not 0 mod p). */
export function invMod(group: Group, x: bigint): bigint {
  let a = ((x % group.p) + group.p) % group.p;
  if (a === 0n) throw new RangeError("0 has no inverse");
  let m = group.p;
  let x0 = 0n;
  let x1 = 1n;
  while (a > 1n) {
    const quotient = a / m;
    [a, m] = [m, a % m];
    [x0, x1] = [x1 - quotient * x0, x0];
  }
  return ((x1 % group.p) + group.p) % group.p;
}

export function divMod(group: Group, a: bigint, b: bigint): bigint {
  return mulMod(group, a, invMod(group, b));
}

/**
 * x is in the subgroup of order q: 0 <= x < p and x^q = 1 (Group_field.check), computed as
 * x^(q-1)·x = 1 because OpenSSL refuses to return 1 and the detour would cost a second call.
 */
export function isGroupElement(group: Group, x: bigint): boolean {
  return x > 0n && x < group.p && mulMod(group, powMod(group, x, group.q - 1n), x) === 1n;
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

/** 0 <= x < q, what Belenios requires of every challenge and response (check_modulo). */
export function isExponent(group: Group, x: bigint): boolean {
  return x >= 0n && x < group.q;
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

export function modQ(group: Group, x: bigint): bigint {
  return ((x % group.q) + group.q) % group.q;
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
  const digest = sha256Hex(prefix + elements.map((x) => x.toString(10)).join(","));
  return BigInt(`0x${digest}`) % group.q;
}
