import type { PollRules } from "./ballot-rules";
import { rankingFromNumbers } from "./ranking-form";
import type { BallotProblem } from "./ballot-rules";

export type ParsedBallotForm = { ok: true; choice?: string; ranking?: number[]; belenios?: string } | { ok: false; code: BallotProblem };

/**
 * Reads the ballot fields of a submitted form: `choice`, or `rank-<position>` numbers, or
 * `belenios`, a Yes/No choice or a ranking that the member's browser encrypted (the ballot box
 * checks it against the poll's election).
 */
export function parseBallotForm(rules: PollRules, form: Pick<FormData, "get">): ParsedBallotForm {
  const belenios = form.get("belenios");
  if (typeof belenios === "string") return { ok: true, belenios };
  if (rules.method === "yes-no") {
    const choice = form.get("choice");
    return typeof choice === "string" && choice ? { ok: true, choice } : { ok: false, code: "choice_missing" };
  }
  const numbers = new Map<number, string>();
  for (const option of rules.options) {
    const value = form.get(`rank-${option.position}`);
    if (typeof value === "string") numbers.set(option.position, value);
  }
  const ranking = rankingFromNumbers(numbers);
  return ranking.ok ? { ok: true, ranking: ranking.ranking } : ranking;
}

/** The form values to put back into the fields, so nothing typed is lost. */
export function ballotFormValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if ((key === "choice" || key.startsWith("rank-")) && typeof value === "string") values[key] = value;
  }
  return values;
}
