import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { countElection, countReferenceRule, countYesNo, fraction, groupBallots, sheetFromRankedReport, writeBlt } from "~/modules/ballots";
import type { CountReport, CountSheet, Election, YesNoResult } from "~/modules/ballots";
import { isReferenceRule } from "~/modules/ballots/reference-rules";
import { canonicalJson } from "~/modules/audit/chain";
import type { BallotContent, PollMethod, PublicationMode } from "../../../db/schema/polls";

/**
 * Pure rules for polls: what a valid ballot is, how ballots chain, how a closed poll is counted
 * and published. No database here, so the verification command and tests use the same code.
 */

export interface PollOptionInfo {
  position: number;
  label: string;
  isRon: boolean;
  withdrawn: boolean;
}

export interface PollRules {
  title: string;
  method: PollMethod;
  seats: number;
  quorum: { numerator: number; denominator: number };
  majority: "simple" | "absolute" | "two-thirds";
  lotSeed: string;
  options: readonly PollOptionInfo[];
}

export type BallotProblem = "choice_missing" | "ranking_empty" | "ranking_duplicate" | "ranking_unknown_option" | "ranking_withdrawn_option" | "ranking_gap";

export type BallotCheck = { ok: true; content: BallotContent } | { ok: false; code: BallotProblem };

/** Checks a ballot as submitted (yes/no choice, or positions most preferred first). */
export function checkBallot(rules: PollRules, input: { choice?: string; ranking?: readonly number[] }): BallotCheck {
  if (rules.method === "yes-no") {
    if (input.choice === "yes" || input.choice === "no" || input.choice === "abstain") {
      return { ok: true, content: { choice: input.choice } };
    }
    return { ok: false, code: "choice_missing" };
  }
  const ranking = input.ranking ?? [];
  // A blank Schulze paper takes part without ranking anything: an abstention on a choice between
  // texts (standing orders 8.1). Elections still need at least one preference.
  if (ranking.length === 0)
    return rules.method === "schulze" && input.ranking !== undefined ? { ok: true, content: { ranking: [] } } : { ok: false, code: "ranking_empty" };
  const seen = new Set<number>();
  for (const position of ranking) {
    const option = rules.options.find((o) => o.position === position);
    if (!option) return { ok: false, code: "ranking_unknown_option" };
    if (option.withdrawn) return { ok: false, code: "ranking_withdrawn_option" };
    if (seen.has(position)) return { ok: false, code: "ranking_duplicate" };
    seen.add(position);
  }
  return { ok: true, content: { ranking: [...ranking] } };
}

export const GENESIS_BALLOT_HASH = "0".repeat(64);

export function ballotHash(prevHash: string, receipt: string, content: BallotContent): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson({ prevHash, receipt, content }))));
}

export interface ChainedBallot {
  receipt: string;
  content: BallotContent;
  prevHash: string;
  hash: string;
}

export type BallotChainCheck =
  | { ok: true; length: number; head: string }
  | { ok: false; code: "hash_mismatch" | "broken_link" | "fork" | "head_mismatch"; receipt?: string };

/**
 * Where strand k of a poll's voting-time chain starts: k in hexadecimal, as long as a hash. Strand
 * 0 starts where a single chain always has (GENESIS_BALLOT_HASH); no ballot's hash can be one of
 * these, so every strand can be followed from its own start without knowing which ballot is on it.
 */
export function strandGenesis(strand: number): string {
  return strand.toString(16).padStart(64, "0");
}

/** A strand of a voting-time chain, as its row in poll_chains keeps it. */
export interface ChainStrand {
  strand: number;
  head: string;
}

/**
 * Ballots are stored in no order; each strand is followed from its genesis through each ballot's
 * predecessor, and must end at the head its row keeps. Every ballot must be on exactly one strand.
 */
export function checkBallotStrands(ballots: readonly ChainedBallot[], strands: readonly ChainStrand[]): BallotChainCheck {
  const byPrev = new Map<string, ChainedBallot>();
  for (const b of ballots) {
    if (ballotHash(b.prevHash, b.receipt, b.content) !== b.hash) return { ok: false, code: "hash_mismatch", receipt: b.receipt };
    if (byPrev.has(b.prevHash)) return { ok: false, code: "fork", receipt: b.receipt };
    byPrev.set(b.prevHash, b);
  }
  let length = 0;
  const reached: string[] = [];
  for (const { strand } of strands) {
    let head = strandGenesis(strand);
    for (let next = byPrev.get(head); next; next = byPrev.get(head)) {
      head = next.hash;
      length += 1;
      // A cycle cannot be built without breaking SHA-256; this only stops a walk over forged rows.
      if (length > ballots.length) return { ok: false, code: "broken_link" };
    }
    reached.push(head);
  }
  if (length !== ballots.length) return { ok: false, code: "broken_link" };
  if (strands.some((s, i) => s.head !== reached[i])) return { ok: false, code: "head_mismatch" };
  return { ok: true, length, head: reached[reached.length - 1] ?? GENESIS_BALLOT_HASH };
}

