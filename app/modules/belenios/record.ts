import { ArchiveWriter, readElectionEvents } from "./archive";
import { verifyBallot } from "./ballot";
import { isGroupElement, sha256Hex } from "./group";
import {
  parseElection,
  parsePartialDecryption,
  parsePublicCredentials,
  parseResult,
  parseSizedEncryptedTally,
  parseTrustees,
  serializeEncryptedTally,
  serializePartialDecryption,
  serializeResult,
  serializeShuffle,
  serializeSizedEncryptedTally,
  parseShuffle,
} from "./serialize";
import { checkShuffleProof } from "./nonhomomorphic";
import { computeEncryptedTally, lastBallotPerCredential, mergeNhCiphertexts, nhCiphertexts, verifyResult, type WeightedBallot } from "./tally";
import { checkTrustees, DecryptionError, electionPublicKey, synthesizeFactors } from "./trustees";
import type { Election, ElectionResult, EncryptedTally, PartialDecryption, PublicCredential, Shuffle, SizedEncryptedTally } from "./types";

/**
 * The whole public record of one election: writing the .bel archive from the election, its
 * ballots and its tally, and checking one end to end (what `belenios-tool election verify` does,
 * plus the encrypted tally and its counts, which the tool recomputes without comparing).
 */

export interface TalliedBallots {
  tally: EncryptedTally;
  sized: SizedEncryptedTally;
  /** Exact strings for the archive. */
  tallyRaw: string;
  sizedRaw: string;
}

export class BallotRejected extends Error {}

/** Checks ballots against the credential list, keeps each credential's last, multiplies them. */
export function tallyBallots(election: Election, credentials: readonly PublicCredential[], rawBallots: readonly string[]): TalliedBallots {
  const weights = new Map(credentials.map((c) => [c.credential, c.weight]));
  const weighted: WeightedBallot[] = rawBallots.map((raw, i) => {
    const check = verifyBallot(election, raw);
    if (!check.ok) throw new BallotRejected(`ballot ${i + 1}: ${check.reason}`);
    const weight = weights.get(check.ballot.credential);
    if (weight === undefined) throw new BallotRejected(`ballot ${i + 1}: credential not in the public list`);
    return { ballot: check.ballot, weight };
  });
  const tallied = lastBallotPerCredential(weighted);
  const tally = computeEncryptedTally(election, tallied);
  const tallyRaw = serializeEncryptedTally(tally);
  const sized: SizedEncryptedTally = {
    numTallied: tallied.length,
    totalWeight: tallied.reduce((acc, b) => acc + b.weight, 0n),
    encryptedTally: sha256Hex(tallyRaw),
  };
  return { tally, sized, tallyRaw, sizedRaw: serializeSizedEncryptedTally(sized) };
}

export interface RecordInput {
  /** Seconds since the epoch: the archive header's timestamp and every member's date. */
  timestamp: bigint;
  election: Election;
  trusteesRaw: string;
  credentialsRaw: string;
  /** Accepted ballots as cast, in order (revotes included; the last per credential counts). */
  ballots: readonly string[];
  /** Present once the election is closed and decrypted. */
  tally?: {
    /** Each trustee's shuffle, in order, when the election has non-homomorphic questions. */
    shuffles?: readonly { owner: number; shuffle: Shuffle }[];
    partialDecryptions: readonly { owner: number; pd: PartialDecryption }[];
    result: ElectionResult;
  };
}

/** Writes the .bel archive: Setup, Ballot..., then EndBallots, EncryptedTally, PartialDecryption..., Result. */
export function writeElectionArchive(input: RecordInput): Buffer {
  const writer = new ArchiveWriter(input.timestamp);
  writer.setup(input.election.raw, input.trusteesRaw, input.credentialsRaw);
  for (const raw of input.ballots) writer.ballot(raw);
  if (input.tally) {
    writer.endBallots();
    const tallied = tallyBallots(input.election, parsePublicCredentials(input.credentialsRaw), input.ballots);
    writer.encryptedTally(tallied.tallyRaw, tallied.sizedRaw);
    if (input.tally.shuffles) {
      for (const { owner, shuffle } of input.tally.shuffles) writer.shuffle(owner, serializeShuffle(shuffle));
      writer.endShuffles();
    }
    for (const { owner, pd } of input.tally.partialDecryptions) writer.partialDecryption(owner, serializePartialDecryption(pd));
    writer.result(serializeResult(input.tally.result));
  }
  return writer.toBytes();
}

