/**
 * Ballots encrypted in the member's browser (issue 17): the server never sees the choice or the
 * ranking, only a Belenios ballot, which it checks in full before the ballot box may store it. Its
 * public credential must be the sender's own, recomputed here from their derived private
 * credential, so that nobody can cast with another member's credential. For a Yes/No poll its
 * proofs show that it answers exactly one of Yes, No and Abstain (the election's only question has
 * min = max = 1). For a ranked poll they show that the sender made the ciphertext (they know its
 * randomness), not what it holds: a ranking that is not 1, 2, 3... is spoilt at the count, as a
 * paper one numbered 1, 1, 3 would be (poll-election.ts rankingOf).
 */
import { publicCredential } from "~/modules/belenios/credentials";
import { type Election, isHomomorphic } from "~/modules/belenios/types";
import { memberCredential } from "./ballot-keys.server";
import { verifyBallotInPool } from "./ballot-pool.server";
import { YES_NO_ANSWERS } from "./poll-election";
import type { PollElection } from "./poll-elections.server";

/**
 * A longer text is refused before any parsing, so that a huge text costs no work. No ballot that
 * can pass verifyBallot is longer than 6,127 characters for a Yes/No poll (three ciphertexts and
 * their proofs) or 4,623 for a ranked poll, whatever its number of candidates (ballot-size.ts): a
 * ranking is one ciphertext of RFC-3526-2048, whose 2047 bits hold up to 254 ranks of 8 bits, and
 * its exponents are 2047 bits (617 digits). A real ranked ballot is about 3,550 characters. The
 * limit is about twice the longer bound.
 */
export const MAX_BROWSER_BALLOT_CHARS = 12_000;

export type BrowserBallotCheck =
  | { ok: true; raw: string; tracker: string }
  | {
      ok: false;
      reason: "too_large" | "unsupported_election" | "not_your_credential" | "malformed" | "not_canonical" | "wrong_election" | "bad_signature" | "bad_proof";
    };

export async function checkBrowserBallot(pollElection: PollElection, userId: string, raw: string): Promise<BrowserBallotCheck> {
  if (raw.length > MAX_BROWSER_BALLOT_CHARS) return { ok: false, reason: "too_large" };
  const { election } = pollElection;
  if (!takesBrowserBallots(election)) return { ok: false, reason: "unsupported_election" };
  // Every proof and the signature, in a worker thread (ballot-pool.server.ts).
  const check = await verifyBallotInPool(election, raw);
  if (!check.ok) return { ok: false, reason: check.reason };
  const { group, params } = election;
  if (check.ballot.credential !== publicCredential(group, params.uuid, memberCredential(params.uuid, userId)))
    return { ok: false, reason: "not_your_credential" };
  return { ok: true, raw, tracker: check.tracker };
}

/**
 * The elections whose ballots the poll page encrypts in the browser, as poll-election.ts sets them
 * up: a Yes/No poll's one question, exactly one of three answers (its proofs then prove "exactly
 * one"), or a ranked poll's one non-homomorphic question.
 */
function takesBrowserBallots(election: Election): boolean {
  const [question, ...others] = election.params.questions;
  if (!question || others.length > 0) return false;
  if (!isHomomorphic(question)) return election.group.embedding !== undefined;
  return question.min === 1 && question.max === 1 && !question.blank && question.answers.length === YES_NO_ANSWERS.length;
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
