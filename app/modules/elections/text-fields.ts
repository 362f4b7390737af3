import {
  MAX_CANDIDATE_STATEMENT_LENGTH,
  MAX_ELIGIBILITY_LENGTH,
  MAX_HUSTINGS_ANSWER_LENGTH,
  MAX_HUSTINGS_QUESTION_LENGTH,
  MAX_OFFICIAL_REASON_LENGTH,
  MAX_POLL_TITLE_LENGTH,
  MAX_POSITION_TITLE_LENGTH,
} from "~/utils/input-limits";
import { textLimitProblem, type TextKind, type TextProblem } from "~/utils/text-limits";

/**
 * The elections' free-text fields, each with its limit and kind (input-limits.ts,
 * text-limits.ts); a refusal's code is "<field>:<problem>", worded in messages.ts.
 */
export const electionTextFields = {
  electionTitle: { max: MAX_POLL_TITLE_LENGTH, kind: "name" },
  positionTitle: { max: MAX_POSITION_TITLE_LENGTH, kind: "name" },
  eligibility: { max: MAX_ELIGIBILITY_LENGTH, kind: "prose" },
  statement: { max: MAX_CANDIDATE_STATEMENT_LENGTH, kind: "prose" },
  question: { max: MAX_HUSTINGS_QUESTION_LENGTH, kind: "prose" },
  answer: { max: MAX_HUSTINGS_ANSWER_LENGTH, kind: "prose" },
  reason: { max: MAX_OFFICIAL_REASON_LENGTH, kind: "prose" },
} as const satisfies Record<string, { max: number; kind: TextKind }>;
export type ElectionTextField = keyof typeof electionTextFields;
export type ElectionTextProblem = `${ElectionTextField}:${TextProblem}`;

/** What is wrong with `value` for the field, as a problem code, checked before any other work. */
export function electionTextProblem(field: ElectionTextField, value: string): ElectionTextProblem | null {
  const { max, kind } = electionTextFields[field];
  const problem = textLimitProblem(value, max, kind);
  return problem ? `${field}:${problem}` : null;
}
