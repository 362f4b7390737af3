/** The form of a trustee set's page (routes/trustees.$setId.tsx): a trustee's key, or a step of the threshold ceremony. */
import type { Actor } from "~/modules/audit/audit.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { DbOrTx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { giveSetKey } from "./encrypted/trustee-sets.server";
import { trusteeProblems } from "./trustee-messages";

export type TrusteeSetAnswer = { ok: false; errors: FieldErrors } | { ok: true; ceremonyStep: boolean };

/** The answer to the key form; null for a form the page does not send. */
export async function trusteeSetAction(
  db: DbOrTx,
  actor: Actor & { id: string },
  setId: string,
  values: Record<string, string>,
): Promise<ActionAnswer<TrusteeSetAnswer> | null> {
  if (values.intent !== "key") return null;
  const share = values.share;
  if (share === undefined || share.trim() === "") return refused({ ok: false, errors: { share: trusteeProblems.empty } });
  const result = await giveSetKey(db, actor, setId, share);
  if (!result.ok) return refused({ ok: false, errors: { share: trusteeProblems[result.code] } });
  return succeeded({ ok: true, ceremonyStep: result.step !== undefined });
}
