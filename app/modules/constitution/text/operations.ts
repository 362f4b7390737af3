/**
 * Applying amendments to a constitution: one at a time (`applyAmendment`), all accepted ones
 * together (`applyAll`), and carrying an amendment over changes made to its clause since it was
 * written (`rebaseAmendment`). Pure functions: documents are never mutated.
 */
import { rangeToAnchor, resolveAnchor } from "./anchors";
import { leadingMarker, type Block } from "./blocks";
import { applyEdits, applyStep, editsBetween, mapOffset, rebaseEdits, type AppliedStep, type TextEdit } from "./edits";
import { hashText } from "./hash";
import { DEFAULT_LINE_WIDTH, layoutText } from "./lines";
import type { Amendment, ApplyErrorCode, ApplyResult, CharRange, Clause, ConstitutionDocument, TextAmendment } from "./types";

export { anchorToRange, rangeToAnchor } from "./anchors";

/**
 * The character edits a text amendment makes to the text it was written against, or null when
 * its anchor is out of range. A `replace` whose new text is empty (or only whitespace) deletes;
 * deleting whole paragraphs or list items also deletes their markers and the line break after.
 */
export function amendmentEdits(amendment: TextAmendment, baseText: string): TextEdit[] | null {
  if (amendment.kind === "replaceText") return editsBetween(baseText, amendment.text);
  const layout = layoutText(baseText, amendment.lineWidth ?? DEFAULT_LINE_WIDTH);
  const resolved = resolveAnchor(layout, amendment.anchor);
  if (!resolved) return null;
  const deleting = amendment.text.trim() === "";
  const range = deleting && resolved.wholeBlocks ? resolved.wholeBlocks : resolved.range;
  if (deleting && range.start === range.end) return [];
  if (deleting) return [{ start: range.start, end: range.end, text: "", mode: "words" }];
  return [{ ...withTypedMarker(layout.blocks, range, amendment.text), mode: "words" }];
}

/**
 * A replacement that starts where a list item's words start (its marker sits just before the
 * span) and is typed with a marker of its own does not get a second one ("(4) (4) Fees..."):
 * the item's own marker typed again ("(4)", or "(a)" of "- (a)") is dropped from the new text;
 * any other marker replaces the item's, since that is the numbering the proposer wrote.
 */
function withTypedMarker(blocks: readonly Block[], range: CharRange, text: string): CharRange & { text: string } {
  const block = range.start < range.end ? blocks.find((b) => b.marker !== undefined && b.bodyStart === range.start) : undefined;
  const typed = block ? leadingMarker(text) : null;
  if (!block?.marker || !typed) return { ...range, text };
  if (typed.marker === block.marker || block.marker.endsWith(` ${typed.marker}`)) return { ...range, text: typed.rest };
  return { start: block.markerStart, end: range.end, text: text.trimStart() };
}

type Failure = { ok: false; code: ApplyErrorCode; conflictsWith?: string };
type Outcome = { ok: true } | Failure;

interface TextHistory {
  /** versions[0] is the clause text before this run; steps[k] turns versions[k] into versions[k + 1]. */
  versions: string[];
  /**
   * hashes[k] is hashText(versions[k]), worked out only when an amendment's base is looked up
   * past the versions already hashed: hashing a long text costs milliseconds, and most runs
   * (one amendment shown on a page) never need the hash of what they produced.
   */
  hashes: string[];
  steps: (AppliedStep & { amendmentId: string })[];
}

/** Everything one run of amendments has done so far. */
interface RunState {
  clauses: Clause[];
  /** Deleted clause → the amendment that deleted it and the clause that stood before it. */
  deleted: Map<string, { by: string; after: string | null }>;
  /** "move:id", "rename:id", "entrench:id" → the amendment that did it. */
  claims: Map<string, string>;
  /** Clause → the first amendment that changed it (text, title, entrenchment or position). */
  touchedBy: Map<string, string>;
  histories: Map<string, TextHistory>;
  /** Clause a new clause was inserted after ("" for the start) → the last clause inserted there. */
  lastInserted: Map<string, string>;
  knownIds: Set<string>;
  /** Clauses moved or inserted in this run: they get a new `order`. */
  placed: Set<string>;
}

function initialState(document: ConstitutionDocument): RunState {
  const clauses = document.clauses
    .map((clause, index) => ({ clause, index }))
    .sort((a, b) => a.clause.order - b.clause.order || a.index - b.index)
    .map(({ clause }) => clause);
  return {
    clauses,
    deleted: new Map(),
    claims: new Map(),
    touchedBy: new Map(),
    histories: new Map(),
    lastInserted: new Map(),
    knownIds: new Set(clauses.map((c) => c.id)),
    placed: new Set(),
  };
}

