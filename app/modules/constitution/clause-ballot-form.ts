/**
 * Reading a clause's ballot as the form sends it (routes/constitution.vote.$clauseId.tsx): for
 * each question, Yes, No or Abstain, or the options numbered in order of preference (every box
 * blank is an abstention on that question). Pure: the same reading the server casts from.
 */
import { ballotProblemMessages } from "~/modules/polls/messages";
import { readQuestion } from "~/modules/polls/parse-ballot-form";
import type { FieldErrors } from "~/utils/form-values";

/** What a question needs for its answer to be read: its poll, its kind, its options' positions. */
export interface QuestionShape {
  pollId: string;
  kind: "amendment" | "competing" | "clause";
  options: readonly { position: number }[];
}

const clauseChoices = ["yes", "no", "abstain"] as const;
type ClauseChoice = (typeof clauseChoices)[number];

export type ClauseFormAnswer = { pollId: string; choice?: ClauseChoice; ranking?: number[] };

/** Every question's answer, or a message for each question that could not be read (keyed `q-<poll>`). */
export function readClauseAnswers(
  questions: readonly QuestionShape[],
  values: Record<string, string>,
): { ok: true; answers: ClauseFormAnswer[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const answers: ClauseFormAnswer[] = [];
  for (const q of questions) {
    const read = readQuestion(
      {
        key: `-${q.pollId}`,
        method: q.kind === "competing" ? "ranked" : "yes-no",
        positions: q.options.map((o) => o.position),
        choices: clauseChoices,
        // A blank paper on competing texts still takes part.
        blankIsAbstention: true,
      },
      (name) => values[name],
    );
    if (!read.ok) errors[`q-${q.pollId}`] = ballotProblemMessages[read.code];
    else answers.push({ pollId: q.pollId, ...(read.ranking ? { ranking: read.ranking } : { choice: read.choice as ClauseChoice }) });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}
