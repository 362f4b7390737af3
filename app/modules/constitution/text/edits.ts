/**
 * Character-level edits: applying several to a text at once, and carrying ("rebasing") edits
 * made against one version of a text over the changes that produced the next version.
 */
import { diffWordsWithSpace } from "diff";
import type { CharRange } from "./types";
import { WORD_DIFF_MAX_CHARACTERS, WORD_DIFF_MAX_EDITS } from "../../../utils/input-limits";
import { trimBothOf } from "../../../utils/trim";

export interface TextEdit extends CharRange {
  /** Replacement for [start, end) of the old text. */
  text: string;
  /**
   * "words": an edit made by words, so spacing is tidied: spaces and tabs around `text` are
   * dropped, a space is added where the new words would touch a neighbouring word, and a
   * deletion also removes the whitespace it leaves doubled (a space, or the line break after a
   * deleted list item, or the blank line after a deleted paragraph).
   * "exact": spliced in as given (edits computed by a diff).
   */
  mode: "words" | "exact";
}

/** What an edit actually did to the old text, spacing included. */
export interface EffectiveEdit extends CharRange {
  text: string;
}

export interface AppliedEdits {
  text: string;
  /** Effective edits, sorted, in old-text offsets. */
  effective: EffectiveEdit[];
}

/**
 * Two changed ranges overlap when they share a character, when an insertion point lies inside
 * or at either end of the other's range, or when both insert at the same point.
 */
export function rangesOverlap(a: CharRange, b: CharRange): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return b.start <= a.start && a.start <= b.end;
  if (bEmpty) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

const SPACE = /\s/;
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);
const newlines = (s: string) => s.split("\n").length - 1;
const trimSpaces = (s: string) => trimBothOf(s, " \t");

function effectiveEdit(text: string, edit: TextEdit): EffectiveEdit {
  if (edit.mode === "exact") return { start: edit.start, end: edit.end, text: edit.text };
  const words = trimSpaces(edit.text);
  if (words !== "") {
    const before = edit.start > 0 && !isSpace(text[edit.start - 1]) && !isSpace(words[0]) ? " " : "";
    const after = edit.end < text.length && !isSpace(text[edit.end]) && !isSpace(words[words.length - 1]) ? " " : "";
    return { start: edit.start, end: edit.end, text: before + words + after };
  }
  if (edit.start === edit.end) return { start: edit.start, end: edit.end, text: "" };
  let left = edit.start;
  while (left > 0 && isSpace(text[left - 1])) left--;
  let right = edit.end;
  while (right < text.length && isSpace(text[right])) right++;
  const leftSpace = text.slice(left, edit.start);
  const rightSpace = text.slice(edit.end, right);
  // Removing the whitespace after keeps the next line's indentation.
  const lastBreak = rightSpace.lastIndexOf("\n");
  const dropRight = { start: edit.start, end: lastBreak === -1 ? right : edit.end + lastBreak + 1, text: "" };
  if (left === 0) return dropRight;
  if (right === text.length) return { start: left, end: edit.end, text: "" };
  if (leftSpace === "" || rightSpace === "") return { start: edit.start, end: edit.end, text: "" };
  // Keep the separator with more line breaks: a paragraph break outranks a line break, a line
  // break outranks a space.
  return newlines(rightSpace) <= newlines(leftSpace) ? dropRight : { start: left, end: edit.end, text: "" };
}

function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * "words" edits separated only by whitespace become one edit, so their spacing is tidied once
 * (deleting two neighbouring words leaves one space, not two).
 */
function mergeNeighbours(text: string, edits: TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const previous = merged[merged.length - 1];
    const bothWords = previous?.mode === "words" && edit.mode === "words";
    if (previous && bothWords && text.slice(previous.end, edit.start).trim() === "") {
      const left = trimSpaces(previous.text);
      const right = trimSpaces(edit.text);
      const gap = left !== "" && right !== "" ? text.slice(previous.end, edit.start) : "";
      merged[merged.length - 1] = { start: previous.start, end: edit.end, text: left + gap + right, mode: "words" };
    } else {
      merged.push(edit);
    }
  }
  return merged;
}

/** Applies edits made against `text` (none may overlap another: see rangesOverlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): AppliedEdits {
  const sorted = sortEdits(edits);
  for (const edit of sorted) {
    if (!(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length)) {
      throw new RangeError(`edit ${edit.start}-${edit.end} is outside a text of ${text.length} characters`);
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a && b && rangesOverlap(a, b)) {
      throw new RangeError(`edits ${a.start}-${a.end} and ${b.start}-${b.end} overlap`);
    }
  }
  const effective: EffectiveEdit[] = [];
  for (const edit of mergeNeighbours(text, sorted)) {
    const next = effectiveEdit(text, edit);
    const previous = effective[effective.length - 1];
    if (previous && next.start < previous.end) next.start = Math.min(previous.end, next.end);
    effective.push(next);
  }
  let result = "";
  let at = 0;
  for (const edit of effective) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { text: result + text.slice(at), effective };
}

/**
 * Where an offset of the old text lands in the new one. An offset inside a replaced range
 * lands after its replacement; an offset at an insertion point lands after the insertion.
 */
