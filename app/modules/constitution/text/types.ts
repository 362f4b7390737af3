/**
 * Types shared by the constitution text engine: the document, the amendments and the result
 * codes. Pure data; see docs/decisions/020-amendments-and-diffs.md for the rules behind them.
 */

/** One clause of the constitution as stored. Line numbers and diffs are never stored. */
export interface Clause {
  /** Stable id (for example "aims"); never reused for another clause. */
  id: string;
  title: string;
  /** Position in the constitution; only the relative order matters. */
  order: number;
  /** Needs a two-thirds majority to change (standing orders 8.5). */
  entrenched: boolean;
  /** Markdown-ish text: paragraphs separated by blank lines, list items, "\n" line ends. */
  text: string;
}

export interface ConstitutionDocument {
  clauses: readonly Clause[];
}

/** Where a word sits as a reader sees it: clause-relative line (1-based), word in line (0-based). */
export interface WordPosition {
  line: number;
  word: number;
}

/**
 * A span of words, like a slice: `from` is the first word taken; `to` is exclusive, the first
 * word not taken, so the span ends at the end of word `to.word - 1` of line `to.line` (`word`
 * may equal the number of words on the line: "to the end of the line"; word 0 of a line means
 * the end of the line before). The span covers the words and the spaces between them, never
 * the space after its last word. `from` equal to `to` is an insertion point before that word
 * (or, at the line's word count, after the line's last word).
 * Example: line 3 reads "the party shall hold"; {from: {line: 3, word: 1}, to: {line: 3, word: 3}}
 * is "party shall".
 */
export interface WordSpan {
  from: WordPosition;
  to: WordPosition;
}

/** Whole lines, first and last included, numbered from 1 within the clause. */
export interface LineSpan {
  lines: { from: number; to: number };
}

export type Anchor = WordSpan | LineSpan;

/** Half-open range of UTF-16 offsets into a text: [start, end). */
export interface CharRange {
  start: number;
  end: number;
}

interface AmendmentCommon {
  /** Unique id of the amendment. */
  id: string;
  /**
   * Any number that increases with creation (milliseconds since 1970, or a database sequence).
   * Ties are broken by `id`.
   */
  createdAt: number;
}

/** Replace the words of a span of a clause with new text (empty text deletes them). */
export interface ReplaceAmendment extends AmendmentCommon {
  kind: "replace";
  clauseId: string;
  /** `hashText` of the clause text the anchor refers to. */
  baseHash: string;
  anchor: Anchor;
  /** Line width the anchor's line numbers were counted at; DEFAULT_LINE_WIDTH when absent. */
  lineWidth?: number;
  text: string;
}

/** Replace the whole text of a clause ("edit the clause"). */
export interface ReplaceTextAmendment extends AmendmentCommon {
  kind: "replaceText";
  clauseId: string;
  baseHash: string;
  text: string;
}

/** Add a new clause after another one (`afterClauseId` null: at the start). */
export interface InsertAfterAmendment extends AmendmentCommon {
  kind: "insertAfter";
  afterClauseId: string | null;
  clause: { id: string; title: string; text: string; entrenched?: boolean };
}

export interface DeleteAmendment extends AmendmentCommon {
  kind: "delete";
  clauseId: string;
}

/** Move a clause after another one (`afterClauseId` null: to the start). */
export interface MoveAmendment extends AmendmentCommon {
  kind: "move";
  clauseId: string;
  afterClauseId: string | null;
}

/** Change a clause's title. */
export interface RenameAmendment extends AmendmentCommon {
  kind: "rename";
  clauseId: string;
  title: string;
}

/** Make a clause entrenched or stop it being entrenched (standing orders 7.1(d)). */
export interface SetEntrenchedAmendment extends AmendmentCommon {
  kind: "setEntrenched";
  clauseId: string;
  entrenched: boolean;
}

export type TextAmendment = ReplaceAmendment | ReplaceTextAmendment;

export type Amendment =
  | ReplaceAmendment
  | ReplaceTextAmendment
  | InsertAfterAmendment
  | DeleteAmendment
  | MoveAmendment
  | RenameAmendment
  | SetEntrenchedAmendment;

export type AmendmentKind = Amendment["kind"];

/** Why an amendment could not be applied. */
export type ApplyErrorCode =
  /** The clause text changed since the amendment was made (its baseHash no longer matches). */
  | "stale-base"
  /** No clause with that id (or the clause to insert or move after does not exist). */
  | "unknown-clause"
  /** The anchor names a line or word the base text does not have, or ends before it starts. */
  | "anchor-out-of-range"
  /** A new clause would reuse an existing clause id. */
  | "duplicate-clause"
  /** A clause cannot be moved after itself. */
  | "invalid-move"
  /** It changes what an amendment applied before it already changed. */
  | "conflict";

export type ApplyResult = { ok: true; document: ConstitutionDocument } | { ok: false; code: ApplyErrorCode; conflictsWith?: string };
