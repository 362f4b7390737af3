/**
 * Shared types for the ballot counting engine.
 *
 * Everything here is plain data: a count takes an `Election` and returns a report that can be
 * passed through `JSON.stringify` unchanged, so the same object can be stored, sent to the
 * browser, or printed by `npm run count`.
 */

/** A candidate is identified by its position in `Election.candidates` (0-based). */
export type CandidateIndex = number;

/**
 * One rank on a ballot: a single candidate, or several candidates the voter ranked equally
 * (PrefLib `{a,b}`, BLT `a=b`). Equal ranks matter only to Schulze; STV and IRV stop reading a
 * ballot when they reach one (see `group.ts`).
 */
export type RankEntry = CandidateIndex | readonly CandidateIndex[];

/** Most preferred first. */
export type Ranking = readonly RankEntry[];

/** A ranking and how many identical papers carry it. */
export interface Ballot {
  readonly ranking: Ranking;
  readonly weight: number;
}

export interface Election {
  readonly title: string;
  /** Names exactly as the ballot file gives them (without surrounding quotes). */
  readonly candidates: readonly string[];
  readonly seats: number;
  readonly ballots: readonly Ballot[];
  /** Candidates who withdrew: skipped as if absent from every ballot. */
  readonly withdrawn: readonly CandidateIndex[];
  /**
   * An order of candidates fixed by a lot drawn before the count (BLT `[tie ...]` line).
   * When present it replaces the seeded draw: the earliest candidate in this order is the one
   * "drawn".
   */
  readonly tieOrder?: readonly CandidateIndex[];
  /** Lines after the title in a BLT file (sources, comments), kept for the record. */
  readonly notes?: readonly string[];
  /**
   * Which candidate is "re-open nominations", as the file marks it (BLT `[ron 3]`), or null when
   * the file says there is none (`[ron none]`). Absent when the file does not say.
   */
  readonly ron?: CandidateIndex | null;
}

/** Meek and WIGM, as the Droop test suite's reference outputs state them (decision 050). */
export type ReferenceRule = "meek" | "meek-prf" | "wigm-prf" | "wigm-rational";
export type RankedMethod = "scottish-stv" | "irv" | "irv-scottish" | ReferenceRule;
export type Method = RankedMethod | "schulze";

export const METHODS: readonly Method[] = ["scottish-stv", "irv", "irv-scottish", "schulze", "meek", "meek-prf", "wigm-prf", "wigm-rational"];

export interface CountOptions {
  /** Number of seats; defaults to the election's own figure (IRV methods always fill one seat). */
  readonly seats?: number;
  /**
   * Published before the poll closes; decides any tie that the method's own rules leave open
   * (see `lot.ts`). Defaults to the empty string, which is still a valid, reproducible seed.
   */
  readonly seed?: string;
  /** Overrides `Election.tieOrder`. */
  readonly tieOrder?: readonly CandidateIndex[];
  /**
   * Which candidate is "re-open nominations". `undefined` = recognise it by name (see `ron.ts`);
   * `null` = there is no RON candidate.
   */
  readonly ron?: CandidateIndex | null;
}

/** How many papers the count saw. */
export interface BallotTotals {
  /** Every paper in the input. */
  readonly cast: number;
  /** Papers with at least one usable preference; the quota is based on this. */
  readonly valid: number;
  /** Papers with no usable preference (blank, only withdrawn candidates, or a tie at rank 1). */
  readonly empty: number;
}

export type CandidateStatus = "continuing" | "elected" | "excluded" | "withdrawn";

export type ElectionReason =
  /** Reached the quota (Scottish rule 47). */
  | "quota"
  /** More than half of the votes for continuing candidates (IRV). */
  | "majority"
  /** No more candidates than vacancies were left (Scottish rule 52, IRV final round). */
  | "last-standing"
  /** Placed high enough in the Schulze ranking. */
  | "ranking";

/** Which question a tie-break answered. */
export type TieQuestion =
  /** Equal surpluses: whose is transferred first (Scottish rule 49(2)-(3)). */
  | "surplus-order"
  /** Equal lowest totals: who is excluded (Scottish rule 51, IRV). */
  | "exclusion"
  /** Several candidates elected at one stage with equal totals: who is listed first. */
  | "election-order"
  /** Schulze: more candidates share a place in the ranking than there are seats left. */
  | "ranking-place";

interface TieBreakBase {
  readonly question: TieQuestion;
  /** All candidates that were tied, in ballot-file order. */
  readonly tied: readonly string[];
  /** The candidate the question asked for (excluded / transferred first / listed first). */
  readonly chosen: string;
}

export type TieBreak =
  | (TieBreakBase & {
      readonly decidedBy: "earlier-stage";
      /** The most recent earlier stage at which the totals differed. */
      readonly stage: number;
    })
  | (TieBreakBase & {
      readonly decidedBy: "lot";
      readonly seed: string;
      /** The SHA-256 tickets of the candidates still tied when the lot was drawn. */
      readonly tickets: readonly { readonly candidate: string; readonly ticket: string }[];
    })
  | (TieBreakBase & {
      readonly decidedBy: "tie-order";
      /** The order fixed before the count; the first of the tied candidates in it was chosen. */
      readonly order: readonly string[];
    });

