/**
 * Drawing lots, reproducibly.
 *
 * When the rules say "the returning officer shall decide by lot", we draw with a seed that was
 * fixed and published before the poll closed, so anyone can repeat the draw and get the same
 * answer, and nobody could have chosen the seed after seeing the ballots.
 *
 * The draw: every tied candidate gets a ticket
 *
 *     ticket = SHA-256( seed + "\n" + stage + "\n" + candidate name )   (UTF-8, lower-case hex)
 *
 * where `stage` is the number of the last completed stage (the stage whose totals are tied).
 * The candidate with the smallest ticket is "drawn": it is the one the rule asks about (the
 * candidate excluded, the surplus transferred first, the candidate listed first). If two
 * tickets were ever equal (same name twice), the candidate earlier in the ballot file is
 * drawn. A returning officer can check a draw with any SHA-256 tool, e.g.
 *
 *     printf 'my-seed\n6\nJIM SHARKEY (Lab)' | sha256sum
 *
 * Using the same ticket formula for every question at a stage keeps the answers consistent:
 * the candidate listed first among equal quota-reachers is also the one whose equal surplus
 * goes first.
 *
 * SHA-256 is implemented here in plain TypeScript (FIPS 180-4) because this module also runs
 * in the browser, where `node:crypto` is not available and `crypto.subtle` is asynchronous.
 * The unit tests check it against `node:crypto`.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/** SHA-256 of the UTF-8 encoding of `text`, as 8 big-endian 32-bit words. */
export function sha256Words(text: string): Uint32Array {
  const message = new TextEncoder().encode(text);
  const bitLength = message.length * 8;
  // Pad: 0x80, zeros, then the 64-bit big-endian bit length, to a multiple of 64 bytes.
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64;
  const bytes = new Uint8Array(paddedLength);
  bytes.set(message);
  bytes[message.length] = 0x80;
  const view = new DataView(bytes.buffer);
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(paddedLength - 4, bitLength >>> 0);

  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15]!;
      const w2 = w[t - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const temp1 = (hh + s1 + ch + K[t]! + w[t]!) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + temp1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  return h;
}

/** SHA-256 of the UTF-8 encoding of `text`, lower-case hex. */
export function sha256Hex(text: string): string {
  return Array.from(sha256Words(text), (word) => word.toString(16).padStart(8, "0")).join("");
}

/** The ticket a candidate holds in a draw at `stage`. */
export function lotTicket(seed: string, stage: number, candidateName: string): string {
  return sha256Hex(`${seed}\n${stage}\n${candidateName}`);
}

export interface LotResult {
  /** Index into the `candidates` array passed in. */
  readonly drawn: number;
  readonly tickets: readonly string[];
}

/**
 * Draws one of `candidateNames` (smallest ticket wins; equal tickets go to the earlier entry,
 * so pass candidates in ballot-file order).
 */
export function drawLot(seed: string, stage: number, candidateNames: readonly string[]): LotResult {
  if (candidateNames.length === 0) throw new RangeError("drawLot: nobody to draw");
  const tickets = candidateNames.map((name) => lotTicket(seed, stage, name));
  let drawn = 0;
  for (let i = 1; i < tickets.length; i++) {
    if (tickets[i]! < tickets[drawn]!) drawn = i;
  }
  return { drawn, tickets };
}

/**
 * A seeded pseudo-random generator (sfc32, Chris Doty-Humphrey's "Small Fast Counting"
 * generator) whose 128-bit state is the first four words of SHA-256(seed). Used to generate
 * reproducible test and benchmark data; the count itself only uses `drawLot`.
 * Returns floats in [0, 1).
 */
export function seededRandom(seed: string): () => number {
  const words = sha256Words(seed);
  let a = words[0]!;
  let b = words[1]!;
  let c = words[2]!;
  let d = words[3]!;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // Discard the first outputs, as the generator's author recommends, to mix the seed in.
  for (let i = 0; i < 12; i++) next();
  return next;
}
