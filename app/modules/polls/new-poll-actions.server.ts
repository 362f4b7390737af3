/**
 * The New poll form (routes/polls.new.tsx): its fields read with one zod schema (new-poll-form.ts,
 * which the browser runs too), the trustees looked up by address, and the poll made.
 */
import type { Actor } from "~/modules/audit/audit.server";
import { refused, type ActionAnswer } from "~/utils/action-answer.server";
import type { DbOrTx } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/form-values";
import { fromLondonLocal } from "~/utils/london-time";
import { isSeveralSeatMethod } from "../../../db/schema/polls";
import { createPoll } from "./creation.server";
import { optionLines, pollForm } from "./new-poll-form";
import { newPollProblems as problems, newPollText as t } from "./new-poll-messages";
import { thresholdOf, trusteeEmails } from "./trustee-fields";
import { trusteeIds } from "./trustee-form.server";
import { pollTrusteeText } from "./trustee-messages";

/** A form to mend: the message for each field, and what was sent, shown again. */
export type NewPollAnswer = { errors: FieldErrors; values: Record<string, string> };

/** The new poll's id, or the form to mend. */
export async function newPollAction(db: DbOrTx, actor: Actor, values: Record<string, string>): Promise<{ created: string } | ActionAnswer<NewPollAnswer>> {
  const parsed = parseForm(pollForm, values);
  if (!parsed.ok) return refused({ errors: parsed.errors, values });
  const v = parsed.data;
  const trustees = await trusteeIds(db, trusteeEmails(v.trustees));
  if (!trustees.ok) return refused({ errors: { trustees: pollTrusteeText.unknown(trustees.unknown) }, values });
  const options = optionLines(v.options).map((label) => ({ label }));
  const created = await createPoll(db, actor, {
    title: v.title,
    description: v.description,
    method: v.method,
    seats: isSeveralSeatMethod(v.method) ? v.seats : 1,
    options: v.ron && v.method !== "yes-no" ? [...options, { label: t.ronOption, isRon: true }] : options,
    quorum: { numerator: v.quorumPercent, denominator: 100 },
    majority: v.majority,
    publication: v.publication,
    closesAt: fromLondonLocal(v.closesAt) ?? new Date(NaN),
    trustees: trustees.ids,
    trusteeThreshold: thresholdOf(v.trusteeThreshold),
  });
  if (!created.ok) return refused({ errors: { title: problems.notCreated }, values });
  return { created: created.pollId };
}
