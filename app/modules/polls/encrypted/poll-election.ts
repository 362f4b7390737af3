/**
 * What a Yes/No poll is as a Belenios election (decision 044), without the database: its one
 * homomorphic question, a member's choice as that question's plaintext, and the decrypted counts
 * as the Yes/No tally the counting rules read. Pure.
 */
import { plaintextFor, type Plaintext } from "~/modules/belenios/ballot";
import type { Election, ElectionResult, NonHomomorphicQuestion, Question } from "~/modules/belenios/types";

import { ranksOf } from "./ranked-answers";
import { YES_NO_ANSWERS, type YesNoChoice } from "./yes-no-answers";

/** The answers in the order of the election's question: each is 0 or 1 in a ballot, exactly one 1. */
export { YES_NO_ANSWERS, type YesNoChoice } from "./yes-no-answers";
export { ranksOf } from "./ranked-answers";

// The answers as the election publishes them: data in its record (and its fingerprint), not the
// page's wording, so not choiceLabels, which a translation would change.
const answerLabels: Record<YesNoChoice, string> = { yes: "Yes", no: "No", abstain: "Abstain" };

/** Belenios' limits are generous, but a title is published in every copy of the record: kept short. */
const MAX_NAME = 200;

export function yesNoQuestion(title: string): Question {
  return { question: title.slice(0, MAX_NAME), answers: YES_NO_ANSWERS.map((a) => answerLabels[a]), min: 1, max: 1 };
}

/**
 * A ranked poll's question: non-homomorphic (Belenios encrypts the whole ranking, and only
 * shuffled ballots are decrypted), one answer per option in the order of their positions, withdrawn
 * ones included so that positions never move. Its value for an option is the rank given to it, 0
 * when unranked.
 */
export function rankedQuestion(title: string, options: readonly { label: string }[]): NonHomomorphicQuestion {
  return { type: "NonHomomorphic", question: title.slice(0, MAX_NAME), answers: options.map((o) => o.label) };
}

/** The election's parameters for a poll: a Yes/No question, or a ranking of its options. */
export function electionTemplate(poll: { title: string; description: string; method: string }, options: readonly { label: string }[]) {
  const question = poll.method === "yes-no" ? yesNoQuestion(poll.title) : rankedQuestion(poll.title, options);
  return { name: poll.title.slice(0, MAX_NAME), description: poll.description.slice(0, 2_000), questions: [question] };
}

/**
 * The ranks a decrypted ballot gives, back as a ranking: options by rank, unranked ones left out.
 * Null when the ranks are not 1, 2, 3... each once: the proofs of a non-homomorphic ballot say it is
 * well formed, not that its ranking is, so a ballot made elsewhere than this server could hold
 * any numbers. Such a ballot is spoilt, as a paper one numbered 1, 1, 3 would be.
 */
export function rankingOf(ranks: readonly number[]): number[] | null {
  const ranked = ranks
    .map((rank, position) => ({ rank, position }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => a.rank - b.rank);
  if (!ranked.every((r, i) => r.rank === i + 1)) return null;
  return ranked.map((r) => r.position);
}

/** What a member's ranking is encrypted as: the rank of each option (encryptForMember). */
export function rankingPlaintext(election: Election, ranking: readonly number[]): Plaintext {
  const question = election.params.questions[0];
  if (!question || !("type" in question) || election.params.questions.length !== 1)
    throw new Error("a ranked poll's election has one non-homomorphic question");
  return [plaintextFor(question, ranksOf(ranking, question.answers.length))];
}

/** The decrypted, shuffled ballots of a ranked poll, as rankings: spoilt ones (see rankingOf) left out. */
export function rankingsOf(result: ElectionResult): number[][] {
  const vectors = result[0];
  if (!vectors || !vectors.every((v): v is number[] => Array.isArray(v))) throw new Error("a ranked result is a list of rank vectors");
  return vectors.map(rankingOf).filter((r): r is number[] => r !== null);
}

/** What a member's Yes/No choice is encrypted as: one of the three answers (encryptForMember). */
export function choicePlaintext(election: Election, choice: YesNoChoice): Plaintext {
  const question = election.params.questions[0];
  if (!question || election.params.questions.length !== 1) throw new Error("a Yes/No poll's election has one question");
  return [plaintextFor(question, [YES_NO_ANSWERS.indexOf(choice)])];
}

/** The decrypted counts as the Yes/No tally (the roll is the poll's). */
export function yesNoCounts(result: ElectionResult): Record<YesNoChoice, number> {
  const counts = result[0];
  if (!counts || counts.length !== YES_NO_ANSWERS.length || !counts.every((c) => typeof c === "bigint")) throw new Error("a Yes/No result has three counts");
  return { yes: Number(counts[0]), no: Number(counts[1]), abstain: Number(counts[2]) };
}
