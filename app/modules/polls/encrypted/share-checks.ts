/**
 * The checks of what a poll's trustees send (decisions 045, 046), as pure functions of the
 * published texts: a shuffle against the ciphertexts it must follow on from, a partial
 * decryption against the trustee's key, and the result combined from enough of them. They cost
 * seconds to minutes for a large poll (a shuffle proof of 10,000 rankings, some 130 s), so the
 * server runs them in its worker threads (ballot-jobs.server.ts), never on the thread that answers
 * requests, and outside the transaction that keeps what passed.
 */
import { checkShuffleProof } from "~/modules/belenios/nonhomomorphic";
import { mergeNhCiphertexts, nhCiphertexts } from "~/modules/belenios/nh-lists";
import {
  BeleniosFormatError,
  parseEncryptedTally,
  parsePartialDecryption,
  parseShuffle,
  parseTrustees,
  serializePartialDecryption,
  serializeResult,
  serializeShuffle,
} from "~/modules/belenios/serialize";
import { computeResult } from "~/modules/belenios/tally";
import { synthesizeFactors } from "~/modules/belenios/trustees";
import { verifyPartialDecryption } from "~/modules/belenios/trustee";
import type { Ciphertext, Election, EncryptedTally } from "~/modules/belenios/types";

export type ShareCheck = { ok: true; canonical: string } | { ok: false; code: "share_unreadable" | "share_invalid" };

/** Where the trustees are: the published tally and the last shuffle so far, if any. */
export interface ShareBasis {
  encryptedTally: string;
  lastShuffle: string | null;
}

function readOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof BeleniosFormatError || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The ranked lists the next shuffle takes: the tally's, or the last shuffle's. */
export function listsToShuffle(election: Election, tally: EncryptedTally, lastShuffle: string | null): Ciphertext[][] {
  return lastShuffle ? parseShuffle(lastShuffle).ciphertexts : nhCiphertexts(election, tally);
}

/** What the trustees decrypt: the tally, its ranked lists replaced by the last shuffle's. */
export function tallyToDecrypt(election: Election, tally: EncryptedTally, lastShuffle: string | null): EncryptedTally {
  return lastShuffle ? mergeNhCiphertexts(election, tally, parseShuffle(lastShuffle).ciphertexts) : tally;
}

const decryptable = (election: Election, basis: ShareBasis) => tallyToDecrypt(election, parseEncryptedTally(basis.encryptedTally), basis.lastShuffle);

/** A trustee's shuffle: its proof, against the lists it must follow on from. */
export function checkShuffleText(election: Election, basis: ShareBasis, text: string): ShareCheck {
  const shuffle = readOrNull(() => parseShuffle(text.trim()));
  if (!shuffle) return { ok: false, code: "share_unreadable" };
  const input = listsToShuffle(election, parseEncryptedTally(basis.encryptedTally), basis.lastShuffle);
  const sound =
    shuffle.ciphertexts.length === input.length &&
    shuffle.proofs.length === input.length &&
    input.every((e, i) => checkShuffleProof(election.group, election.fingerprint, election.params.publicKey, e, shuffle.ciphertexts[i]!, shuffle.proofs[i]!));
  return sound ? { ok: true, canonical: serializeShuffle(shuffle) } : { ok: false, code: "share_invalid" };
}

/** A trustee's partial decryption of what is to decrypt, against their public key (base 10). */
export function checkPartialDecryptionText(election: Election, basis: ShareBasis, publicKey: bigint, text: string): ShareCheck {
  const pd = readOrNull(() => parsePartialDecryption(text.trim()));
  if (!pd) return { ok: false, code: "share_unreadable" };
  return verifyPartialDecryption(election, decryptable(election, basis), publicKey, pd)
    ? { ok: true, canonical: serializePartialDecryption(pd) }
    : { ok: false, code: "share_invalid" };
}

/** The election's result from enough partial decryptions (each checked again), as its text. */
export function combineShares(
  election: Election,
  trusteesRaw: string,
  basis: ShareBasis,
  partials: readonly { owner: number; pd: string }[],
  totalWeight: bigint,
): string {
  const tally = decryptable(election, basis);
  const factors = synthesizeFactors(
    election,
    parseTrustees(trusteesRaw),
    tally,
    partials.map((p) => ({ owner: p.owner, pd: parsePartialDecryption(p.pd) })),
  );
  return serializeResult(computeResult(election, tally, factors, totalWeight));
}
