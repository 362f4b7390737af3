/**
 * Reading the form that proposes an amendment (routes/constitution.clauses.$clauseId.amend.tsx)
 * into the operation it proposes, or a message for each field to mend. Pure: the lengths are
 * checked first (input-limits.ts), so that the typed text comes back whatever else is wrong.
 */
import type { FieldErrors } from "~/utils/form-values";
import { MAX_AMENDMENT_REASON_LENGTH, MAX_CLAUSE_TEXT_LENGTH, MAX_CLAUSE_TITLE_LENGTH } from "~/utils/input-limits";
import { textLimitProblem, type TextKind, type TextProblem } from "~/utils/text-limits";
import type { StoredOperation } from "../../../db/schema";
import { amendFormText as t } from "./amend-messages";
import type { DraftingProblem } from "./codes";
import { draftingProblemMessages } from "./messages";
import { hashText } from "./text";
import { newClauseId } from "./upload";

export const amendmentKinds = ["words", "lines", "insert", "delete", "move", "entrench"] as const;
export type AmendmentKind = (typeof amendmentKinds)[number];

export const isAmendmentKind = (kind: string): kind is AmendmentKind => (amendmentKinds as readonly string[]).includes(kind);

/** The clause amended and the draft around it, as the form's reader needs them. */
export interface AmendedClause {
  id: string;
  text: string;
  entrenched: boolean;
  firstLine: number | null;
  lastLine: number | null;
  lineWidth: number;
  /** Every clause of the original draft, in order (for a new clause's id and where a clause may move). */
  clauseIds: readonly string[];
}

const clauseTextCodes: Record<TextProblem, DraftingProblem> = {
  too_long: "clause_text_too_long",
  bad_character: "clause_text_bad_character",
  word_too_long: "clause_text_word_too_long",
};
const clauseTitleCodes: Record<TextProblem, DraftingProblem> = {
  too_long: "clause_title_too_long",
  bad_character: "clause_title_bad_character",
  word_too_long: "clause_title_too_long",
};
const reasonCodes: Record<TextProblem, DraftingProblem> = {
  too_long: "reason_too_many_characters",
  bad_character: "reason_bad_character",
  word_too_long: "reason_word_too_long",
};

const paragraphs = (text: string | undefined) => (text ?? "").replace(/\r\n?/g, "\n").trim();

/** The lengths and characters of what was typed, checked before anything else. */
function lengthProblems(kind: AmendmentKind, values: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  const check = (field: string, max: number, codes: Record<TextProblem, DraftingProblem>, textKind: TextKind = "prose") => {
    const problem = textLimitProblem(values[field] ?? "", max, textKind);
    if (problem) errors[field] = draftingProblemMessages[codes[problem]];
  };
  const clauseField = kind === "words" ? "text" : kind === "lines" ? "replacement" : kind === "insert" ? "clauseText" : null;
  if (clauseField) check(clauseField, MAX_CLAUSE_TEXT_LENGTH, clauseTextCodes);
  if (kind === "insert") check("title", MAX_CLAUSE_TITLE_LENGTH, clauseTitleCodes, "name");
  check("reason", MAX_AMENDMENT_REASON_LENGTH, reasonCodes);
  return errors;
}

/** The operation the form proposes, or a message for each field to mend. */
export function readAmendmentForm(
  kind: AmendmentKind,
  values: Record<string, string>,
  clause: AmendedClause,
): { ok: true; operation: StoredOperation; reason: string } | { ok: false; errors: FieldErrors } {
  const tooLong = lengthProblems(kind, values);
  if (Object.keys(tooLong).length > 0) return { ok: false, errors: tooLong };
  const errors: FieldErrors = {};
  const baseHash = hashText(clause.text);
  let operation: StoredOperation | null = null;

  if (kind === "words") {
    const newText = paragraphs(values.text);
    if (!newText) errors.text = t.words.missing;
    else if (newText === clause.text.trim()) errors.text = t.words.unchanged;
    else operation = { kind: "replaceText", clauseId: clause.id, baseHash, text: newText };
  }
  if (kind === "lines") {
    const from = Number(values.fromLine);
    const to = Number(values.toLine);
    const first = clause.firstLine ?? 0;
    const last = clause.lastLine ?? 0;
    if (!Number.isInteger(from) || from < first || from > last) errors.fromLine = t.lines.outOfRange(first, last);
    if (!Number.isInteger(to) || to < first || to > last) errors.toLine = t.lines.outOfRange(first, last);
    else if (Number.isInteger(from) && to < from) errors.toLine = t.lines.backwards;
    if (!errors.fromLine && !errors.toLine) {
      // Members see the document's line numbers; anchors count from 1 within the clause.
      operation = {
        kind: "replace",
        clauseId: clause.id,
        baseHash,
        anchor: { lines: { from: from - first + 1, to: to - first + 1 } },
        lineWidth: clause.lineWidth,
        text: paragraphs(values.replacement),
      };
    }
  }
  if (kind === "insert") {
    const title = (values.title ?? "").trim();
    const body = paragraphs(values.clauseText);
    if (!title) errors.title = t.insert.titleMissing;
    else if (title.length > MAX_CLAUSE_TITLE_LENGTH) errors.title = draftingProblemMessages.clause_title_too_long;
    if (!body) errors.clauseText = t.insert.textMissing;
    if (title && body && title.length <= MAX_CLAUSE_TITLE_LENGTH) {
      operation = {
        kind: "insertAfter",
        afterClauseId: clause.id,
        clause: { id: newClauseId(title, clause.clauseIds), title, text: body, entrenched: values.entrenched === "yes" },
      };
    }
  }
  if (kind === "delete") operation = { kind: "delete", clauseId: clause.id };
  if (kind === "move") {
    const after = values.afterClauseId ?? "";
    if (after !== "start" && !clause.clauseIds.some((id) => id === after && id !== clause.id)) errors.afterClauseId = t.move.missing;
    else operation = { kind: "move", clauseId: clause.id, afterClauseId: after === "start" ? null : after };
  }
  if (kind === "entrench") operation = { kind: "setEntrenched", clauseId: clause.id, entrenched: !clause.entrenched };

  if (!(values.reason ?? "").trim()) errors.reason = draftingProblemMessages.reason_missing;
  if (Object.keys(errors).length > 0 || !operation) return { ok: false, errors };
  return { ok: true, operation, reason: values.reason ?? "" };
}