/** Gap between clause orders when they have to be renumbered, and after the last clause. */
export const ORDER_STEP = 10;

/**
 * Orders for clauses in their new sequence. Clauses that were not moved or inserted keep their
 * `order`; each run of moved or inserted clauses gets whole numbers spread evenly in the gap
 * between its neighbours (after the last clause: steps of ORDER_STEP). Only when a gap is too
 * small, or the kept orders are not strictly increasing, is every clause renumbered
 * ORDER_STEP, 2 × ORDER_STEP, …
 */
function assignOrders(clauses: readonly Clause[], placed: ReadonlySet<string>): Clause[] {
  const orders: number[] = [];
  let previous = 0;
  let run: number[] = [];
  const fill = (next: number | null): boolean => {
    const room = next === null ? Number.POSITIVE_INFINITY : next - previous;
    if (room <= run.length) return false;
    run.forEach((index, i) => {
      const step = next === null ? ORDER_STEP * (i + 1) : Math.floor((room * (i + 1)) / (run.length + 1));
      orders[index] = previous + step;
    });
    run = [];
    return true;
  };
  for (const [index, clause] of clauses.entries()) {
    if (placed.has(clause.id)) {
      run.push(index);
      continue;
    }
    if (!(clause.order > previous) || !fill(clause.order)) {
      return clauses.map((c, i) => ({ ...c, order: ORDER_STEP * (i + 1) }));
    }
    orders[index] = clause.order;
    previous = clause.order;
  }
  fill(null);
  return clauses.map((c, i) => (orders[i] === c.order ? c : { ...c, order: orders[i] ?? c.order }));
}

function finish(state: RunState): ConstitutionDocument {
  return { clauses: state.placed.size > 0 ? assignOrders(state.clauses, state.placed) : state.clauses };
}

/** The index of a clause that must exist; a clause deleted in this run is a conflict. */
function existing(state: RunState, id: string): { ok: true; index: number } | Failure {
  const deleted = state.deleted.get(id);
  if (deleted) return { ok: false, code: "conflict", conflictsWith: deleted.by };
  const index = state.clauses.findIndex((c) => c.id === id);
  return index === -1 ? { ok: false, code: "unknown-clause" } : { ok: true, index };
}

/**
 * The clause to place something after. A clause deleted in this run stands for the clause that
 * was before it (and so on), so "after clause 5" still means "where clause 5 was".
 */
function placeAfter(state: RunState, id: string | null): { ok: true; id: string | null } | Failure {
  let current = id;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const deleted = state.deleted.get(current);
    if (!deleted) break;
    current = deleted.after;
  }
  if (current !== null && !state.clauses.some((c) => c.id === current)) return { ok: false, code: "unknown-clause" };
  return { ok: true, id: current };
}

function insertionIndex(state: RunState, afterId: string | null): number {
  return afterId === null ? 0 : state.clauses.findIndex((c) => c.id === afterId) + 1;
}

function touch(state: RunState, clauseId: string, amendmentId: string): void {
  if (!state.touchedBy.has(clauseId)) state.touchedBy.set(clauseId, amendmentId);
}

function claim(state: RunState, key: string, clauseId: string, amendmentId: string): Failure | null {
  const holder = state.claims.get(key);
  if (holder !== undefined) return { ok: false, code: "conflict", conflictsWith: holder };
  state.claims.set(key, amendmentId);
  touch(state, clauseId, amendmentId);
  return null;
}

/** The earliest version whose hash is `hash`, or -1; hashes versions only as far as needed. */
function versionWithHash(history: TextHistory, hash: string): number {
  for (let k = 0; k < history.versions.length; k++) {
    if (history.hashes[k] === undefined) history.hashes[k] = hashText(history.versions[k] ?? "");
    if (history.hashes[k] === hash) return k;
  }
  return -1;
}

