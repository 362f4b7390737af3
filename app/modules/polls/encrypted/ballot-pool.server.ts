/**
 * Each ballot's cryptography, off the thread that answers requests (issue 17): checking a ballot
 * encrypted in a member's browser, or encrypting one for them (no JavaScript, or a ranking), costs
 * 10 to 25 ms of solid computation, which on the main thread would make every other request wait
 * and hold a server to some 50 ballots a second. A pool of worker threads, one per core, started
 * as ballots come (worker-pool.server.ts), runs ballot-jobs.server.ts instead.
 *
 * One pool per process, kept on globalThis: the Remix build bundles its own copy of this module
 * beside the one server.ts's ballot endpoint imports, and both must share the same threads.
 */
import type { Plaintext } from "~/modules/belenios/ballot";
import type { Election } from "~/modules/belenios/types";
import { runJob, type BallotJob, type BallotJobAnswer, type SealedBallot, type VerifiedBallot } from "./ballot-jobs.server";
import type { ShareBasis, ShareCheck } from "./share-checks";
import { WorkerPool } from "./worker-pool.server";

const POOL_SLOT = Symbol.for("breakaway.ballot-pool");
type Slot = { [POOL_SLOT]?: WorkerPool<BallotJob, BallotJobAnswer> };

function ballotPool(): WorkerPool<BallotJob, BallotJobAnswer> {
  const slot = globalThis as Slot;
  slot[POOL_SLOT] ??= new WorkerPool<BallotJob, BallotJobAnswer>({ name: "Ballot workers", module: "ballot-jobs.server.ts", runHere: runJob });
  return slot[POOL_SLOT];
}

/** Sets how many worker threads do ballots' cryptography (0: none, every ballot on the calling thread). */
export function setBallotThreads(count: number): void {
  ballotPool().setThreads(count);
}

/** Ballot threads running now (for the tests and benchmarks). */
export function ballotThreadsStarted(): number {
  return ballotPool().started;
}

/** Every proof and the signature of a ballot's exact text, against the election (verifyBallot, in a worker thread). */
export async function verifyBallotInPool(election: Election, raw: string): Promise<VerifiedBallot> {
  return (await ballotPool().run({ kind: "verify", election: election.raw, ballot: raw })) as VerifiedBallot;
}

/** A ballot encrypted, proved and signed with a member's private credential (encryptBallot, in a worker thread). */
export async function encryptBallotInPool(election: Election, privateCredential: string, plaintext: Plaintext): Promise<SealedBallot> {
  return (await ballotPool().run({ kind: "encrypt", election: election.raw, credential: privateCredential, plaintext })) as SealedBallot;
}

/** A trustee's shuffle checked against the lists it follows on from (share-checks.ts), in a worker thread. */
export async function checkShuffleInPool(election: Election, basis: ShareBasis, text: string): Promise<ShareCheck> {
  return (await ballotPool().run({ kind: "check_shuffle", election: election.raw, basis, text })) as ShareCheck;
}

/** A trustee's partial decryption checked against their key, in a worker thread. */
export async function checkPartialDecryptionInPool(election: Election, basis: ShareBasis, publicKey: bigint, text: string): Promise<ShareCheck> {
  return (await ballotPool().run({ kind: "check_decryption", election: election.raw, basis, publicKey: publicKey.toString(), text })) as ShareCheck;
}

/** The result text from enough partial decryptions, each checked again, in a worker thread. */
export async function combineSharesInPool(
  election: Election,
  trusteesRaw: string,
  basis: ShareBasis,
  partials: { owner: number; pd: string }[],
  totalWeight: bigint,
): Promise<string> {
  const answer = (await ballotPool().run({
    kind: "combine",
    election: election.raw,
    trustees: trusteesRaw,
    basis,
    partials,
    totalWeight: totalWeight.toString(),
  })) as { result: string };
  return answer.result;
}
