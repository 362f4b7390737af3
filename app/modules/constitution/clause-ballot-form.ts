/**
 * Reading a clause's ballot as the form sends it (routes/constitution.vote.$clauseId.tsx): for
 * each question, Yes, No or Abstain, or the options numbered in order of preference (every box
 * blank is an abstention on that question). Pure: the same reading the server casts from.
 */
import { ballotProblemMessages } from "~/modules/polls/messages";
import { rankingFromNumbers } from "~/modules/polls/ranking-form";
import type { FieldErrors } from "~/utils/form-values";

/** What a question needs for its answer to be read: its poll, its kind, its options' positions. */
export interface QuestionShape {
  pollId: string;
  kind: "amendment" | "competing" | "clause";
  options: readonly { position: number }[];
}

export type ClauseFormAnswer = { pollId: string; choice?: "yes" | "no" | "abstain"; ranking?: number[] };

/** Every question's answer, or a message for each question that could not be read (keyed `q-<poll>`). */
export function readClauseAnswers(
  questions: readonly QuestionShape[],
  values: Record<string, string>,
): { ok: true; answers: ClauseFormAnswer[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const answers: ClauseFormAnswer[] = [];
  for (const q of questions) {
    if (q.kind === "competing") {
      const numbers = new Map(q.options.map((o) => [o.position, values[`rank-${q.pollId}-${o.position}`] ?? ""]));
      // Every box blank: an abstention on this question (a blank paper still takes part).
      if ([...numbers.values()].every((v) => v.trim() === "")) {
        answers.push({ pollId: q.pollId, ranking: [] });
        continue;
      }
      const ranking = rankingFromNumbers(numbers);
      if (!ranking.ok) errors[`q-${q.pollId}`] = ballotProblemMessages[ranking.code];
      else answers.push({ pollId: q.pollId, ranking: ranking.ranking });
    } else {
      const choice = values[`choice-${q.pollId}`];
      if (choice !== "yes" && choice !== "no" && choice !== "abstain") errors[`q-${q.pollId}`] = ballotProblemMessages.choice_missing;
      else answers.push({ pollId: q.pollId, choice });
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}