export type RecordVerification =
  | { ok: true; election: Election; trackers: string[]; numTallied: number; totalWeight: bigint; result: ElectionResult | null }
  | { ok: false; problem: string };

const fail = (problem: string): RecordVerification => ({ ok: false, problem });

/** Checks a .bel archive; on failure, names the first bad item. */
export function verifyElectionArchive(bytes: Uint8Array): RecordVerification {
  try {
    return verifyEvents(bytes);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

function verifyEvents(bytes: Uint8Array): RecordVerification {
  const events = readElectionEvents(bytes);
  const election = parseElection(events.setup.election);
  const group = election.group;
  const trustees = parseTrustees(events.setup.trustees);
  const trusteeProblem = checkTrustees(group, trustees);
  if (trusteeProblem) return fail(trusteeProblem);
  if (electionPublicKey(group, trustees) !== election.params.publicKey) return fail("election public key is not the product of the trustees' keys");
  const credentials = parsePublicCredentials(events.setup.credentials);
  const seen = new Set<bigint>();
  for (const [i, c] of credentials.entries()) {
    if (!isGroupElement(group, c.credential)) return fail(`public credential ${i + 1} is not a group element`);
    if (seen.has(c.credential)) return fail(`public credential ${i + 1} is a duplicate`);
    seen.add(c.credential);
  }
  const weights = new Map(credentials.map((c) => [c.credential, c.weight]));
  const trackers: string[] = [];
  const weighted: WeightedBallot[] = [];
  for (const [i, raw] of events.ballots.entries()) {
    const check = verifyBallot(election, raw);
    if (!check.ok) return fail(`ballot ${i + 1}: ${check.reason}`);
    const weight = weights.get(check.ballot.credential);
    if (weight === undefined) return fail(`ballot ${i + 1} (${check.tracker}): credential not in the public list`);
    trackers.push(check.tracker);
    weighted.push({ ballot: check.ballot, weight });
  }
  const tallied = lastBallotPerCredential(weighted);
  const tally = computeEncryptedTally(election, tallied);
  const numTallied = tallied.length;
  const totalWeight = tallied.reduce((acc, b) => acc + b.weight, 0n);
  if (events.encryptedTally) {
    if (events.encryptedTally.tally !== serializeEncryptedTally(tally)) return fail("encrypted tally is not the product of the ballots");
    const sized = parseSizedEncryptedTally(events.encryptedTally.sized);
    if (sized.numTallied !== numTallied || sized.totalWeight !== totalWeight) return fail("encrypted tally: wrong number of ballots or total weight");
  }
  // Shuffles: each must re-encrypt and permute the previous one's ciphertexts.
  let nh = nhCiphertexts(election, tally);
  for (const [i, { shuffle: raw }] of events.shuffles.entries()) {
    const shuffle = parseShuffle(raw);
    if (shuffle.ciphertexts.length !== nh.length || shuffle.proofs.length !== nh.length) return fail(`shuffle ${i + 1}: wrong number of questions`);
    const holds = nh.every((e, k) =>
      checkShuffleProof(election.group, election.fingerprint, election.params.publicKey, e, shuffle.ciphertexts[k]!, shuffle.proofs[k]!),
    );
    if (!holds) return fail(`shuffle ${i + 1}: invalid proof`);
    nh = shuffle.ciphertexts;
  }
  const decrypted = mergeNhCiphertexts(election, tally, nh);
  if (events.result === undefined) return { ok: true, election, trackers, numTallied, totalWeight, result: null };
  if (!events.encryptedTally) return fail("result without an encrypted tally");
  if (nh.length > 0 && events.shuffles.length === 0) return fail("non-homomorphic questions decrypted without a shuffle");
  const partials = events.partialDecryptions.map(({ owner, pd }) => ({ owner, pd: parsePartialDecryption(pd) }));
  let factors: bigint[][];
  try {
    factors = synthesizeFactors(election, trustees, decrypted, partials);
  } catch (e) {
    if (e instanceof DecryptionError) return fail(e.message);
    throw e;
  }
  const result = parseResult(events.result);
  if (!verifyResult(election, decrypted, factors, result)) return fail("result does not match the decrypted tally");
  return { ok: true, election, trackers, numTallied, totalWeight, result };
}
