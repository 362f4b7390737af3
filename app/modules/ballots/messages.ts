import type { YesNoCode } from "./yes-no";
import type { CountReport, ElectionReason, StageAction, StageEvent, TieBreak, TieQuestion } from "./types";
import type { CountCheck } from "./count-checks";
import { formatNumber } from "../../utils/numbers";

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

/** A count in which no seat was filled (the pages, the documents, the count command). */
export const NOBODY_ELECTED = "Nobody was elected.";

/** The row of a single-seat count's majority (the count sheet, the count report, the declaration of result). */
export const VOTES_NEEDED_TO_WIN = "Votes needed to win";

export const RON_MESSAGE = "Re-open nominations won this seat; it stays vacant.";

/** The sentence that says what RON is, wherever it is named. */
export const RON_EXPLAINED =
  "Re-open nominations (RON) is on every officer ballot: a vote for it is a vote for none of these candidates. If it wins a seat, the seat stays empty and nominations open again.";

/** The sentence that says how the count settles a tie, above any tie it settled. */
export const TIES_EXPLAINED =
  "When candidates are level and the rules must choose between them, the count looks back to the last stage at which their totals differed. If they never differed, it draws lots, from a random seed fixed before the count, so anyone can repeat the draw.";

/** Choices rather than people: a members' decision or any poll that elects nobody. */
export const CHOICE_REASON_MESSAGES: Readonly<Record<ElectionReason, string>> = {
  quota: "reached the quota",
  majority: "won more than half of the votes for the options still in the count",
  "last-standing": "chosen as no more options remained than places",
  ranking: "placed in the Schulze ranking",
};

const and = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/** A tie the count settled, in a sentence for people (the count tool prints its own, terser line). */
export function explainTieBreak(tie: TieBreak): string {
  const tied = and(tie.tied);
  const what: Record<TieQuestion, string> = {
    "surplus-order": `${tied} had equal surpluses; ${tie.chosen}'s was transferred first`,
    exclusion: `${tied} had the same lowest total; ${tie.chosen} was excluded`,
    "election-order": `${tied} were elected with equal totals; ${tie.chosen} is listed first`,
    "ranking-place": `${tied} shared a place in the ranking with too few seats left for all; ${tie.chosen} takes the seat`,
  };
  switch (tie.decidedBy) {
    case "earlier-stage":
      return `${what[tie.question]}, decided by their totals at stage ${tie.stage}, the last stage at which they differed.`;
    case "lot":
      return `${what[tie.question]}, decided by lot: their totals never differed, so the choice was drawn from the seed "${tie.seed}", fixed before the count.`;
    case "tie-order":
      return `${what[tie.question]}, decided by the order drawn before the count: ${tie.order.join(", ")}.`;
  }
}

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

/** The words both rules end a count with: the remaining candidates, then the end. */
function closingWords(kind: string, name: string): string {
  if (kind === "elect-remaining") return `Elected, as no more remain than seats: ${name}`;
  if (kind === "defeat-remaining") return `Excluded, as every seat is filled: ${name}`;
  return "Count complete";
}

/** Meek and WIGM as `npm run count` tells them (reference-rules.ts): plain words, one per action. */
export const referenceRuleWords = {
  ruleNames: {
    meek: "Meek STV (omega 10^-9, guarded arithmetic: 18 places kept with 9 more)",
    "meek-prf": "Meek STV (PR Foundation reference rule: 9 places, omega 10^-6)",
    "wigm-prf": "Weighted inclusive Gregory method (PR Foundation reference rule: 4 places, truncated)",
    "wigm-rational": "Weighted inclusive Gregory method (exact fractions)",
  } as Record<string, string>,
  seats: (n: number) => `${n} ${n === 1 ? "seat" : "seats"}`,
  ballots: (n: number) => `${formatNumber(n)} valid ${n === 1 ? "paper" : "papers"}`,
  tieOrderFromFile: "Ties broken by the file's order",
  tieOrderFromSeed: "Ties broken by the lot drawn from the seed",
  round: (n: number) => (n === 0 ? "First count" : `Round ${n}`),
  elected: "Elected",
  states: { hopeful: "hopeful", elected: "elected", pending: "surplus to go", defeated: "excluded" } as Record<string, string>,
  figures: {
    quota: "Quota",
    votes: "Votes",
    residual: "Residual",
    surplus: "Surplus",
    elected: "Elected",
    pending: "Surplus to go",
    hopeful: "Hopeful",
    nonTransferable: "Non-transferable",
  },
  meek: (kind: string, a: { name: string; tied: string; surplus: string; status?: string | undefined }): string => {
    switch (kind) {
      case "begin":
        return "First preferences";
      case "elect":
        return `Elected: ${a.name}`;
      case "iterate":
        return (
          {
            elected: "Iterations ended: someone reached the quota",
            omega: "Iterations ended: the surplus is below omega",
            stable: "Iterations ended: the surplus no longer falls",
            batch: "Iterations ended: some candidates can no longer win",
          }[a.status ?? "omega"] ?? "Iterations ended"
        );
      case "tie":
        return `Tie for exclusion between ${a.tied}: ${a.name} is excluded, by the tie order`;
      case "defeat":
        return a.status === "stable"
          ? `Excluded: ${a.name} (the surplus, ${a.surplus}, no longer falls)`
          : `Excluded: ${a.name} (the surplus, ${a.surplus}, is below omega)`;
      case "defeat-batch":
        return `Excluded, as they can no longer win: ${a.name}`;
      default:
        return closingWords(kind, a.name);
    }
  },
  wigm: (kind: string, a: { name: string; tied: string; surplus: string; tieFor?: string | undefined }): string => {
    switch (kind) {
      case "begin":
        return "First preferences";
      case "elect":
        return `Elected, surplus to transfer: ${a.name}`;
      case "tie":
        return a.tieFor === "surplus"
          ? `Equal surpluses of ${a.tied}: ${a.name}'s goes first, by the tie order`
          : `Tie for exclusion between ${a.tied}: ${a.name} is excluded, by the tie order`;
      case "surplus":
        return `Transferring the surplus of ${a.name}`;
      case "surplus-transferred":
        return `Surplus of ${a.name} transferred: ${a.surplus}`;
      case "defeat":
        return `Excluded: ${a.name}`;
      case "defeat-transferred":
        return `Papers of ${a.name} transferred`;
      default:
        return closingWords(kind, a.name);
    }
  },
};