export function mapOffset(applied: AppliedEdits, offset: number): number {
  let delta = 0;
  for (const edit of applied.effective) {
    if (edit.end <= offset) delta += edit.text.length - (edit.end - edit.start);
    else if (edit.start < offset) return edit.start + delta + edit.text.length;
    else break;
  }
  return offset + delta;
}

/**
 * The edits that turn `oldText` into `newText`, one per changed run of a word diff ("exact").
 * When the texts are too long or too different to compare word by word (WORD_DIFF_MAX_*), one
 * edit replaces the whole text: coarser, so it competes with any other change to the clause, but
 * never slow.
 */
export function editsBetween(oldText: string, newText: string): TextEdit[] {
  if (oldText === newText) return [];
  const whole: TextEdit[] = [{ start: 0, end: oldText.length, text: newText, mode: "exact" }];
  if (oldText.length + newText.length > WORD_DIFF_MAX_CHARACTERS) return whole;
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: WORD_DIFF_MAX_EDITS });
  if (!changes) return whole;
  const edits: TextEdit[] = [];
  let at = 0;
  let pending: TextEdit | null = null;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      if (pending) edits.push(pending);
      pending = null;
      at += change.value.length;
      continue;
    }
    pending ??= { start: at, end: at, text: "", mode: "exact" };
    if (change.removed) {
      at += change.value.length;
      pending.end = at;
    } else {
      pending.text += change.value;
    }
  }
  if (pending) edits.push(pending);
  return edits;
}

/**
 * The range an edit changes in `text`, for deciding whether two edits compete. For an edit by
 * words: what it replaces, plus the whitespace a deletion removes. For an exact edit (from a
 * diff): what it replaces, widened to whole words wherever it ends against one, because a diff
 * may change part of a word ("fee" → "fees" changes the word "fee"); and an exact deletion with
 * whitespace (or the text's edge) on both sides is widened through that whitespace, because it
 * joins the separators either side into one (or leaves one at the edge), which a diff may
 * split into edits at either end, so it changes both ("a\nb\n\nc" → "a\n\nc" deletes "b" and
 * some line break). Two edits compete when these ranges overlap (rangesOverlap), so edits that
 * share a word, or would both remove or tidy the same space, never apply one over the other.
 */
export function changedRange(text: string, edit: TextEdit): CharRange {
  let { start, end } = effectiveEdit(text, edit);
  if (edit.mode === "words") return { start, end };
  const joinsSeparators = edit.text.trim() === "" && (start === 0 || isSpace(text[start - 1])) && (end === text.length || isSpace(text[end]));
  if (joinsSeparators) {
    while (start > 0 && isSpace(text[start - 1])) start--;
    while (end < text.length && isSpace(text[end])) end++;
    return { start, end };
  }
  while (start > 0 && !isSpace(text[start - 1])) start--;
  while (end < text.length && !isSpace(text[end])) end++;
  return { start, end };
}

/** A change already made to a text: its edits, the text before, and the result. */
export interface AppliedStep {
  before: string;
  edits: readonly TextEdit[];
  applied: AppliedEdits;
}

/** Applies edits and records the step, for rebasing later edits over it. */
export function applyStep(text: string, edits: readonly TextEdit[]): AppliedStep {
  return { before: text, edits, applied: applyEdits(text, edits) };
}

/**
 * Carries edits made against a text over a step made against the same text. Fails (returning
 * the index of the step's edit it competes with) when an edit's changed range overlaps one of
 * the step's (see changedRange); otherwise returns the edits in the new text's offsets, same
 * text and mode.
 */
export function rebaseEdits(edits: readonly TextEdit[], step: AppliedStep): { ok: true; edits: TextEdit[] } | { ok: false; overlaps: number } {
  const done = step.edits.map((edit) => changedRange(step.before, edit));
  const rebased: TextEdit[] = [];
  for (const edit of edits) {
    const range = changedRange(step.before, edit);
    const overlaps = done.findIndex((other) => rangesOverlap(other, range));
    if (overlaps !== -1) return { ok: false, overlaps };
    rebased.push({ ...edit, start: mapOffset(step.applied, edit.start), end: mapOffset(step.applied, edit.end) });
  }
  return { ok: true, edits: rebased };
}
