import { BASE58_DIGITS } from "../base58";
import { BeleniosFormatError } from "../canonical";
import { groupByName } from "../group-params";
import {
  type CertKeys,
  evalPolynomial,
  parseCertKeys,
  parseCerts,
  parsePartialDecryptionKey,
  parseRawCoefexps,
  parseRawPolynomial,
  parseSecret,
  parseVInput,
  readKeyFile,
  serializeCertKeys,
  serializePartialDecryptionKey,
  serializePolynomial,
  serializeRawCoefexps,
  serializeRawPolynomial,
  serializeSecret,
  serializeSignedMsg,
  serializeVOutput,
  ThresholdError,
} from "../threshold-formats";
import type { SignedMsg } from "../types";
import type { Engine } from "./engine";
import { decryptWithKey, prepareDecryption, usableKey } from "./partial-decryption";
import { readJson, recvMsg, seedKeys, type SeedKeys, sendMsg, signMessage, verifySignedMsg } from "./threshold-channel";
import { trusteePublicKeyInBrowser } from "./trustee-key";
import { countingEngine, type TrusteeWorkOptions } from "./trustee-work";

/**
 * A threshold ("Pedersen") trustee's part of the key ceremony, and their partial decryption, in
 * their own browser: the server never sees the seed nor the key share. Each step reads and writes
 * exactly the texts of `belenios-tool setup generate-trustee-key-threshold --step 1|3|5` and
 * `belenios-tool election decrypt-threshold` (src/tool/setup.ml, src/lib/v1/trustees.ml of
 * Belenios 2.0), so that in one ceremony some trustees may use the browser and others the tool,
 * and a trustee may switch between the two with the same files. The server's steps (2, 4, 6) are
 * threshold.ts's.
 */

/** What step 1 gives the trustee. */
export interface BrowserThresholdCertificate {
  /** belenios-tool's name for the files (ID.cert, ID.key): SHA256 hex of the cert's message. */
  id: string;
  /** The exact text of ID.key: the seed (22 base-58 characters), then a newline. The trustee's secret. */
  keyFile: string;
  /** The signed certificate (ID.cert without its newline), for the server to publish. */
  certJson: string;
}

/** Exponentiations of each job, for its progress: exact, given the numbers of trustees and the threshold. */
export const CERTIFICATE_EXPONENTIATIONS = 3;
/** Certs checked (2 each), own keys (2), the polynomial sent to oneself (4), k commitments and their signature, a share sent to each (4 each). */
export const polynomialExponentiations = (trustees: number, threshold: number) => 6 * trustees + threshold + 7;
/** Certs checked (2 each), own keys (2), own polynomial (3), each share received (3) and its commitments checked (2 + 1 + k), the proof (2), the share sent (4). */
export const keyShareExponentiations = (trustees: number, threshold: number) => 8 * trustees + trustees * threshold + 11;
/** Own keys (2), and the .dkey received (3). */
export const OPEN_KEY_SHARE_EXPONENTIATIONS = 5;

/** Step 1: a fresh seed (22 base-58 digits by rejection sampling on crypto.getRandomValues) and its certificate. */
export async function makeCertificateInBrowser(groupName: string, options: TrusteeWorkOptions = {}): Promise<BrowserThresholdCertificate> {
  const e = countingEngine(groupName, CERTIFICATE_EXPONENTIATIONS, options);
  let seed = "";
  for (let i = 0; i < 22; i++) seed += BASE58_DIGITS[Number(e.randomBelow(58n))];
  const keys = await seedKeys(e, seed);
  const cert = await signMessage(e, keys.sk, serializeCertKeys({ verification: keys.vk, encryption: keys.ek }));
  return { id: await e.sha256Hex(cert.message), keyFile: `${seed}\n`, certJson: serializeSignedMsg(cert) };
}

/** The inputs every step reads first, before any work: the certificates and the trustee's seed. */
interface CeremonyInputs {
  seed: string;
  certs: SignedMsg[];
  keys: CertKeys[];
}

function readInputs(certsJsons: string, keyFile: string): CeremonyInputs {
  const seed = readKeyFile(keyFile);
  const certs = readJson("certificates", () => parseCerts(certsJsons));
  if (certs.length === 0) throw new BeleniosFormatError("certificates: one per line expected, none given");
  const keys = certs.map((c, i) => readJson(`certificate ${i + 1}`, () => parseCertKeys(c)));
  return { seed, certs, keys };
}

