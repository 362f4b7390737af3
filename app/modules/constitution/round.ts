/**
 * A voting round on the draft, as pure rules (standing orders 8.5 and section 10): which
 * questions each clause's ballot asks, what majority each needs, and what the counted results
 * decide. The database side (round.server.ts) turns plans into polls and results into statuses.
 */
import { countYesNo, fraction, type MajorityRule, type SchulzeReport, type YesNoResult } from "~/modules/ballots";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { amendmentClauseId, applyAll, findConflicts, sortAmendments, type Amendment, type ConstitutionDocument } from "./text";

export interface RoundRules {
  ordinaryMajority: MajorityRule;
  entrenchedMajority: MajorityRule;
  quorumPercent: number;
}

export type ItemKind = "amendment" | "competing" | "clause";

export interface PlannedItem {
  kind: ItemKind;
  clauseId: string;
  /** amendment: one id; competing: the group, in option order after "No change"; clause: none. */
  amendmentIds: string[];
  majority: MajorityRule;
}

export interface ClausePlan {
  clauseId: string;
  items: PlannedItem[];
}

/** Option 0 of every competing question. */
export const NO_CHANGE_LABEL = "No change";

/**
 * Amending or deleting an entrenched clause, or changing whether a clause is entrenched, needs
 * the entrenched majority; so does adding a clause that would be entrenched (8.5).
 */
export function amendmentMajority(amendment: Amendment, document: ConstitutionDocument, rules: RoundRules): MajorityRule {
  if (amendment.kind === "setEntrenched") return rules.entrenchedMajority;
  if (amendment.kind === "insertAfter") return amendment.clause.entrenched ? rules.entrenchedMajority : rules.ordinaryMajority;
  const clause = document.clauses.find((c) => c.id === amendment.clauseId);
  return clause?.entrenched ? rules.entrenchedMajority : rules.ordinaryMajority;
}

/**
 * The questions of one round: for each pending clause in document order, its amendments (each
 * standing alone as yes/no, each competing group as one ranked question), then the clause as
 * amended. An amendment adding a clause at the very start is asked on the ballot of the clause it
 * is filed under. Amendments that cannot be placed against the text (a stale base), or that change
 * a clause already decided, are left out and returned.
 */
export function planRound(
  document: ConstitutionDocument,
  candidates: readonly Amendment[],
  pendingClauseIds: ReadonlySet<string>,
  rules: RoundRules,
  /** Where each amendment is stored (amendments.clause_id), so ballots and pages agree. */
  filing: ReadonlyMap<string, string> = new Map(),
): { plans: ClausePlan[]; leftOut: string[] } {
  const ordered = [...document.clauses].sort((a, b) => a.order - b.order);
  const firstPending = ordered.find((c) => pendingClauseIds.has(c.id))?.id ?? null;
  // A new clause is asked on the ballot of the clause it is filed under, or, if that clause is
  // already decided, on the first pending clause's; an amendment to a decided clause is moot.
  const filedUnder = (a: Amendment): string | null => {
    const clauseId = filing.get(a.id) ?? amendmentClauseId(a) ?? ordered[0]?.id ?? null;
    if (clauseId !== null && pendingClauseIds.has(clauseId)) return clauseId;
    return a.kind === "insertAfter" ? firstPending : null;
  };
  const onBallot = candidates.filter((a) => filedUnder(a) !== null);
  const report = findConflicts(onBallot, document);
  const leftOut = new Set([...report.unresolved.map((u) => u.id), ...candidates.filter((a) => filedUnder(a) === null).map((a) => a.id)]);
  const byId = new Map(onBallot.map((a) => [a.id, a]));
  const grouped = new Map<string, string[]>();
  for (const group of report.groups) for (const id of group.amendmentIds) grouped.set(id, group.amendmentIds);

  const plans = new Map<string, PlannedItem[]>(ordered.filter((c) => pendingClauseIds.has(c.id)).map((c) => [c.id, []]));
  const asked = new Set<string>();
  for (const amendment of sortAmendments(document, onBallot)) {
    if (leftOut.has(amendment.id) || asked.has(amendment.id)) continue;
    const clauseId = filedUnder(amendment);
    const items = clauseId === null ? undefined : plans.get(clauseId);
    if (!items || clauseId === null) continue;
    const group = grouped.get(amendment.id)?.filter((id) => !leftOut.has(id));
    if (group && group.length > 1) {
      for (const id of group) asked.add(id);
      const majorities = group.map((id) => {
        const member = byId.get(id);
        return member ? amendmentMajority(member, document, rules) : rules.ordinaryMajority;
      });
      items.push({ kind: "competing", clauseId, amendmentIds: group, majority: strictest(majorities) });
    } else {
      asked.add(amendment.id);
      items.push({ kind: "amendment", clauseId, amendmentIds: [amendment.id], majority: amendmentMajority(amendment, document, rules) });
    }
  }
  const result: ClausePlan[] = [];
  for (const clause of ordered) {
    const items = plans.get(clause.id);
    if (!items) continue;
    items.push({ kind: "clause", clauseId: clause.id, amendmentIds: [], majority: clause.entrenched ? rules.entrenchedMajority : rules.ordinaryMajority });
    result.push({ clauseId: clause.id, items });
  }
  return { plans: result, leftOut: [...leftOut] };
}

