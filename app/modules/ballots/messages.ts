import type { YesNoCode } from "./yes-no";
import type { ElectionReason, TieQuestion } from "./types";
import type { CountCheck } from "./count-checks";

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

/** The count command's refusals and warnings about a file (see count-checks.ts). */
export function countCheckMessage(check: CountCheck): string {
  const at = (line: number | null, candidate: number) => (line === null ? `candidate ${candidate + 1}` : `line ${line}`);
  switch (check.code) {
    case "duplicate-name":
      return (
        `${at(check.line, check.candidate)}: candidate ${check.candidate + 1} has the same name as candidate ${check.first + 1}` +
        `${check.firstLine === null ? "" : ` on line ${check.firstLine}`} ("${check.name}"). ` +
        "The result could not say which of them was elected: give each candidate a different name."
      );
    case "ron-name-unmarked":
      return (
        `${at(check.line, check.candidate)}: candidate ${check.candidate + 1} is called "${check.name}", which could be re-open nominations (RON) or a person. ` +
        `Say which in the file: add the line [ron ${check.candidate + 1}] before the ballots if it is RON, or [ron none] if it is a person.`
      );
    case "more-seats-than-candidates": {
      const empty = check.seats - check.standing;
      return (
        `${check.line === null ? "" : `line ${check.line}: `}warning: ${check.seats} seats but only ${check.standing} ` +
        `${check.standing === 1 ? "candidate" : "candidates"} standing, so at least ${empty} ${empty === 1 ? "seat stays" : "seats stay"} empty.`
      );
    }
  }
}
