/**
 * The form of a poll's trustee page (routes/polls.$pollId.trustee.tsx): the trustee's key, a step
 * of the threshold ceremony, a shuffle or a share of the decryption. A ballot owned by a part of
 * the road is counted by its owner, so this sees the whole road.
 */
import type { Actor } from "~/modules/audit/audit.server";
import type { TrusteeIntent } from "~/modules/polls/components/trustee-work";
import { giveTrusteeKey } from "~/modules/polls/encrypted/poll-trustees.server";
import { submitTrusteeShare } from "~/modules/polls/trustee-count.server";
import { trusteeProblems } from "~/modules/polls/trustee-messages";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { countForOwner } from "./poll-owners.server";

export type PollTrusteeAnswer = { ok: false; errors: FieldErrors } | { ok: true; intent: TrusteeIntent; ceremonyStep: boolean; counted: boolean };

const intents: readonly TrusteeIntent[] = ["key", "shuffle", "decryption"];

/** The answer to the page's form; null for a form the page does not send. */
export async function pollTrusteeAction(
  db: Db,
  actor: Actor & { id: string },
  pollId: string,
  values: Record<string, string>,
): Promise<ActionAnswer<PollTrusteeAnswer> | null> {
  const intent = (values.intent ?? "") as TrusteeIntent;
  const share = values.share ?? "";
  const before = values.shuffledBefore ?? "";
  const shuffledBefore = /^\d{1,2}$/.test(before) ? Number(before) : undefined;
  if (!intents.includes(intent)) return null;
  if (share.trim() === "") return refused({ ok: false, errors: { share: trusteeProblems.empty } });
  const result = intent === "key" ? await giveTrusteeKey(db, actor, pollId, share) : await submitTrusteeShare(db, actor, pollId, intent, share, shuffledBefore);
  if (!result.ok) return refused({ ok: false, errors: { share: trusteeProblems[result.code] } });
  const ceremonyStep = "step" in result && result.step !== undefined;
  // A ballot owned by a part of the road (an election's) is counted by its owner, in its order.
  const owner = "owner" in result ? result.owner : undefined;
  const counted = ("counted" in result && result.counted) || (owner ? (await countForOwner(db, owner)) > 0 : false);
  return succeeded({ ok: true, intent, ceremonyStep, counted });
}