/**
 * One chain from the genesis hash (a published chain, or a voting-time chain of one strand): every
 * ballot must be on it, and it must end at the head.
 */
export function checkBallotChain(ballots: readonly ChainedBallot[], expectedHead: string): BallotChainCheck {
  return checkBallotStrands(ballots, [{ strand: 0, head: expectedHead }]);
}

/**
 * What the audit log keeps of a voting-time chain when its poll closes: one hash over every
 * strand's head, in strand order. The strands' rows are gone after the close, with the chain they
 * sealed (the ballots are re-chained then); this hash is what remains of them.
 */
export function strandsDigest(strands: readonly ChainStrand[]): string {
  const ordered = [...strands].sort((a, b) => a.strand - b.strand);
  return encodeHexLowerCase(sha256(new TextEncoder().encode(ordered.map((s) => `${s.strand}:${s.head}`).join("\n"))));
}

/**
 * The ranked ballots as an election the counting engine (and a BLT file) understands. The RON
 * option is marked explicitly (or marked as absent), so that the published file recounts the same
 * whatever the candidates are called: a candidate named Ron is a person, not re-open nominations.
 */
export function toElection(rules: PollRules, contents: readonly BallotContent[]): Election {
  const rankings = contents.flatMap((c) => ("ranking" in c ? [c.ranking] : []));
  const ordered = [...rules.options].sort((a, b) => a.position - b.position);
  const ron = ordered.find((o) => o.isRon);
  return {
    ron: ron ? ron.position : null,
    title: rules.title,
    candidates: ordered.map((o) => o.label),
    seats: rules.seats,
    ballots: groupBallots(rankings.map((ranking) => ({ ranking, weight: 1 }))),
    withdrawn: ordered.filter((o) => o.withdrawn).map((o) => o.position),
  };
}

export type PollResult =
  | { kind: "yes-no"; result: YesNoResult }
  /**
   * `sheet`: the count sheet, kept for Meek and WIGM, whose exact figures the report cannot hold;
   * worked out from the report for the others (`countSheetOf`).
   */
  | { kind: "ranked"; report: CountReport; sheet?: CountSheet };

/** A ranked result's count sheet; null for Yes/No and Schulze, which have no stages. */
export function countSheetOf(result: PollResult): CountSheet | null {
  if (result.kind !== "ranked" || result.report.method === "schulze") return null;
  if (result.sheet) return result.sheet;
  // A Meek or WIGM sheet is kept with its result; its report's figures are not exact enough to rebuild it.
  return isReferenceRule(result.report.method) ? null : sheetFromRankedReport(result.report);
}

export function countPoll(rules: PollRules, contents: readonly BallotContent[], rollSize: number): PollResult {
  if (rules.method === "yes-no") {
    const totals = { yes: 0, no: 0, abstain: 0 };
    for (const c of contents) if ("choice" in c) totals[c.choice] += 1;
    return countYesNoTotals(rules, totals, rollSize);
  }
  const ron = rules.options.find((o) => o.isRon);
  const options = { seats: rules.seats, seed: rules.lotSeed, ron: ron ? ron.position : null };
  if (isReferenceRule(rules.method)) {
    const { report, sheet } = countReferenceRule(toElection(rules, contents), rules.method, options);
    return { kind: "ranked", report, sheet };
  }
  return { kind: "ranked", report: countElection(toElection(rules, contents), rules.method, options) };
}

/**
 * A Yes/No poll counted from its totals: what an encrypted poll's decrypted tally gives (no
 * ballot is ever decrypted on its own), and what countPoll adds up from plain ballots.
 */
export function countYesNoTotals(rules: PollRules, totals: { yes: number; no: number; abstain: number }, rollSize: number): PollResult {
  return {
    kind: "yes-no",
    result: countYesNo({ ...totals, roll: rollSize }, { quorum: fraction(rules.quorum.numerator, rules.quorum.denominator), majority: rules.majority }),
  };
}

export function pollBlt(rules: PollRules, contents: readonly BallotContent[]): string {
  return writeBlt(toElection(rules, contents));
}

export interface Publication {
  mode: PublicationMode;
  /** receipts-with-rankings: each receipt beside its ballot, sorted by receipt. */
  pairs: { receipt: string; content: BallotContent }[];
  /** separate-lists: receipts sorted, and ballot contents sorted on their own. */
  receipts: string[];
  contents: BallotContent[];
}

/** Sorted so that the published order says nothing about the order of casting. */
export function publish(mode: PublicationMode, ballots: readonly { receipt: string; content: BallotContent }[]): Publication {
  const byReceipt = [...ballots].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
  if (mode === "receipts-with-rankings") {
    return { mode, pairs: byReceipt.map((b) => ({ receipt: b.receipt, content: b.content })), receipts: [], contents: [] };
  }
  const contents = ballots
    .map((b) => b.content)
    .sort((a, b) => {
      const x = canonicalJson(a);
      const y = canonicalJson(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  return { mode, pairs: [], receipts: byReceipt.map((b) => b.receipt), contents };
}
