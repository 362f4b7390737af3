/**
 * How an amendment reads to a member: what kind of change it is, the clause before and after it
 * (applied on its own to the published text), and a word diff of the two. The amendment is
 * applied whole; what is shown is cut to the clause limit (shown-text.ts), so text stored before
 * the limits cannot make the diff, the line numbering or the page itself slow. Pure.
 */
import { amendmentNotes } from "./messages";
import { shownText, shownTitle } from "./shown-text";
import {
  applyAmendment,
  comparableWordByWord,
  findConflicts,
  wholeChange,
  wordDiff,
  type Amendment,
  type ConstitutionDocument,
  type DiffSegment,
} from "./text";

export interface AmendmentEffect {
  /** The clause it changes, or the new clause it adds. */
  clauseTitle: string;
  /** The clause's text before and after, each cut to the clause limit when stored longer. */
  before: string;
  after: string;
  /** A sentence for each side cut short (only text stored before the limits). */
  cut: string[];
  segments: DiffSegment[];
  /** False when the texts are too long to compare word by word: `segments` then give them whole. */
  comparedWordByWord: boolean;
  /** A sentence for changes that are not about words: moves, entrenchment, a new title. */
  note: string | null;
  /**
   * The whole document with only this amendment applied, uncut: pages cut it as they show it
   * (numberedView, shownDocument); null when it no longer applies.
   */
  document: ConstitutionDocument | null;
}

export function amendmentEffect(original: ConstitutionDocument, amendment: Amendment): AmendmentEffect {
  const applied = applyAmendment(original, amendment);
  const document = applied.ok ? applied.document : null;
  const titleOf = (doc: ConstitutionDocument | null, id: string | null) => shownTitle(doc?.clauses.find((c) => c.id === id)?.title ?? id ?? "");
  if (amendment.kind === "insertAfter") {
    const title = shownTitle(amendment.clause.title);
    const text = shownText(amendment.clause.text, "clauseText");
    return {
      clauseTitle: title,
      before: "",
      after: text.text,
      cut: text.cut ? [text.cut] : [],
      segments: wordDiff("", text.text),
      comparedWordByWord: true,
      note: amendment.afterClauseId === null ? amendmentNotes.newAtStart(title) : amendmentNotes.newAfter(title, titleOf(original, amendment.afterClauseId)),
      document,
    };
  }
  const clause = original.clauses.find((c) => c.id === amendment.clauseId);
  const fullBefore = clause?.text ?? "";
  const changed = applied.ok ? applied.document.clauses.find((c) => c.id === amendment.clauseId) : undefined;
  const fullAfter = amendment.kind === "delete" ? "" : (changed?.text ?? fullBefore);
  const before = shownText(fullBefore, "clauseText");
  const after = fullAfter === fullBefore ? before : shownText(fullAfter, "clauseText");
  let note: string | null = null;
  if (amendment.kind === "delete") note = amendmentNotes.deleted;
  if (amendment.kind === "move")
    note = amendment.afterClauseId === null ? amendmentNotes.movesToStart : amendmentNotes.movesAfter(titleOf(original, amendment.afterClauseId));
  if (amendment.kind === "rename") note = amendmentNotes.renamed(shownTitle(amendment.title));
  if (amendment.kind === "setEntrenched") note = amendment.entrenched ? amendmentNotes.entrenched : amendmentNotes.unentrenched;
  // Whether to compare word by word is decided on the stored texts, as before they were cut:
  // a change too long to compare stays shown whole, now cut, with both sentences.
  const comparedWordByWord = comparableWordByWord(fullBefore, fullAfter);
  return {
    clauseTitle: shownTitle(clause?.title ?? amendment.clauseId),
    before: before.text,
    after: after.text,
    cut: [...new Set([before.cut, after.cut].filter((c): c is string => c !== null))],
    segments: comparedWordByWord ? wordDiff(before.text, after.text) : wholeChange(before.text, after.text),
    comparedWordByWord,
    note,
    document,
  };
}

/**
 * For each open amendment, the numbers of the open amendments it competes with (standing orders
 * 7.12): shown to members while drafting, so they know these will be ranked against each other.
 */
export function competitors(original: ConstitutionDocument, open: readonly { number: number; engine: Amendment }[]): Map<number, number[]> {
  const numberOf = new Map(open.map((a) => [a.engine.id, a.number]));
  const result = new Map<number, number[]>();
  for (const pair of findConflicts(
    open.map((a) => a.engine),
    original,
  ).pairs) {
    const a = numberOf.get(pair.a);
    const b = numberOf.get(pair.b);
    if (a === undefined || b === undefined) continue;
    result.set(a, [...(result.get(a) ?? []), b]);
    result.set(b, [...(result.get(b) ?? []), a]);
  }
  for (const list of result.values()) list.sort((x, y) => x - y);
  return result;
}
