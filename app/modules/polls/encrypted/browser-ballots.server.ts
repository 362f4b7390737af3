/**
 * Ballots encrypted in the member's browser (issue 17): the server never sees the choice, only a
 * Belenios ballot, which it checks in full before the ballot box may store it. Its public
 * credential must be the sender's own, recomputed here from their derived private credential, so
 * that nobody can cast with another member's credential, and its proofs show that it answers
 * exactly one of Yes, No and Abstain (the election's only question has min = max = 1).
 */
import { publicCredential } from "~/modules/belenios/credentials";
import { memberCredential } from "./ballot-keys.server";
import { verifyBallotInPool } from "./ballot-pool.server";
import { YES_NO_ANSWERS } from "./poll-election";
import type { PollElection } from "./poll-elections.server";

/**
 * A Yes/No ballot is about 6 KB (three ciphertexts of 2048-bit numbers and their proofs): twice
 * that is refused before any parsing, so that a huge text costs no work.
 */
export const MAX_BROWSER_BALLOT_CHARS = 12_000;

export type BrowserBallotCheck =
  | { ok: true; raw: string; tracker: string }
  | { ok: false; reason: "too_large" | "not_yes_no" | "not_your_credential" | "malformed" | "not_canonical" | "wrong_election" | "bad_signature" | "bad_proof" };

export async function checkBrowserBallot(pollElection: PollElection, userId: string, raw: string): Promise<BrowserBallotCheck> {
  if (raw.length > MAX_BROWSER_BALLOT_CHARS) return { ok: false, reason: "too_large" };
  const { election } = pollElection;
  const [question, ...others] = election.params.questions;
  // The election must be what a Yes/No poll sets up: the proofs then prove "exactly one".
  if (!question || others.length > 0 || !("min" in question) || question.min !== 1 || question.max !== 1 || question.blank || question.answers.length !== YES_NO_ANSWERS.length)
    return { ok: false, reason: "not_yes_no" };
  // Every proof and the signature, in a worker thread (ballot-pool.server.ts).
  const check = await verifyBallotInPool(election, raw);
  if (!check.ok) return { ok: false, reason: check.reason };
  const { group, params } = election;
  if (check.ballot.credential !== publicCredential(group, params.uuid, memberCredential(params.uuid, userId))) return { ok: false, reason: "not_your_credential" };
  return { ok: true, raw, tracker: check.tracker };
}

/**
 * What the poll page gives the member's browser so that it can encrypt their ballot: the
 * election's exact text and their private credential. The caller gives it only to the signed-in
 * member on the roll who can vote now, on a page answered with Cache-Control: no-store.
 */
export function browserBallotKey(pollElection: PollElection, userId: string): { election: string; credential: string } {
  const { raw, params } = pollElection.election;
  return { election: raw, credential: memberCredential(params.uuid, userId) };
}