export type StageAction =
  | { readonly kind: "first-preferences" }
  | {
      readonly kind: "surplus";
      readonly candidate: string;
      /** The surplus being transferred, in votes. */
      readonly surplus: number;
    }
  | {
      readonly kind: "exclusion";
      readonly candidate: string;
      readonly reason: "lowest-total";
      /** The excluded candidate's total when excluded, in votes. */
      readonly total: number;
    }
  /** A Meek or WIGM stage: what it did, as events (reference-report.ts). */
  | { readonly kind: "round"; readonly events: readonly StageEvent[] };

/**
 * What a stage of a count sheet did, as data (worded only when shown, so that a stored result
 * never depends on its wording): papers moved from a surplus or an exclusion, and who was elected
 * or excluded there.
 */
export type StageEvent =
  | { readonly kind: "first-preferences" }
  /** The surpluses of these candidates transferred (Meek: redistributed by their keep factors). */
  | { readonly kind: "surplus"; readonly candidates: readonly string[] }
  /** These candidates excluded and their papers passed on. */
  | { readonly kind: "exclusion"; readonly candidates: readonly string[] }
  /** Elected at this stage by reaching the quota, or as no more remained than seats. */
  | { readonly kind: "elected"; readonly candidates: readonly string[]; readonly remaining: boolean }
  /** Excluded at the end of the count, every seat being filled. */
  | { readonly kind: "excluded-remaining"; readonly candidates: readonly string[] };

export interface CandidateStanding {
  readonly candidate: string;
  /** Total at the end of the stage, in votes (exact to 5 decimal places for Scottish STV). */
  readonly votes: number;
  /** Change during the stage, in votes. */
  readonly change: number;
  readonly status: CandidateStatus;
}

/**
 * One parcel of papers moved at a stage. Papers of the same value going to the same place are
 * summed into one row.
 */
export interface Transfer {
  readonly from: string;
  /** `null` = non-transferable (no further preference for a continuing candidate). */
  readonly to: string | null;
  readonly papers: number;
  /** The value of each paper after the transfer, in votes (1 = a whole vote). */
  readonly value: number;
  /** papers x value, in votes. */
  readonly votes: number;
}

export interface StageElection {
  readonly candidate: string;
  readonly reason: ElectionReason;
  /** `true` when the candidate is "re-open nominations": the seat stays vacant. */
  readonly ron: boolean;
}

export interface StageReport {
  readonly stage: number;
  readonly action: StageAction;
  /** Every candidate, in ballot-file order. */
  readonly totals: readonly CandidateStanding[];
  readonly transfers: readonly Transfer[];
  /** Cumulative votes on papers with no further usable preference. */
  readonly nonTransferable: number;
  /**
   * Cumulative votes lost by truncating transfer values to 5 decimal places (Scottish rule
   * 48(3), "any remainder being ignored"). Always 0 for IRV.
   */
  readonly lossOfFractions: number;
  /**
   * Votes held by the candidates who were continuing when the stage's transfers ended, before
   * anyone was elected at this stage (for IRV: the votes a majority is measured against).
   */
  readonly continuingVotes: number;
  /** IRV (majority variant) only: votes needed to win at this stage. */
  readonly majorityThreshold?: number;
  readonly elected: readonly StageElection[];
  readonly excluded: readonly string[];
  readonly tieBreaks: readonly TieBreak[];
}

export interface Winner {
  readonly candidate: string;
  /** Stage at which the candidate was elected (0 for Schulze, which has no stages). */
  readonly stage: number;
  readonly reason: ElectionReason;
  readonly ron: boolean;
}

interface ReportBase {
  readonly title: string;
  readonly seats: number;
  readonly seed: string;
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  readonly ballots: BallotTotals;
  /** Names in order of election. RON is listed by its name when it wins a seat. */
  readonly elected: readonly string[];
  readonly winners: readonly Winner[];
  /** Seats left empty: won by RON, or not enough candidates to fill them. */
  readonly vacantSeats: number;
  /** Every tie-break of the count, in the order they were made. */
  readonly tieBreaks: readonly TieBreak[];
}

export interface RankedCountReport extends ReportBase {
  readonly method: RankedMethod;
  /** In votes; `null` for IRV with a majority of continuing ballots (it changes every round). */
  readonly quota: number | null;
  readonly stages: readonly StageReport[];
}

export interface SchulzeReport extends ReportBase {
  readonly method: "schulze";
  readonly quota: null;
  /** Schulze has no stages; kept so every report has the same top-level shape. */
  readonly stages: readonly StageReport[];
  /** pairwise[i][j] = papers ranking candidate i above candidate j. */
  readonly pairwise: readonly (readonly number[])[];
  /** Strength of the strongest path from i to j (winning votes). */
  readonly strongestPaths: readonly (readonly number[])[];
  /** Best first; candidates sharing a place are in the same inner array. */
  readonly ranking: readonly (readonly string[])[];
}

export type CountReport = RankedCountReport | SchulzeReport;
