/**
 * The constitution text engine: line numbers, amendments, competing amendments and word diffs.
 * Pure TypeScript, no I/O and no Node built-ins: safe to import in the browser.
 * See docs/decisions/020-amendments-and-diffs.md.
 */
export * from "./types";
export { hashText, normalizeText } from "./hash";
export { DEFAULT_LINE_WIDTH, countLines, layoutText, numberClauses, numberLines } from "./lines";
export type { LaidOutLine, Layout, LineKind, LineOptions, NumberedClause, NumberedLine, Word } from "./lines";
export { anchorToRange, rangeToAnchor, resolveAnchor } from "./anchors";
export type { AnchorOptions, ResolvedAnchor } from "./anchors";
export { ORDER_STEP, amendmentClauseId, amendmentEdits, applyAll, applyAmendment, rebaseAmendment, sortAmendments } from "./operations";
export type { ApplyAllResult, RebaseResult, Rejection } from "./operations";
export { findConflicts } from "./conflicts";
export type { ConflictGroup, ConflictPair, ConflictReason, ConflictReport } from "./conflicts";
export { comparableWordByWord, diffSide, diffToLines, documentDiff, wholeChange, wordDiff } from "./diff";
export type { ClauseDiff, DiffKind, DiffLine, DiffSegment } from "./diff";
export { APPLY_ERROR_MESSAGES, CONFLICT_MESSAGES } from "./messages";
