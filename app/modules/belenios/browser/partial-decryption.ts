import { BeleniosFormatError, parseElectionParams, parseEncryptedTally, parseShuffle, serializePartialDecryption } from "../canonical";
import { type Group, modQ } from "../group-params";
import { mergeNhCiphertexts, nhCiphertexts } from "../nh-lists";
import { questionLength } from "../plaintext";
import { decryptPrefix } from "../proof-prefixes";
import { isHomomorphic } from "../types";
import type { Ciphertext, ElectionParams, EncryptedTally, PartialDecryption, Proof } from "../types";
import type { Engine } from "./engine";
import { countingEngine, decryptionExponentiations, type TrusteeWorkOptions } from "./trustee-work";
import { readPrivateKeyFile } from "./trustee-key";

/**
 * A trustee's partial decryption, in their browser: for every ciphertext of the tally the
 * factor alpha^x and its Chaum-Pedersen proof (trustee.ts computePartialDecryption, over
 * WebCrypto and BigInt). The text is what `belenios-tool election decrypt --privkey ID.privkey`
 * prints first (src/tool/tool_election.ml of Belenios 2.0), so the server takes either. The key
 * is the Single trustee's ID.privkey, or a threshold trustee's share (threshold-ceremony.ts).
 */

/** The tally has one list per question, of the right length for each homomorphic one. */
function checkShape(params: ElectionParams, tally: EncryptedTally): void {
  if (tally.length !== params.questions.length) throw new BeleniosFormatError("encrypted tally: one list per question expected");
  params.questions.forEach((q, i) => {
    if (isHomomorphic(q) && tally[i]!.length !== questionLength(q))
      throw new BeleniosFormatError(`encrypted tally: question ${i + 1} has the wrong number of ciphertexts`);
  });
}

/**
 * Ranked (non-homomorphic) questions are decrypted only after they were shuffled, as
 * belenios-tool insists: decrypting the tally's own lists would tie each ranking to its ballot.
 */
function ciphertextsToDecrypt(params: ElectionParams, tally: EncryptedTally, lastShuffle: string | undefined): EncryptedTally {
  const election = { params };
  const lists = nhCiphertexts(election, tally);
  if (lists.length === 0) return tally;
  if (lastShuffle === undefined) throw new BeleniosFormatError("the election has ranked questions: the last shuffle is needed to decrypt");
  const shuffled = parseShuffle(lastShuffle).ciphertexts;
  if (shuffled.length !== lists.length || shuffled.some((q, i) => q.length !== lists[i]!.length))
    throw new BeleniosFormatError("the last shuffle does not match the encrypted tally");
  return mergeNhCiphertexts(election, tally, shuffled);
}

/** A partial decryption to compute: the election as published, its group, and the ciphertexts to decrypt. */
export interface DecryptionJob {
  electionJson: string;
  group: Group;
  tally: EncryptedTally;
  /** The exponentiations of the decryption proper (decryptionExponentiations): a caller adds its own to count progress. */
  exponentiations: number;
}

/**
 * Reads the election (its exact text) and its encrypted tally as published (one list per
 * question); with ranked questions, lastShuffle is the last shuffle's JSON. Throws
 * BeleniosFormatError on a malformed input.
 */
export function prepareDecryption(electionJson: string, encryptedTallyJson: string, lastShuffle?: string): DecryptionJob {
  const { params, group } = parseElectionParams(electionJson);
  const published = parseEncryptedTally(encryptedTallyJson);
  checkShape(params, published);
  const tally = ciphertextsToDecrypt(params, published, lastShuffle);
  return { electionJson, group, tally, exponentiations: decryptionExponentiations(tally.flat().length) };
}

/**
 * The partial decryption JSON with the key x (0 < x < q), on an engine of the job's group. Every
 * alpha is checked to be in the group before it is raised to x.
 */
export async function decryptWithKey(e: Engine, job: DecryptionJob, privateKey: bigint): Promise<string> {
  const { group, tally } = job;
  const fingerprint = await e.sha256Base64(job.electionJson);
  const publicKey = await e.pow(group.g, privateKey);
  const prefix = decryptPrefix({ fingerprint }, publicKey);
  const factor = async (c: Ciphertext): Promise<{ factor: bigint; proof: Proof }> => {
    if (!(await e.isGroupElement(c.alpha))) throw new BeleniosFormatError("encrypted tally: a ciphertext is not in the group");
    const w = e.randomExponent();
    const commitments = [await e.pow(group.g, w), await e.pow(c.alpha, w)];
    const challenge = await e.hashToExponent(prefix, commitments);
    return { factor: await e.pow(c.alpha, privateKey), proof: { challenge, response: modQ(group, w - privateKey * challenge) } };
  };
  const pd: PartialDecryption = { decryptionFactors: [], decryptionProofs: [] };
  for (const question of tally) {
    const parts: { factor: bigint; proof: Proof }[] = [];
    for (const c of question) parts.push(await factor(c));
    pd.decryptionFactors.push(parts.map((p) => p.factor));
    pd.decryptionProofs.push(parts.map((p) => p.proof));
  }
  return serializePartialDecryption(pd);
}

type DecryptionOptions = TrusteeWorkOptions & { lastShuffle?: string };

/**
 * The partial decryption JSON of the trustee whose ID.privkey file is privateKeyFile, for the
 * election (its exact text) and its encrypted tally as published (one list per question). With
 * ranked questions, options.lastShuffle is the last shuffle's JSON. Throws BeleniosFormatError on
 * a malformed input.
 */
export async function partialDecryptionInBrowser(
  electionJson: string,
  encryptedTallyJson: string,
  privateKeyFile: string,
  options: DecryptionOptions = {},
): Promise<string> {
  const job = prepareDecryption(electionJson, encryptedTallyJson, options.lastShuffle);
  const privateKey = readPrivateKeyFile(job.group, privateKeyFile);
  return decryptWithKey(countingEngine(job.group.name, job.exponentiations, options), job, privateKey);
}

/**
 * The same with the key itself, however the trustee holds it: a threshold trustee's key share
 * (threshold-ceremony.ts opens it) is a sum of shares that may exceed q, and is used mod q, which
 * raises every alpha to the same power. Throws RangeError for a key that is 0 mod q or negative.
 */
export async function partialDecryptionWithKey(electionJson: string, encryptedTallyJson: string, x: bigint, options: DecryptionOptions = {}): Promise<string> {
  const job = prepareDecryption(electionJson, encryptedTallyJson, options.lastShuffle);
  return decryptWithKey(countingEngine(job.group.name, job.exponentiations, options), job, usableKey(job.group, x));
}

/** x mod q, refusing what is no private key: a negative number, or 0 mod q (g^x = 1 decrypts nothing). */
export function usableKey(group: Group, x: bigint): bigint {
  if (x < 0n) throw new RangeError("a private key is not negative");
  const key = modQ(group, x);
  if (key === 0n) throw new RangeError(`not a private key of ${group.name}`);
  return key;
}
