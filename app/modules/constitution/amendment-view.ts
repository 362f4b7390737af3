/**
 * How an amendment reads to a member: what kind of change it is, the clause before and after it
 * (applied on its own to the published text), and a word diff of the two. Pure.
 */
import { applyAmendment, comparableWordByWord, findConflicts, wordDiff, type Amendment, type ConstitutionDocument, type DiffSegment } from "./text";

export interface AmendmentEffect {
  /** The clause it changes, or the new clause it adds. */
  clauseTitle: string;
  before: string;
  after: string;
  segments: DiffSegment[];
  /** False when the texts are too long to compare word by word: `segments` then give them whole. */
  comparedWordByWord: boolean;
  /** A sentence for changes that are not about words: moves, entrenchment, a new title. */
  note: string | null;
  /** The whole document with only this amendment applied; null when it no longer applies. */
  document: ConstitutionDocument | null;
}

export function amendmentEffect(original: ConstitutionDocument, amendment: Amendment): AmendmentEffect {
  const applied = applyAmendment(original, amendment);
  const document = applied.ok ? applied.document : null;
  const titleOf = (doc: ConstitutionDocument | null, id: string | null) => doc?.clauses.find((c) => c.id === id)?.title ?? id ?? "";
  if (amendment.kind === "insertAfter") {
    const text = amendment.clause.text;
    return { clauseTitle: amendment.clause.title, before: "", after: text, segments: wordDiff("", text), comparedWordByWord: true, note: amendment.afterClauseId === null ? `A new clause “${amendment.clause.title}” at the start.` : `A new clause “${amendment.clause.title}” after “${titleOf(original, amendment.afterClauseId)}”.`, document };
  }
  const clause = original.clauses.find((c) => c.id === amendment.clauseId);
  const before = clause?.text ?? "";
  const changed = document?.clauses.find((c) => c.id === amendment.clauseId) ?? null;
  const after = amendment.kind === "delete" ? "" : (changed?.text ?? before);
  let note: string | null = null;
  if (amendment.kind === "delete") note = "The clause is deleted.";
  if (amendment.kind === "move") note = amendment.afterClauseId === null ? "The clause moves to the start." : `The clause moves to after “${titleOf(original, amendment.afterClauseId)}”.`;
  if (amendment.kind === "rename") note = `The title becomes “${amendment.title}”.`;
  if (amendment.kind === "setEntrenched") note = amendment.entrenched ? "The clause becomes entrenched: changing it will need two thirds." : "The clause stops being entrenched.";
  return { clauseTitle: clause?.title ?? amendment.clauseId, before, after, segments: wordDiff(before, after), comparedWordByWord: comparableWordByWord(before, after), note, document };
}

/**
 * For each open amendment, the numbers of the open amendments it competes with (standing orders
 * 7.12): shown to members while drafting, so they know these will be ranked against each other.
 */
export function competitors(original: ConstitutionDocument, open: readonly { number: number; engine: Amendment }[]): Map<number, number[]> {
  const numberOf = new Map(open.map((a) => [a.engine.id, a.number]));
  const result = new Map<number, number[]>();
  for (const pair of findConflicts(open.map((a) => a.engine), original).pairs) {
    const a = numberOf.get(pair.a);
    const b = numberOf.get(pair.b);
    if (a === undefined || b === undefined) continue;
    result.set(a, [...(result.get(a) ?? []), b]);
    result.set(b, [...(result.get(b) ?? []), a]);
  }
  for (const list of result.values()) list.sort((x, y) => x - y);
  return result;
}