function applyText(state: RunState, amendment: TextAmendment): Outcome {
  const found = existing(state, amendment.clauseId);
  if (!found.ok) return found;
  const clause = state.clauses[found.index];
  if (!clause) return { ok: false, code: "unknown-clause" };
  let history = state.histories.get(clause.id);
  if (!history) {
    history = { versions: [clause.text], hashes: [hashText(clause.text)], steps: [] };
    state.histories.set(clause.id, history);
  }
  // The earliest matching version: a later one with the same text (a change undone) would skip
  // the conflict checks against the steps in between.
  const base = versionWithHash(history, amendment.baseHash);
  const baseText = history.versions[base];
  if (base === -1 || baseText === undefined) return { ok: false, code: "stale-base" };
  let edits = amendmentEdits(amendment, baseText);
  if (!edits) return { ok: false, code: "anchor-out-of-range" };
  for (const step of history.steps.slice(base)) {
    const rebased = rebaseEdits(edits, step);
    if (!rebased.ok) return { ok: false, code: "conflict", conflictsWith: step.amendmentId };
    edits = rebased.edits;
  }
  const step = applyStep(clause.text, edits);
  const text = step.applied.text;
  history.steps.push({ ...step, amendmentId: amendment.id });
  history.versions.push(text);
  state.clauses[found.index] = { ...clause, text };
  touch(state, clause.id, amendment.id);
  return { ok: true };
}

function step(state: RunState, amendment: Amendment): Outcome {
  switch (amendment.kind) {
    case "replace":
    case "replaceText":
      return applyText(state, amendment);
    case "insertAfter": {
      const { clause } = amendment;
      if (state.knownIds.has(clause.id)) return { ok: false, code: "duplicate-clause" };
      const target = placeAfter(state, amendment.afterClauseId);
      if (!target.ok) return target;
      // Several new clauses after the same clause keep the order they were proposed in.
      const key = target.id ?? "";
      const previous = state.lastInserted.get(key);
      const after = previous !== undefined && state.clauses.some((c) => c.id === previous) ? previous : target.id;
      state.clauses.splice(insertionIndex(state, after), 0, {
        id: clause.id,
        title: clause.title,
        order: 0,
        entrenched: clause.entrenched ?? false,
        text: clause.text,
      });
      state.lastInserted.set(key, clause.id);
      state.knownIds.add(clause.id);
      state.placed.add(clause.id);
      return { ok: true };
    }
    case "delete": {
      const found = existing(state, amendment.clauseId);
      if (!found.ok) return found;
      const changedBy = state.touchedBy.get(amendment.clauseId);
      if (changedBy !== undefined) return { ok: false, code: "conflict", conflictsWith: changedBy };
      state.deleted.set(amendment.clauseId, { by: amendment.id, after: state.clauses[found.index - 1]?.id ?? null });
      state.clauses.splice(found.index, 1);
      return { ok: true };
    }
    case "move": {
      if (amendment.afterClauseId === amendment.clauseId) return { ok: false, code: "invalid-move" };
      const found = existing(state, amendment.clauseId);
      if (!found.ok) return found;
      const target = placeAfter(state, amendment.afterClauseId);
      if (!target.ok) return target;
      const conflict = claim(state, `move:${amendment.clauseId}`, amendment.clauseId, amendment.id);
      if (conflict) return conflict;
      if (target.id !== amendment.clauseId) {
        const [moving] = state.clauses.splice(found.index, 1);
        if (moving) state.clauses.splice(insertionIndex(state, target.id), 0, moving);
        state.placed.add(amendment.clauseId);
      }
      return { ok: true };
    }
    case "rename":
    case "setEntrenched": {
      const found = existing(state, amendment.clauseId);
      if (!found.ok) return found;
      const key = `${amendment.kind === "rename" ? "rename" : "entrench"}:${amendment.clauseId}`;
      const conflict = claim(state, key, amendment.clauseId, amendment.id);
      if (conflict) return conflict;
      const clause = state.clauses[found.index];
      if (!clause) return { ok: false, code: "unknown-clause" };
      state.clauses[found.index] = amendment.kind === "rename" ? { ...clause, title: amendment.title } : { ...clause, entrenched: amendment.entrenched };
      return { ok: true };
    }
  }
}

/**
 * Applies one amendment. Text amendments must have been written against the clause's current
 * text (`baseHash`), else "stale-base": see rebaseAmendment. A new or moved clause gets an
 * `order` between its neighbours'; the others keep theirs (see assignOrders).
 */
export function applyAmendment(document: ConstitutionDocument, amendment: Amendment): ApplyResult {
  const state = initialState(document);
  const outcome = step(state, amendment);
  return outcome.ok ? { ok: true, document: finish(state) } : outcome;
}

/** The clause an amendment is filed under: the clause it changes, or the one it inserts after. */
export function amendmentClauseId(amendment: Amendment): string | null {
  return amendment.kind === "insertAfter" ? amendment.afterClauseId : amendment.clauseId;
}