/** Step 2 as each trustee runs it first (every certificate is signed by its key), and the trustee's own keys and number (1-based). */
async function enter(e: Engine, inputs: CeremonyInputs): Promise<{ own: SeedKeys; index: number }> {
  for (const [i, cert] of inputs.certs.entries())
    if (!(await verifySignedMsg(e, inputs.keys[i]!.verification, cert))) throw new ThresholdError(`certificate ${i + 1} does not validate`);
  const own = await seedKeys(e, inputs.seed);
  const index = inputs.keys.findIndex((k) => k.verification === own.vk && k.encryption === own.ek);
  if (index < 0) throw new ThresholdError("could not find my certificate: this key file belongs to none of the certificates");
  return { own, index: index + 1 };
}

/**
 * Step 3: the trustee's random polynomial of degree threshold-1, sent encrypted to themselves,
 * its commitments g^a_k signed, and its value at j sent encrypted to each trustee j. certsJsons
 * is the certificates file, one cert per line; keyFile the trustee's ID.key. Returns the
 * polynomial JSON (what step 3 prints). ThresholdError when a certificate does not validate or
 * none is the key file's, BeleniosFormatError on a malformed input.
 */
export async function makePolynomialInBrowser(
  groupName: string,
  certsJsons: string,
  keyFile: string,
  threshold: number,
  options: TrusteeWorkOptions = {},
): Promise<string> {
  const group = groupByName(groupName);
  const inputs = readInputs(certsJsons, keyFile);
  const n = inputs.certs.length;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > n) throw new ThresholdError("threshold must be between 1 and the number of trustees");
  const e = countingEngine(groupName, polynomialExponentiations(n, threshold), options);
  const { own } = await enter(e, inputs);
  const coefficients = Array.from({ length: threshold }, () => e.randomExponent());
  const polynomial = await sendMsg(e, own.sk, own.ek, serializeRawPolynomial(coefficients));
  const commitments: bigint[] = [];
  for (const a of coefficients) commitments.push(await e.pow(group.g, a));
  const coefexps = await signMessage(e, own.sk, serializeRawCoefexps(commitments));
  const secrets: string[] = [];
  for (const [j, k] of inputs.keys.entries())
    secrets.push(await sendMsg(e, own.sk, k.encryption, serializeSecret(evalPolynomial(group.q, coefficients, BigInt(j + 1)))));
  return serializePolynomial({ polynomial, secrets, coefexps });
}

/**
 * Step 5: receives the trustee's vinput (what the server's step 4 routed to them), checks every
 * share against its sender's signed commitments, and returns the voutput JSON (what step 5
 * prints): the key share, the sum of the shares, sent encrypted to oneself (the server keeps it
 * as the .dkey), and g^share with its proof. ThresholdError names the first share or
 * commitment that does not validate; nothing is returned then.
 */
export async function makeKeyShareInBrowser(
  groupName: string,
  certsJsons: string,
  keyFile: string,
  vinputJson: string,
  options: TrusteeWorkOptions = {},
): Promise<string> {
  const group = groupByName(groupName);
  const inputs = readInputs(certsJsons, keyFile);
  const n = inputs.certs.length;
  const vinput = readJson("vinput", () => parseVInput(vinputJson.trim()));
  if (vinput.secrets.length !== n || vinput.coefexps.length !== n) throw new ThresholdError("the vinput does not match the certificates");
  // Read now to count the work; trusted only once their signatures are checked below.
  const coefexps = vinput.coefexps.map((c, i) => readJson(`coefexps ${i + 1}`, () => parseRawCoefexps(c.message)));
  const e = countingEngine(groupName, keyShareExponentiations(n, Math.max(...coefexps.map((c) => c.length))), options);
  const { own, index } = await enter(e, inputs);
  const ownPolynomial = await recvMsg(e, own, own.vk, vinput.polynomial, "your polynomial");
  const threshold = readJson("your polynomial", () => parseRawPolynomial(ownPolynomial)).length;
  const secrets: bigint[] = [];
  for (const [i, raw] of vinput.secrets.entries()) {
    const secret = await recvMsg(e, own, inputs.keys[i]!.verification, raw, `secret ${i + 1}`);
    secrets.push(readJson(`secret ${i + 1}`, () => parseSecret(secret)));
  }
  for (const [i, signed] of vinput.coefexps.entries())
    if (!(await verifySignedMsg(e, inputs.keys[i]!.verification, signed))) throw new ThresholdError(`coefexps ${i + 1} does not validate`);
  const j = BigInt(index);
  for (const [i, c] of coefexps.entries()) {
    if (c.length !== threshold) throw new ThresholdError(`coefexps ${i + 1} has the wrong degree`);
    // belenios-tool's eval_poly adds its k terms reduced mod q but not their sum (res + cur * a mod q),
    // so an honest share is below k·q; a larger one would only make us raise g to it for nothing.
    if (secrets[i]! >= BigInt(threshold) * group.q) throw new ThresholdError(`secret ${i + 1} does not validate`);
    let expected = 1n;
    let jk = 1n;
    for (const a of c) {
      expected = e.mul(expected, await e.pow(a, jk));
      jk *= j;
    }
    if ((await e.pow(group.g, secrets[i]!)) !== expected) throw new ThresholdError(`secret ${i + 1} does not validate`);
  }
  // Not reduced mod q: belenios sums the shares as integers (Z.(+)), and the share is only an exponent.
  const share = secrets.reduce((a, b) => a + b, 0n);
  const publicKey = await trusteePublicKeyInBrowser(e, share);
  const privateKey = await sendMsg(e, own.sk, own.ek, serializePartialDecryptionKey(share));
  return serializeVOutput({ privateKey, publicKey });
}

