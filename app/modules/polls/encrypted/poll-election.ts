/**
 * What a Yes/No poll is as a Belenios election (decision 044), without the database: its one
 * homomorphic question, a member's choice as that question's plaintext, and the decrypted counts
 * as the Yes/No tally the counting rules read. Pure.
 */
import { encryptBallot, plaintextFor, type EncryptedBallot } from "~/modules/belenios/ballot";
import type { Election, ElectionResult, Question } from "~/modules/belenios/types";

import { YES_NO_ANSWERS, type YesNoChoice } from "./yes-no-answers";

/** The answers in the order of the election's question: each is 0 or 1 in a ballot, exactly one 1. */
export { YES_NO_ANSWERS, type YesNoChoice } from "./yes-no-answers";

const answerLabels: Record<YesNoChoice, string> = { yes: "Yes", no: "No", abstain: "Abstain" };

/** Belenios' limits are generous, but a title is published in every copy of the record: kept short. */
const MAX_NAME = 200;

export function yesNoQuestion(title: string): Question {
  return { question: title.slice(0, MAX_NAME), answers: YES_NO_ANSWERS.map((a) => answerLabels[a]), min: 1, max: 1 };
}

export function electionTemplate(poll: { title: string; description: string }) {
  return { name: poll.title.slice(0, MAX_NAME), description: poll.description.slice(0, 2_000), questions: [yesNoQuestion(poll.title)] };
}

/** Encrypts a member's choice with their credential: the ballot, its exact text and its tracker. */
export function encryptChoice(election: Election, privateCredential: string, choice: YesNoChoice): EncryptedBallot {
  const question = election.params.questions[0];
  if (!question || election.params.questions.length !== 1) throw new Error("a Yes/No poll's election has one question");
  return encryptBallot(election, privateCredential, [plaintextFor(question, [YES_NO_ANSWERS.indexOf(choice)])]);
}

/** The decrypted counts as the Yes/No tally (the roll is the poll's). */
export function yesNoCounts(result: ElectionResult): Record<YesNoChoice, number> {
  const counts = result[0];
  if (!counts || counts.length !== YES_NO_ANSWERS.length || !counts.every((c) => typeof c === "bigint")) throw new Error("a Yes/No result has three counts");
  return { yes: Number(counts[0]), no: Number(counts[1]), abstain: Number(counts[2]) };
}
