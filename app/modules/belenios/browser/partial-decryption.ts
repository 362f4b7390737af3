import { BeleniosFormatError, parseElectionParams, parseEncryptedTally, parseShuffle, serializePartialDecryption } from "../canonical";
import { modQ } from "../group-params";
import { mergeNhCiphertexts, nhCiphertexts } from "../nh-lists";
import { questionLength } from "../plaintext";
import { decryptPrefix } from "../proof-prefixes";
import { isHomomorphic } from "../types";
import type { Ciphertext, ElectionParams, EncryptedTally, PartialDecryption, Proof } from "../types";
import { countingEngine, decryptionExponentiations, type TrusteeWorkOptions } from "./trustee-work";
import { readPrivateKeyFile } from "./trustee-key";

/**
 * A Single trustee's partial decryption, in their browser: for every ciphertext of the tally the
 * factor alpha^x and its Chaum-Pedersen proof (trustee.ts computePartialDecryption, over
 * WebCrypto and BigInt). The text is what `belenios-tool election decrypt --privkey ID.privkey`
 * prints first (src/tool/tool_election.ml of Belenios 2.0), so the server takes either.
 */

/** The tally has one list per question, of the right length for each homomorphic one. */
function checkShape(params: ElectionParams, tally: EncryptedTally): void {
  if (tally.length !== params.questions.length) throw new BeleniosFormatError("encrypted tally: one list per question expected");
  params.questions.forEach((q, i) => {
    if (isHomomorphic(q) && tally[i]!.length !== questionLength(q)) throw new BeleniosFormatError(`encrypted tally: question ${i + 1} has the wrong number of ciphertexts`);
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

/**
 * The partial decryption JSON of the trustee whose ID.privkey file is privateKeyFile, for the
 * election (its exact text) and its encrypted tally as published (one list per question). With
 * ranked questions, options.lastShuffle is the last shuffle's JSON. Every alpha is checked to be
 * in the group before it is raised to x. Throws BeleniosFormatError on a malformed input.
 */
export async function partialDecryptionInBrowser(
  electionJson: string,
  encryptedTallyJson: string,
  privateKeyFile: string,
  options: TrusteeWorkOptions & { lastShuffle?: string } = {},
): Promise<string> {
  const { params, group } = parseElectionParams(electionJson);
  const privateKey = readPrivateKeyFile(group, privateKeyFile);
  const published = parseEncryptedTally(encryptedTallyJson);
  checkShape(params, published);
  const tally = ciphertextsToDecrypt(params, published, options.lastShuffle);
  const e = countingEngine(group.name, decryptionExponentiations(tally.flat().length), options);
  const fingerprint = await e.sha256Base64(electionJson);
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
