import type { YesNoCode } from "./yes-no";
import type { ElectionReason, TieQuestion } from "./types";

/**
 * English wording for the machine-readable codes in count results. Kept apart from the counting
 * code so the interface can word (or translate) results without touching the rules.
 */

export const YES_NO_MESSAGES: Readonly<Record<YesNoCode, string>> = {
  "quorum-not-met": "Not enough members took part to meet the quorum, so no decision was made.",
  "majority-met": "The motion was carried.",
  "majority-not-met": "The motion was not carried: the required majority was not reached.",
};

export const ELECTION_REASON_MESSAGES: Readonly<Record<ElectionReason, string>> = {
  quota: "reached the quota",
  majority: "won more than half of the votes for continuing candidates",
  "last-standing": "elected as no more candidates remained than seats",
  ranking: "placed in the Schulze ranking",
};

export const TIE_QUESTION_MESSAGES: Readonly<Record<TieQuestion, string>> = {
  "surplus-order": "equal surpluses: whose is transferred first",
  exclusion: "equal lowest totals: who is excluded",
  "election-order": "equal totals on election: who is listed first",
  "ranking-place": "shared place in the ranking: who takes the seat",
};

export const RON_MESSAGE = "Re-open nominations won this seat; it stays vacant.";