const strength: Record<MajorityRule, number> = { simple: 0, absolute: 1, "two-thirds": 2 };
function strictest(rules: readonly MajorityRule[]): MajorityRule {
  return rules.reduce<MajorityRule>((a, b) => (strength[b] > strength[a] ? b : a), "simple");
}

/** A counted question, as round.server.ts reads it back from the poll. */
export interface CountedItem {
  item: PlannedItem;
  result: PollResult;
  rollSize: number;
  ballotCount: number;
}

export type AmendmentOutcome = "carried" | "lost" | "undecided";
export type ClauseOutcome = "adopted" | "rejected" | "pending";

export interface ItemOutcome {
  item: PlannedItem;
  /** For yes/no questions, and for a competing question the winner against "No change". */
  vote: YesNoResult | null;
  /** Competing questions: the amendment carried, if any. */
  winner: string | null;
  quorumMet: boolean;
}

export interface RoundOutcome {
  amendments: Map<string, AmendmentOutcome>;
  clauses: Map<string, ClauseOutcome>;
  items: ItemOutcome[];
}

/**
 * What the counted questions decide. A question whose quorum is not met decides nothing (8.2):
 * its amendments stay undecided and the clause stays pending, for a later round. A competing
 * group's Schulze winner is carried only if it also beats "No change" head to head with the
 * majority its amendments need (10.2); a first place shared with "No change" keeps the text.
 */
export function decideRound(counted: readonly CountedItem[], quorumPercent: number): RoundOutcome {
  const amendments = new Map<string, AmendmentOutcome>();
  const clauses = new Map<string, ClauseOutcome>();
  const items: ItemOutcome[] = [];
  for (const { item, result, rollSize, ballotCount } of counted) {
    if (result.kind === "yes-no") {
      const vote = result.result;
      const quorumMet = vote.code !== "quorum-not-met";
      items.push({ item, vote, winner: null, quorumMet });
      if (item.kind === "clause") clauses.set(item.clauseId, !quorumMet ? "pending" : vote.passed ? "adopted" : "rejected");
      else for (const id of item.amendmentIds) amendments.set(id, !quorumMet ? "undecided" : vote.passed ? "carried" : "lost");
      continue;
    }
    const report = result.report as SchulzeReport;
    const head = headToHead(report, item, rollSize, ballotCount, quorumPercent);
    items.push({ item, vote: head.vote, winner: head.winner, quorumMet: head.quorumMet });
    for (const id of item.amendmentIds) {
      amendments.set(id, !head.quorumMet ? "undecided" : id === head.winner ? "carried" : "lost");
    }
  }
  return { amendments, clauses, items };
}

/** Candidate labels of a competing question: "No change", then one per amendment. */
export function competingLabels(amendmentNumbers: readonly number[]): string[] {
  return [NO_CHANGE_LABEL, ...amendmentNumbers.map((n) => `Amendment A${n}`)];
}

function headToHead(report: SchulzeReport, item: PlannedItem, rollSize: number, ballotCount: number, quorumPercent: number) {
  const quorumMet = ballotCount * 100 >= rollSize * quorumPercent;
  const first = report.ranking[0] ?? [];
  const winnerName = first.includes(NO_CHANGE_LABEL) ? NO_CHANGE_LABEL : (report.elected[0] ?? NO_CHANGE_LABEL);
  const w = report.candidates.indexOf(winnerName);
  if (!quorumMet || w <= 0) return { quorumMet, winner: null, vote: null };
  const yes = report.pairwise[w]?.[0] ?? 0;
  const no = report.pairwise[0]?.[w] ?? 0;
  const vote = countYesNo({ yes, no, abstain: ballotCount - yes - no, roll: rollSize }, { quorum: fraction(quorumPercent, 100), majority: item.majority });
  // Options are "No change" then the group's amendments in order, so option w is amendment w - 1.
  return { quorumMet, winner: vote.passed ? (item.amendmentIds[w - 1] ?? null) : null, vote };
}

/**
 * The text as it stands after the carried amendments, and which clauses are gone: deleted by a
 * carried amendment, or rejected in stage 2 (10.4: a rejected clause is left out).
 */
export function textAfter(original: ConstitutionDocument, carried: readonly Amendment[]) {
  return applyAll(original, carried);
}

export interface UndecidedClause {
  id: string;
  title: string;
  /** The clause's number in the text as amended (1, 2, …). */
  number: number;
  /** For a clause added by a carried amendment: that amendment's id (its own question comes next, 10.3). */
  addedBy: string | null;
}

/**
 * The clauses of the text as amended that no round has decided: the one count of "undecided"
 * that the Manage and Results pages, openRound and openAdoptionVote all use. A clause added by a
 * carried amendment is among them until its own stage 2 question is decided (standing orders 10.3).
 */
export function undecidedClauses(
  amended: ConstitutionDocument,
  decided: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  /** Clause id → the carried amendment that added it. */
  addedBy: ReadonlyMap<string, string> = new Map(),
): UndecidedClause[] {
  return amended.clauses.flatMap((c, i) => (decided.has(c.id) ? [] : [{ id: c.id, title: c.title, number: i + 1, addedBy: addedBy.get(c.id) ?? null }]));
}