/** The count sheet's wording (count-sheet.ts, its text, page and PDF). */
export const countSheetWords = {
  methodNames: {
    "scottish-stv": "Single transferable vote (Scottish rules)",
    irv: "Instant-runoff",
    "irv-scottish": "Instant-runoff (Scottish rules)",
    meek: "Meek STV",
    "meek-prf": "Meek STV (PR Foundation reference rule)",
    "wigm-prf": "Weighted inclusive Gregory method (PR Foundation reference rule)",
    "wigm-rational": "Weighted inclusive Gregory method (exact fractions)",
  } as Record<string, string>,
  /** The same, inside a sentence ("counted by ..."). */
  methodInSentence: {
    "scottish-stv": "single transferable vote (Scottish rules)",
    irv: "instant-runoff",
    "irv-scottish": "instant-runoff (Scottish rules)",
    meek: "Meek STV",
    "meek-prf": "Meek STV (PR Foundation reference rule)",
    "wigm-prf": "the weighted inclusive Gregory method (PR Foundation reference rule)",
    "wigm-rational": "the weighted inclusive Gregory method (exact fractions)",
  } as Record<string, string>,
  /** A stage of any ranked count, in a few words. */
  stageAction: (action: StageAction): string => {
    switch (action.kind) {
      case "first-preferences":
        return "First preferences";
      case "surplus":
        return `Surplus of ${action.candidate}`;
      case "exclusion":
        return `Exclusion of ${action.candidate}`;
      case "round":
        return countSheetWords.events(action.events);
    }
  },
  /** What a stage did, as a sentence: "Surplus of Ann; elected: Ben". */
  events: (events: readonly StageEvent[]): string => events.map((e) => countSheetWords.event(e)).join("; "),
  event: (e: StageEvent): string => {
    switch (e.kind) {
      case "first-preferences":
        return "First preferences";
      case "surplus":
        return e.candidates.length === 1 ? `Surplus of ${e.candidates[0]}` : `Surpluses of ${and(e.candidates)}`;
      case "exclusion":
        return `Exclusion of ${and(e.candidates)}`;
      case "elected":
        return e.remaining ? `Elected, as no more remained than seats: ${and(e.candidates)}` : `Elected: ${and(e.candidates)}`;
      case "excluded-remaining":
        return `Excluded, as every seat is filled: ${and(e.candidates)}`;
    }
  },
  title: "Count sheet",
  caption: "Each stage of the count: the change for every candidate and their new total",
  download: "Download the count sheet for signing (PDF)",
  stage: (n: number) => `Stage ${n}`,
  stagesOf: (from: number, to: number, of: number) => (from === to ? `Stage ${from} of ${of}` : `Stages ${from} to ${to} of ${of}`),
  whatHappened: "What each stage did",
  candidate: "Candidate",
  change: "+/-",
  total: "Total",
  transferValue: (values: readonly string[]) =>
    values.length === 0 ? "" : values.length === 1 ? `Transfer value ${values[0]}` : `Transfer values ${values.join(", ")}`,
  rows: {
    "non-transferable": "Non-transferable",
    excess: "Excess",
    "loss-of-fractions": "Loss of fractions",
    "sheet-rounding": "Rounding in this sheet",
    total: "Totals",
    quota: "Quota",
    majority: VOTES_NEEDED_TO_WIN,
  },
  /** Said under the sheet when its rows need it. */
  rowNotes: {
    excess: "Excess: what no candidate keeps, from papers with no preference left and from rounding.",
    "sheet-rounding": "Rounding in this sheet: the count is exact; this row takes up what showing its figures to 9 places leaves out.",
  },
  marks: { elected: "elected", excluded: "excluded" },
  markLetters: { elected: "E", excluded: "X" },
  legend: "E: elected at this stage. X: excluded at this stage. A blank change: none.",
  heading: (sheet: { method: string; seats: number; ballots: number }) =>
    `${countSheetWords.methodNames[sheet.method] ?? sheet.method} · ${sheet.seats} ${sheet.seats === 1 ? "seat" : "seats"} · ${formatNumber(sheet.ballots)} valid ${sheet.ballots === 1 ? "paper" : "papers"}`,
  elected: "Elected",
  /** The elected in order, a seat won by re-open nominations said as vacant. */
  electedList: (sheet: { elected: readonly string[]; ron: string | null }): string[] =>
    sheet.elected.map((name) => (name === sheet.ron ? countSheetWords.ronSeat(name) : name)),
  /** The notes a sheet's rows need. */
  notesFor: (sheet: { residual: string; loss: string; stages: readonly { lossOfFractions: unknown }[] }): string[] => [
    ...(sheet.residual === "excess" ? [countSheetWords.rowNotes.excess] : []),
    ...(sheet.loss === "sheet-rounding" && sheet.stages.some((s) => s.lossOfFractions) ? [countSheetWords.rowNotes["sheet-rounding"]] : []),
  ],
  /** A seat won by re-open nominations, where the elected are listed. */
  ronSeat: (name: string) => `${name}: the seat stays vacant and nominations re-open`,
  nobodyElected: "Nobody",
  ties: "Ties",
};

