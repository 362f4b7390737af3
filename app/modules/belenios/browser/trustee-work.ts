import { groupByName } from "../group-params";
import { Engine, noPause, webCrypto, type WebCrypto, type Yield } from "./engine";

/**
 * How long a trustee's browser will work, and its progress while it does. A trustee's jobs are
 * long (a shuffle of 1,000 ranked ballots is some 11,000 exponentiations of 2047-bit exponents),
 * so the page says beforehand how long, from a short calibration in this very browser, and shows
 * how far it has gone. Both count the same exponentiations: the formulas below are exact.
 */

export interface TrusteeWorkOptions {
  /** WebCrypto to use; the browser's own by default. */
  crypto?: WebCrypto;
  /** Awaited before every exponentiation, and every 256 bits of a long one: give the page back to the browser now and then. */
  pause?: Yield;
  /** Called after every exponentiation with the fraction of the job done, up to 1. */
  progress?: (fractionDone: number) => void;
}

/** A partial decryption: g^x once, then per ciphertext its check, the factor and its proof's two commitments. */
export const decryptionExponentiations = (ciphertexts: number) => 4 * ciphertexts + 1;

/** A shuffle with its proof: 11 per ciphertext and 6 per list (one list per ranked question). */
export const shuffleExponentiations = (lists: readonly number[]) => lists.reduce((total, n) => total + 11 * n + 6, 0);

/**
 * The same in full-size exponentiations, for the time: of the 11 per ciphertext, the generator
 * h_i (exponent 2 in RFC-3526-2048) and the chain's u_i (256 bits, not 2047) cost next to nothing.
 */
const shuffleCost = (lists: readonly number[]) => lists.reduce((total, n) => total + 9 * n + 6, 0);

/** An engine that reports progress against the number of exponentiations the job will take. */
export function countingEngine(groupName: string, exponentiations: number, options: TrusteeWorkOptions): Engine {
  const progress = options.progress;
  const onPow = progress ? (done: number) => progress(Math.min(done / exponentiations, 1)) : undefined;
  return new Engine(groupByName(groupName), webCrypto(options.crypto), options.pause ?? noPause, onPow);
}

/** What the page needs to warn a trustee before a job. */
export interface TrusteeWorkEstimate {
  /** Expected duration of the whole job, in seconds. */
  seconds: number;
  /** How many exponentiations the job counts in its progress. */
  exponentiations: number;
  /** This browser's time for one exponentiation in the group, as calibrated. */
  millisecondsEach: number;
  /** Long enough that belenios-tool on the trustee's computer is the better way (much faster). */
  suggestBeleniosTool: boolean;
}

/** Above this, the page suggests belenios-tool (OCaml and GMP: some 20 times faster than BigInt). */
export const BELENIOS_TOOL_ABOVE_SECONDS = 15 * 60;

/** How long the calibration goes on at most (at least two exponentiations are timed). */
const CALIBRATION_MS = 250;

/**
 * Times a few exponentiations in this browser and scales them to the job: shuffles (the number of
 * ciphertexts of each ranked question) and/or a partial decryption (every ciphertext of the tally).
 */
export async function estimateTrusteeWork(
  groupName: string,
  counts: { shuffle?: readonly number[]; decrypt?: number },
  options: Pick<TrusteeWorkOptions, "crypto" | "pause"> = {},
): Promise<TrusteeWorkEstimate> {
  const decryption = counts.decrypt === undefined ? 0 : decryptionExponentiations(counts.decrypt);
  const exponentiations = shuffleExponentiations(counts.shuffle ?? []) + decryption;
  const fullSize = shuffleCost(counts.shuffle ?? []) + decryption;
  const e = new Engine(groupByName(groupName), webCrypto(options.crypto), options.pause ?? noPause);
  // A full-size base (g is 2 in RFC-3526-2048, which would flatter the timing), and a first
  // exponentiation that warms the engine up untimed.
  const base = await e.pow(e.group.g, e.randomExponent());
  let timed = 0;
  const start = performance.now();
  do {
    await e.pow(base, e.randomExponent());
    timed += 1;
  } while (timed < 2 || (performance.now() - start < CALIBRATION_MS && timed < 20));
  const millisecondsEach = (performance.now() - start) / timed;
  const seconds = (fullSize * millisecondsEach) / 1000;
  return { seconds, exponentiations, millisecondsEach, suggestBeleniosTool: seconds > BELENIOS_TOOL_ABOVE_SECONDS };
}
