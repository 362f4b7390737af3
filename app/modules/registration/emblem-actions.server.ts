/**
 * The forms of the Emblems page (routes/registration.emblems.tsx), each about one emblem: its
 * picture uploaded (the multipart form, read by the route), removed, or described.
 */
import type { Actor } from "~/modules/audit/audit.server";
import { refused, type ActionAnswer } from "~/utils/action-answer.server";
import type { FieldErrors } from "~/utils/form-values";
import type { Db } from "~/utils/db.server";
import type { UploadFormResult } from "~/utils/upload-form.server";
import { readEmblemAnswers } from "./emblem-answers";
import { emblemProblemMessages, uploadRefusedMessages } from "./messages";
import { emblemFileErrorMessages } from "./readiness-messages";
import { removeEmblem, setEmblemAnswers, uploadEmblem } from "./registration.server";

export type EmblemAnswer = { slot: number; errors: FieldErrors; values?: Record<string, string> };

type Answer = ActionAnswer<EmblemAnswer>;

const fail = (slot: number, errors: FieldErrors, values?: Record<string, string>, status = 400): Answer => refused({ slot, errors, values }, status);

/**
 * The answer to a form about emblem `slot`: where to go once done, or the form again with its
 * problems; null for a form the page does not send.
 */
export async function emblemAction(
  db: Db,
  actor: Actor,
  slot: number,
  sent: { upload: UploadFormResult } | { values: Record<string, string> },
): Promise<{ goTo: string } | Answer | null> {
  const field = `file-${slot}`;
  if ("upload" in sent) {
    const read = sent.upload;
    if (!read.ok) {
      const message = read.problem === "too_big" ? emblemProblemMessages.file_too_big : uploadRefusedMessages[read.problem];
      return fail(slot, { [field]: message }, undefined, read.status);
    }
    const file = read.form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return fail(slot, { [field]: emblemProblemMessages.file_missing });
    const r = await uploadEmblem(db, actor, { slot, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!r.ok) return fail(slot, { [field]: r.code === "not_image" && r.file ? emblemFileErrorMessages[r.file] : emblemProblemMessages[r.code] });
    return { goTo: `/registration/emblems?done=${r.replaced ? "replaced" : "uploaded"}#emblem-${slot}` };
  }
  const intent = sent.values.intent ?? "";
  if (intent === "remove") {
    const r = await removeEmblem(db, actor, slot);
    if (!r.ok) return fail(slot, { [field]: emblemProblemMessages[r.code] });
    return { goTo: "/registration/emblems?done=removed" };
  }
  if (intent === "describe") {
    const read = readEmblemAnswers(sent.values, slot);
    if (!read.ok) return fail(slot, read.errors, read.values);
    const { values, answers } = read;
    const r = await setEmblemAnswers(db, actor, slot, answers);
    if (!r.ok) return fail(slot, { [r.code === "text_size_invalid" ? `smallestTextPx-${slot}` : field]: emblemProblemMessages[r.code] }, values);
    return { goTo: `/registration/emblems?done=described#emblem-${slot}` };
  }
  return null;
}
