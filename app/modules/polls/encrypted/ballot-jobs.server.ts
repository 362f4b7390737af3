/**
 * What a ballot worker thread runs (ballot-pool.server.ts): the cryptography of one ballot, about
 * 10 to 25 ms of solid computation. Checking a ballot made in a member's browser (every proof and
 * the signature: verifyBallot), or encrypting, proving and signing one on a member's behalf. The
 * election comes as its exact text and is parsed once per thread: the fixed-base table of its
 * public key, built on first use (ballot.ts), then serves every later ballot in that thread.
 */
import { encryptBallot, verifyBallot, type BallotCheck, type Plaintext } from "~/modules/belenios/ballot";
import { parseElection } from "~/modules/belenios/serialize";
import type { Ballot, Election } from "~/modules/belenios/types";
import { RecentlyUsed } from "~/utils/recently-used";
import { checkPartialDecryptionText, checkShuffleText, combineShares, type ShareBasis, type ShareCheck } from "./share-checks";

export type BallotJob =
  | { kind: "verify"; election: string; ballot: string }
  | { kind: "encrypt"; election: string; credential: string; plaintext: Plaintext }
  // What trustees send (share-checks.ts): long checks, kept off the thread that answers requests.
  | { kind: "check_shuffle"; election: string; basis: ShareBasis; text: string }
  | { kind: "check_decryption"; election: string; basis: ShareBasis; publicKey: string; text: string }
  | { kind: "combine"; election: string; trustees: string; basis: ShareBasis; partials: { owner: number; pd: string }[]; totalWeight: string };

/**
 * A checked ballot: its public credential (for the caller's own checks) and tracker, as
 * verifyBallot gives them, without the rest (which would only cost copying back); or why it is refused.
 */
export type VerifiedBallot = { ok: true; ballot: Pick<Ballot, "credential">; tracker: string } | Extract<BallotCheck, { ok: false }>;

/** An encrypted ballot: its exact text and its tracker, the member's receipt. */
export interface SealedBallot {
  raw: string;
  tracker: string;
}

export type BallotJobAnswer = VerifiedBallot | SealedBallot | ShareCheck | { result: string };

const elections = new RecentlyUsed<string, Election>(16);

export function runJob(job: BallotJob): BallotJobAnswer {
  const election = elections.get(job.election, () => parseElection(job.election));
  if (job.kind === "check_shuffle") return checkShuffleText(election, job.basis, job.text);
  if (job.kind === "check_decryption") return checkPartialDecryptionText(election, job.basis, BigInt(job.publicKey), job.text);
  if (job.kind === "combine") return { result: combineShares(election, job.trustees, job.basis, job.partials, BigInt(job.totalWeight)) };
  if (job.kind === "encrypt") {
    const { raw, tracker } = encryptBallot(election, job.credential, job.plaintext);
    return { raw, tracker };
  }
  const check = verifyBallot(election, job.ballot);
  return check.ok ? { ok: true, ballot: { credential: check.ballot.credential }, tracker: check.tracker } : check;
}
