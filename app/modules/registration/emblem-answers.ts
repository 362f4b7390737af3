/**
 * The organisers' answers about an emblem (routes/registration.emblems.tsx): whether it has a
 * picture, whether it has words and, if so, the height of its smallest letters in pixels. Each
 * refusal is keyed to its own question of the emblem in `slot`.
 */
import type { FieldErrors } from "~/utils/form-values";
import { emblemAnswerMessages, emblemProblemMessages } from "./messages";

export interface EmblemAnswers {
  hasPicture: boolean;
  hasText: boolean;
  smallestTextPx: number | null;
}

type AnswerValues = { hasPicture: string; hasText: string; smallestTextPx: string };

export function readEmblemAnswers(
  form: Record<string, string>,
  slot: number,
): { ok: true; values: AnswerValues; answers: EmblemAnswers } | { ok: false; values: AnswerValues; errors: FieldErrors } {
  const values = { hasPicture: form.hasPicture ?? "", hasText: form.hasText ?? "", smallestTextPx: (form.smallestTextPx ?? "").trim() };
  const errors: FieldErrors = {};
  if (values.hasPicture !== "yes" && values.hasPicture !== "no") errors[`hasPicture-${slot}`] = emblemAnswerMessages.picture_missing;
  if (values.hasText !== "yes" && values.hasText !== "no") errors[`hasText-${slot}`] = emblemAnswerMessages.text_missing;
  const hasText = values.hasText === "yes";
  if (hasText && !/^\d{1,6}$/.test(values.smallestTextPx)) errors[`smallestTextPx-${slot}`] = emblemProblemMessages.text_size_invalid;
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, values, answers: { hasPicture: values.hasPicture === "yes", hasText, smallestTextPx: hasText ? Number(values.smallestTextPx) : null } };
}
