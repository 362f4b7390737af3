/**
 * Competing amendments (standing orders 7.12): amendments that change the same words of a
 * clause, or cannot all apply together. Each group of competing amendments becomes one ranked
 * question (Schulze) with "No change"; an amendment that competes with none is a yes/no question.
 */
import { changedRange, rangesOverlap } from "./edits";
import { hashText } from "./hash";
import { amendmentEdits, sortAmendments } from "./operations";
import type { Amendment, ApplyErrorCode, CharRange, ConstitutionDocument } from "./types";

export type ConflictReason =
  /** Both change some of the same words (or insert at the same point, or next to the other's change). */
  | "overlap"
  /** One deletes the clause the other changes, moves, renames or also deletes. */
  | "deleted"
  | "both-move"
  | "both-rename"
  | "both-entrench";

export interface ConflictPair {
  a: string;
  b: string;
  reason: ConflictReason;
}

export interface ConflictGroup {
  clauseId: string;
  /** In the order of sortAmendments. */
  amendmentIds: string[];
}

export interface ConflictReport {
  /** Connected groups of two or more competing amendments, in document order. */
  groups: ConflictGroup[];
  /** Every competing pair found (a before b in sortAmendments order). */
  pairs: ConflictPair[];
  /** Amendments competing with none, in sortAmendments order. */
  standalone: string[];
  /**
   * Amendments that cannot be placed against the current text: "stale-base" (rebase first),
   * "unknown-clause", "anchor-out-of-range", "duplicate-clause".
   */
  unresolved: { id: string; code: ApplyErrorCode }[];
}

function reasonFor(a: Amendment, b: Amendment, edits: Map<string, CharRange[]>): ConflictReason | null {
  if (a.kind === "delete" || b.kind === "delete") return "deleted";
  if (a.kind === "move" && b.kind === "move") return "both-move";
  if (a.kind === "rename" && b.kind === "rename") return "both-rename";
  if (a.kind === "setEntrenched" && b.kind === "setEntrenched") return "both-entrench";
  const aEdits = edits.get(a.id);
  const bEdits = edits.get(b.id);
  if (aEdits && bEdits && aEdits.some((x) => bEdits.some((y) => rangesOverlap(x, y)))) return "overlap";
  return null;
}

/**
 * Finds competing amendments among those proposed against `document` (the current draft).
 * Text amendments are compared by the characters they change in the current clause text, so
 * two changes to different words of one clause do not compete (both can apply: applyAll
 * re-anchors the second over the first), while a `replaceText` competes with every amendment
 * touching a word it changes. Groups are connected components: if A competes with B and B
 * with C, all three are one group, even when A and C could both apply.
 */
export function findConflicts(amendments: readonly Amendment[], document: ConstitutionDocument): ConflictReport {
  const clauses = new Map(document.clauses.map((c) => [c.id, c]));
  const hashes = new Map<string, string>();
  const hashOf = (clauseId: string, text: string) => {
    let hash = hashes.get(clauseId);
    if (hash === undefined) {
      hash = hashText(text);
      hashes.set(clauseId, hash);
    }
    return hash;
  };

  const unresolved: ConflictReport["unresolved"] = [];
  /** What each text amendment changes in the current text, spacing included. */
  const edits = new Map<string, CharRange[]>();
  const resolved: Amendment[] = [];
  for (const amendment of sortAmendments(document, amendments)) {
    if (amendment.kind === "insertAfter") {
      if (amendment.afterClauseId !== null && !clauses.has(amendment.afterClauseId)) {
        unresolved.push({ id: amendment.id, code: "unknown-clause" });
      } else if (clauses.has(amendment.clause.id)) {
        unresolved.push({ id: amendment.id, code: "duplicate-clause" });
      } else {
        resolved.push(amendment);
      }
      continue;
    }
    const clause = clauses.get(amendment.clauseId);
    if (!clause) {
      unresolved.push({ id: amendment.id, code: "unknown-clause" });
      continue;
    }
    if (amendment.kind === "replace" || amendment.kind === "replaceText") {
      if (amendment.baseHash !== hashOf(clause.id, clause.text)) {
        unresolved.push({ id: amendment.id, code: "stale-base" });
        continue;
      }
      const changes = amendmentEdits(amendment, clause.text);
      if (!changes) {
        unresolved.push({ id: amendment.id, code: "anchor-out-of-range" });
        continue;
      }
      edits.set(
        amendment.id,
        changes.map((edit) => changedRange(clause.text, edit)),
      );
    }
    resolved.push(amendment);
  }

  const parent = new Map(resolved.map((a) => [a.id, a.id]));
  const root = (id: string): string => {
    let current = id;
    for (let next = parent.get(current); next !== undefined && next !== current; next = parent.get(current)) {
      current = next;
    }
    parent.set(id, current);
    return current;
  };

  const pairs: ConflictPair[] = [];
  const byClause = new Map<string, Amendment[]>();
  for (const amendment of resolved) {
    if (amendment.kind === "insertAfter") continue;
    const list = byClause.get(amendment.clauseId) ?? [];
    list.push(amendment);
    byClause.set(amendment.clauseId, list);
  }
  for (const list of byClause.values()) {
    list.forEach((a, i) => {
      for (const b of list.slice(i + 1)) {
        const reason = reasonFor(a, b, edits);
        if (!reason) continue;
        pairs.push({ a: a.id, b: b.id, reason });
        parent.set(root(b.id), root(a.id));
      }
    });
  }

  const members = new Map<string, Amendment[]>();
  for (const amendment of resolved) {
    const key = root(amendment.id);
    members.set(key, [...(members.get(key) ?? []), amendment]);
  }
  const groups: ConflictGroup[] = [];
  const standalone: string[] = [];
  for (const amendment of resolved) {
    const group = members.get(root(amendment.id)) ?? [];
    if (group.length < 2) standalone.push(amendment.id);
    else if (group[0] === amendment && amendment.kind !== "insertAfter") {
      groups.push({ clauseId: amendment.clauseId, amendmentIds: group.map((a) => a.id) });
    }
  }
  return { groups, pairs, standalone, unresolved };
}
