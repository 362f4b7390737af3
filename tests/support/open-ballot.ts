import { divMod, powMod } from "../../app/modules/belenios/group";
import { parseBallot } from "../../app/modules/belenios/serialize";
import { isHomomorphicAnswer } from "../../app/modules/belenios/types";
import { serverTrusteeKey } from "../../app/modules/polls/encrypted/ballot-keys.server";
import type { PollElection } from "../../app/modules/polls/encrypted/poll-elections.server";
import { YES_NO_ANSWERS } from "../../app/modules/polls/encrypted/yes-no-answers";

/**
 * What one stored Yes/No ballot says, read as its only trustee (the server) could: a test's way
 * to check that an encrypted ballot holds what the member sent. The app never does this: it only
 * decrypts the product of all ballots (decision 044).
 */
export function openYesNoBallot(pollElection: PollElection, raw: string): string {
  const { election } = pollElection;
  const group = election.group;
  const key = serverTrusteeKey(group, election.params.uuid);
  const [answer] = parseBallot(raw).answers;
  if (!answer || !isHomomorphicAnswer(answer)) throw new Error("not a Yes/No ballot");
  // g^m = beta / alpha^x, and m is 0 or 1.
  const chosen = answer.choices.map((c) => divMod(group, c.beta, powMod(group, c.alpha, key)) === group.g);
  const index = chosen.indexOf(true);
  if (index < 0 || chosen.lastIndexOf(true) !== index) throw new Error("not exactly one answer");
  return YES_NO_ANSWERS[index]!;
}