/** The words of the plain-text count report that `npm run count` prints (format.ts). */
export const countReportWords = {
  methodTitles: {
    "scottish-stv": "Scottish STV (SSI 2007/42 rules 45-52)",
    irv: "Instant-runoff (majority of continuing ballots)",
    "irv-scottish": "Single seat under Scottish rules (fixed quota)",
    schulze: "Schulze method",
    meek: "Meek STV (omega 10^-9, guarded arithmetic)",
    "meek-prf": "Meek STV (PR Foundation reference rule)",
    "wigm-prf": "Weighted inclusive Gregory method (PR Foundation reference rule)",
    "wigm-rational": "Weighted inclusive Gregory method (exact fractions)",
  } satisfies Readonly<Record<CountReport["method"], string>>,
  heading: (method: CountReport["method"], title: string | null | undefined) => `${countReportWords.methodTitles[method]}${title ? `: ${title}` : ""}`,
  seats: (n: number) => `Seats: ${n}`,
  validPapers: (valid: number, empty: number) => `valid papers: ${valid}` + (empty > 0 ? ` (plus ${empty} with no usable preference)` : ""),
  quota: (quota: number | null) => (quota === null ? "quota: majority of continuing votes" : `quota: ${quota}`),
  seed: (seed: string) => `seed: ${seed}`,
  withdrawn: (names: readonly string[]) => `Withdrawn: ${names.join(", ")}`,
  stages: "Stages:",
  firstPreferences: "First preferences",
  surplus: (candidate: string, surplus: string) => `Surplus of ${candidate} (${surplus}) transferred`,
  exclusion: (candidate: string, total: string) => `${candidate} excluded with ${total} (lowest total)`,
  tieByEarlierStage: (head: string, stage: number) => `${head}, decided by the totals at stage ${stage}`,
  tieByLot: (head: string, seed: string, tickets: readonly string[]) => `${head}, decided by lot with seed ${seed} (smallest ticket: ${tickets.join("; ")})`,
  tieByOrder: (head: string, order: readonly string[]) => `${head}, decided by the order drawn before the count (${order.join(", ")})`,
  tie: (text: string) => `tie: ${text}`,
  electedAtStage: (candidate: string, reason: string, ron: boolean | undefined) => `elected: ${candidate} (${reason})${ron ? " - RON: seat stays vacant" : ""}`,
  candidateColumn: "Candidate",
  stageColumn: (stage: number) => `Stage ${stage}`,
  withdrawnCell: "withdrawn",
  rows: { nonTransferable: "Non-transferable", lossOfFractions: "Loss of fractions", votesNeeded: VOTES_NEEDED_TO_WIN },
  marksKey: "(E = elected at this stage, X = excluded at this stage)",
  electedInOrder: "Elected, in order:",
  winner: (candidate: string, stage: number, reason: string, ron: boolean | undefined) =>
    `${candidate} (${stage > 0 ? `stage ${stage}, ` : ""}${reason})${ron ? " - re-open nominations: seat stays vacant" : ""}`,
  vacantSeats: (n: number) => `Vacant seats: ${n}`,
  schulzeLine: (seats: number, valid: number, seed: string) => `Seats: ${seats}   papers with a preference: ${valid}   seed: ${seed}`,
  candidates: "Candidates:",
  pairwise: "Pairwise: papers ranking the row candidate above the column candidate",
  strongestPaths: "Strongest paths (winning votes)",
  ranking: "Ranking:",
  schulzeTie: (text: string) => `Tie: ${text}`,
};
