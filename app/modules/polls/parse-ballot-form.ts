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
  const positions = rules.options.map((o) => o.position);
  return readQuestion({ key: "", method: rules.method === "yes-no" ? "yes-no" : "ranked", positions }, (name) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  });
}

/** How one question's fields are named and read: `choice<key>`, or `rank<key>-<position>` per option. */
export interface QuestionFields {
  key: string;
  method: "yes-no" | "ranked";
  positions: readonly number[];
  /** The only choices taken (any non-empty one when not given: the ballot box checks it). */
  choices?: readonly string[];
  /** Every box blank is an abstention on the question (a clause's ballot), not a missing answer. */
  blankIsAbstention?: boolean;
}

/** One question's answer as the form sends it: the choice, or the options numbered in order of preference. */
export function readQuestion(
  q: QuestionFields,
  field: (name: string) => string | undefined,
): { ok: true; choice?: string; ranking?: number[] } | { ok: false; code: BallotProblem } {
  if (q.method === "yes-no") {
    const choice = field(`choice${q.key}`);
    const taken = !!choice && (!q.choices || q.choices.includes(choice));
    return taken ? { ok: true, choice } : { ok: false, code: "choice_missing" };
  }
  const numbers = new Map(q.positions.map((position) => [position, field(`rank${q.key}-${position}`) ?? ""]));
  if (q.blankIsAbstention && [...numbers.values()].every((v) => v.trim() === "")) return { ok: true, ranking: [] };
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