/**
 * The order amendments are applied and listed in: by the position of their clause in the
 * document (a new clause at the start first, unknown clauses last), then by creation, then id.
 */
export function sortAmendments<T extends Amendment>(document: ConstitutionDocument, amendments: readonly T[]): T[] {
  const position = new Map(initialState(document).clauses.map((c, i) => [c.id, i]));
  const key = (a: Amendment) => {
    const clauseId = amendmentClauseId(a);
    return clauseId === null ? -1 : (position.get(clauseId) ?? Number.POSITIVE_INFINITY);
  };
  return [...amendments].sort((a, b) => key(a) - key(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface Rejection {
  id: string;
  code: ApplyErrorCode;
  /** For "conflict": the amendment applied earlier that this one competes with. */
  conflictsWith?: string;
}

export interface ApplyAllResult {
  document: ConstitutionDocument;
  /** Ids of the amendments applied, in the order they were applied. */
  applied: string[];
  rejected: Rejection[];
}

/**
 * Applies amendments in a fixed order (sortAmendments) to give the text "as amended".
 *
 * Text amendments to one clause written against the same text all apply when they change
 * different words: each is re-anchored over those applied before it. One whose base is the
 * text after earlier amendments in this run also applies. One that changes words an earlier
 * one changed, or any amendment to a clause an earlier one deleted (or a delete of a clause
 * an earlier one changed, or a second move, rename or change of entrenchment of a clause) is
 * rejected as a "conflict" naming the earlier amendment; the rest still apply. Give it only
 * compatible amendments (one per group from findConflicts) and nothing is rejected.
 */
export function applyAll(document: ConstitutionDocument, amendments: readonly Amendment[]): ApplyAllResult {
  const state = initialState(document);
  const applied: string[] = [];
  const rejected: Rejection[] = [];
  for (const amendment of sortAmendments(document, amendments)) {
    const outcome = step(state, amendment);
    if (outcome.ok) applied.push(amendment.id);
    else {
      const { code, conflictsWith } = outcome;
      rejected.push({ id: amendment.id, code, ...(conflictsWith !== undefined ? { conflictsWith } : {}) });
    }
  }
  return { document: finish(state), applied, rejected };
}

export type RebaseResult<T extends TextAmendment> = { ok: true; amendment: T } | { ok: false; code: "stale-base" | "anchor-out-of-range" | "conflict" };

/**
 * Carries a text amendment written against `baseText` over to `currentText` (the clause as it
 * now reads, after other amendments or corrections). Fails with "stale-base" when `baseText`
 * is not the text the amendment was written against, and with "conflict" when the words it
 * changes were changed since. Otherwise returns the amendment re-anchored on `currentText`
 * (same id, new baseHash; a `replace` gets a new anchor, a `replaceText` the current text with
 * its changes made). The changes since are found with a word diff of the two texts.
 */
export function rebaseAmendment<T extends TextAmendment>(amendment: T, baseText: string, currentText: string): RebaseResult<T> {
  if (hashText(baseText) !== amendment.baseHash) return { ok: false, code: "stale-base" };
  const edits = amendmentEdits(amendment, baseText);
  if (!edits) return { ok: false, code: "anchor-out-of-range" };
  const since = editsBetween(baseText, currentText);
  const step: AppliedStep = applyStep(baseText, since);
  const rebased = rebaseEdits(edits, step);
  if (!rebased.ok) return { ok: false, code: "conflict" };
  const baseHash = hashText(currentText);
  if (amendment.kind === "replaceText") {
    return { ok: true, amendment: { ...amendment, baseHash, text: applyEdits(currentText, rebased.edits).text } };
  }
  const width = amendment.lineWidth ?? DEFAULT_LINE_WIDTH;
  const resolved = resolveAnchor(layoutText(baseText, width), amendment.anchor);
  if (!resolved) return { ok: false, code: "anchor-out-of-range" };
  // An anchor that is only an insertion point must not sit where something was inserted since.
  if (resolved.range.start === resolved.range.end && edits.length === 0) {
    const touched = since.some((e) => e.start <= resolved.range.start && resolved.range.start <= e.end);
    if (touched) return { ok: false, code: "conflict" };
  }
  const range = {
    start: mapOffset(step.applied, resolved.range.start),
    end: mapOffset(step.applied, resolved.range.end),
  };
  const anchor = rangeToAnchor(currentText, range, { width });
  if (!anchor) return { ok: false, code: "anchor-out-of-range" };
  return { ok: true, amendment: { ...amendment, baseHash, anchor } };
}
