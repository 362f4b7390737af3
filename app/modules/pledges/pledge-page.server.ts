/** What the Make the pledge page's form does (routes/pledge._index.tsx). */
import type { LimitedBy } from "~/modules/auth/rate-limit";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/form-values";
import { pledgeMessages } from "./messages";
import { pledgeFormSchema } from "./pledge-form";
import { pledgePageText } from "./pledge-page-messages";
import { submitPledge } from "./pledge.server";

/** The page after the form: where the confirmation link went, or the form again with its problems. */
export type PledgeAnswer = { done: true; email: string } | { done: false; errors: FieldErrors; values: Record<string, string> };

const rateLimited: Record<LimitedBy, string> = {
  ip: pledgeMessages.rateLimitedIp,
  email: pledgeMessages.rateLimitedEmail,
  overall: pledgeMessages.rateLimitedOverall,
};

/** Takes a pledge while pledges are open (the campaign's deadline is the campaign's to tell). */
export async function pledgeFromPage(
  db: Db,
  values: Record<string, string>,
  open: boolean,
  context: { appUrl: string; ip: string; secret: string },
): Promise<ActionAnswer<PledgeAnswer>> {
  if (!open) return refused<PledgeAnswer>({ done: false, errors: { name: pledgePageText.closed }, values }, 409);
  const parsed = parseForm(pledgeFormSchema, values);
  if (!parsed.ok) return refused<PledgeAnswer>({ done: false, errors: parsed.errors, values });
  const submitted = await submitPledge(db, parsed.data, context);
  if (!submitted.ok) return refused<PledgeAnswer>({ done: false, errors: { email: rateLimited[submitted.limitedBy] }, values }, 429);
  return succeeded<PledgeAnswer>({ done: true, email: parsed.data.email });
}
