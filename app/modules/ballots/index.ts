/**
 * Ballot counting engine: pure TypeScript, no I/O, safe to import in the browser.
 * See docs/counting.md for what each method does and docs/decisions/010-counting-arithmetic.md
 * for why the arithmetic is done in integers.
 */
export * from "./types";
export { countElection, isMethod } from "./count";
export { countScottishStv, countScottishIrv } from "./scottish-stv";
export { countIrv } from "./irv";
export { countSchulze } from "./schulze";
export { countYesNo, fraction } from "./yes-no";
export type { Fraction, MajorityRule, YesNoCode, YesNoResult, YesNoRules, YesNoTally } from "./yes-no";
export { groupBallots, normaliseRanking, prepareStrictBallots } from "./group";
export type { PreparedBallots, StrictBallot } from "./group";
export { parseBlt, parseBltWithLines, quoteBltString, writeBlt } from "./blt";
export type { BltSourceLines } from "./blt";
export { checkCountable } from "./count-checks";
export type { CountCheck, CountCheckLines } from "./count-checks";
export { parsePreflib } from "./preflib";
export type { PreflibDataType } from "./preflib";
export { BallotFileError } from "./errors";
export { drawLot, lotTicket, seededRandom, sha256Hex } from "./lot";
export { formatUnits, parseUnits, unitsToVotes, UNITS_PER_VOTE } from "./fixed-point";
export { formatReport, describeTieBreak } from "./format";
export { isRonName } from "./ron";
export * from "./messages";
export { buildSheet, formatChange, formatFigure, sheetFromRankedReport } from "./count-sheet";
export type { CountSheet, CountSheetStage, SheetCandidateCell, SheetFigure, SheetTransfer } from "./count-sheet";
export { countReferenceRule } from "./reference-report";
export { formatCountSheet } from "./count-sheet-text";