/** The key share in a .dkey, opened with the seed (5 exponentiations on e). */
async function openShare(e: Engine, seed: string, dkeyText: string): Promise<bigint> {
  const own = await seedKeys(e, seed);
  const message = await recvMsg(e, own, own.vk, dkeyText.trim(), "decryption key");
  return readJson("decryption key", () => parsePartialDecryptionKey(message));
}

/**
 * The trustee's key share x (threshold.ts openDecryptionKey): the .dkey (the voutput's
 * private_key, which the server keeps) opened with the trustee's ID.key. ThresholdError when the
 * .dkey was not made with this key file, or was altered.
 */
export async function openKeyShareInBrowser(groupName: string, keyFile: string, dkeyText: string, options: TrusteeWorkOptions = {}): Promise<bigint> {
  const seed = readKeyFile(keyFile);
  return openShare(countingEngine(groupName, OPEN_KEY_SHARE_EXPONENTIATIONS, options), seed, dkeyText);
}

/**
 * Whether the key share that the key file opens in the .dkey is the one whose verification key
 * (g^x, base 10) the threshold parameters publish. False for another trustee's or another
 * ceremony's verification key; ThresholdError when the key file does not open the .dkey at all.
 * Six exponentiations.
 */
export async function keyShareMatches(
  groupName: string,
  keyFile: string,
  dkeyText: string,
  verificationKeyBase10: string,
  options: TrusteeWorkOptions = {},
): Promise<boolean> {
  const seed = readKeyFile(keyFile);
  const e = countingEngine(groupName, OPEN_KEY_SHARE_EXPONENTIATIONS + 1, options);
  const x = await openShare(e, seed, dkeyText);
  return (await e.pow(e.group.g, x)).toString(10) === verificationKeyBase10;
}

/**
 * A threshold trustee's partial decryption (what `belenios-tool election decrypt-threshold`
 * prints first): the key share opened from the .dkey with the ID.key, then every ciphertext of
 * the tally decrypted as partialDecryptionInBrowser does. With ranked questions,
 * options.lastShuffle is the last shuffle's JSON.
 */
export async function thresholdPartialDecryptionInBrowser(
  electionJson: string,
  encryptedTallyJson: string,
  keyFile: string,
  dkeyText: string,
  options: TrusteeWorkOptions & { lastShuffle?: string } = {},
): Promise<string> {
  const job = prepareDecryption(electionJson, encryptedTallyJson, options.lastShuffle);
  const seed = readKeyFile(keyFile);
  const e = countingEngine(job.group.name, OPEN_KEY_SHARE_EXPONENTIATIONS + job.exponentiations, options);
  const x = await openShare(e, seed, dkeyText);
  return decryptWithKey(e, job, usableKey(job.group, x));
}

/**
 * Whether the key file is that of trustee `position` (1-based) among these certificates (two
 * exponentiations): the page asks before a step's work, so that a trustee who chose another file,
 * even another trustee's, is told at once rather than sending work the server would refuse.
 */
export async function keyFileIsTrustees(
  groupName: string,
  certsJsons: string,
  keyFile: string,
  position: number,
  options: TrusteeWorkOptions = {},
): Promise<boolean> {
  const inputs = readInputs(certsJsons, keyFile);
  const theirs = inputs.keys[position - 1];
  if (!theirs) return false;
  const own = await seedKeys(countingEngine(groupName, 2, options), inputs.seed);
  return theirs.verification === own.vk && theirs.encryption === own.ek;
}
