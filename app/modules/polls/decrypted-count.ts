/** Counting an encrypted poll from its decryption. */
import { countPoll, countYesNoTotals, type PollResult, type PollRules } from "./ballot-rules";
import type { DecryptedOutcome } from "./encrypted/poll-elections.server";

/** An encrypted poll counted from what its decryption gave, by the same rules as plain ballots. */
export function countDecrypted(rules: PollRules, outcome: DecryptedOutcome, rollSize: number): PollResult {
  return outcome.kind === "yes-no"
    ? countYesNoTotals(rules, outcome.counts, rollSize)
    : countPoll(
        rules,
        outcome.rankings.map((ranking) => ({ ranking })),
        rollSize,
      );
}
