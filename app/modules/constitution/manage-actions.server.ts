/**
 * The forms of Manage the constitution (routes/constitution.manage.tsx): starting a draft (from
 * the model, from the adopted version, or from an uploaded file, read by the route), the number
 * of supporters an amendment needs, and opening a round of votes or the adoption vote.
 */
import type { Actor } from "~/modules/audit/audit.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { fromLondonLocal } from "~/utils/london-time";
import type { UploadFormResult } from "~/utils/upload-form.server";
import { setSupportersNeeded, startDraft } from "./drafting.server";
import { manageConstitutionText as t } from "./manage-messages";
import { draftingProblemMessages, roundProblemMessages, uploadProblemMessages, uploadUnreadableMessage } from "./messages";
import { periodRefusal } from "./periods.server";
import { openAdoptionVote, openRound } from "./round.server";
import { draftFromUpload } from "./upload-draft.server";

export type ManageConstitutionAnswer = { intent: string; errors: FieldErrors; done?: string; values?: Record<string, string> };

type Answer = ActionAnswer<ManageConstitutionAnswer>;

const fail = (intent: string, errors: FieldErrors, values: Record<string, string> = {}): Answer => refused({ intent, errors, values });

/**
 * The answer to one of the page's forms: where to go once done, or the page again with what
 * happened to that form; null for a form the page does not send.
 */
export async function manageConstitutionAction(
  db: Db,
  actor: Actor,
  sent: { upload: UploadFormResult } | { values: Record<string, string> },
): Promise<{ goTo: string } | Answer | null> {
  if ("upload" in sent) {
    const read = sent.upload;
    if (!read.ok) {
      const message = read.problem === "too_big" ? uploadProblemMessages.too_large({ code: "too_large" }) : uploadUnreadableMessage;
      return refused({ intent: "upload", errors: { file: message }, values: {} }, read.status);
    }
    const started = await draftFromUpload(db, actor, read.form.get("file"));
    if (!started.ok) return fail("upload", { file: started.message });
    return { goTo: "/constitution?started=upload" };
  }
  const values = sent.values;
  const intent = values.intent ?? "";
  if (intent === "start-model" || intent === "start-version") {
    const started = await startDraft(db, actor, { kind: intent === "start-model" ? "model" : "version" });
    if (!started.ok) return fail(intent, { start: draftingProblemMessages[started.code] });
    return { goTo: "/constitution" };
  }
  if (intent === "supporters") {
    const n = Number((values.supportersNeeded ?? "").trim());
    const r = await setSupportersNeeded(db, actor, Number.isInteger(n) && (values.supportersNeeded ?? "").trim() !== "" ? n : -1);
    if (!r.ok) return fail(intent, { supportersNeeded: draftingProblemMessages[r.code] }, values);
    return succeeded({ intent, errors: {}, done: t.supportersSaved });
  }
  if (intent === "open-round" || intent === "open-adoption") {
    const closesAt = fromLondonLocal(values.closesAt ?? "");
    if (!closesAt) return fail(intent, { closesAt: t.closesAtMissing }, values);
    const r = intent === "open-round" ? await openRound(db, actor, { closesAt }) : await openAdoptionVote(db, actor, { closesAt });
    if (!r.ok) {
      const message = r.code === "period_too_short" ? await periodRefusal("ballot", r.earliest, roundProblemMessages[r.code]) : roundProblemMessages[r.code];
      return fail(intent, { [r.code === "closes_in_past" || r.code === "period_too_short" ? "closesAt" : "form"]: message }, values);
    }
    return { goTo: intent === "open-round" ? "/constitution/results?opened=1" : "/constitution/results?adoption=1" };
  }
  return null;
}
