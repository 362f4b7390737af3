/** Fixtures shared by the text engine's tests. */
import { hashText } from "./hash";
import type {
  Anchor,
  Clause,
  ConstitutionDocument,
  DeleteAmendment,
  InsertAfterAmendment,
  MoveAmendment,
  RenameAmendment,
  ReplaceAmendment,
  ReplaceTextAmendment,
  SetEntrenchedAmendment,
} from "./types";

export const NAME = "The name of the party is the Example Party.";
export const AIMS = "The party's aims are:\n\n- fair votes for everyone\n- a green economy\n- public services run for people";
export const MEMBERS = "Anyone who supports the aims may join.\n\nMembers pay a yearly fee set by the conference.";

export function sampleDocument(): ConstitutionDocument {
  return {
    clauses: [
      { id: "name", title: "Name", order: 10, entrenched: false, text: NAME },
      { id: "aims", title: "Aims", order: 20, entrenched: true, text: AIMS },
      { id: "members", title: "Membership", order: 30, entrenched: false, text: MEMBERS },
    ],
  };
}

export function clause(document: ConstitutionDocument, id: string): Clause {
  const found = document.clauses.find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
}

let counter = 0;
const next = () => ++counter;

export function words(fl: number, fw: number, tl: number, tw: number): Anchor {
  return { from: { line: fl, word: fw }, to: { line: tl, word: tw } };
}

export function replace(clauseId: string, base: string, anchor: Anchor, text: string, id = `r${next()}`, createdAt = counter): ReplaceAmendment {
  return { kind: "replace", id, createdAt, clauseId, baseHash: hashText(base), anchor, text };
}

export function replaceText(clauseId: string, base: string, text: string, id = `t${next()}`, createdAt = counter): ReplaceTextAmendment {
  return { kind: "replaceText", id, createdAt, clauseId, baseHash: hashText(base), text };
}

export function insertAfter(afterClauseId: string | null, newId: string, text = "New text.", id = `i${next()}`, createdAt = counter): InsertAfterAmendment {
  return { kind: "insertAfter", id, createdAt, afterClauseId, clause: { id: newId, title: `Title ${newId}`, text } };
}

export function remove(clauseId: string, id = `d${next()}`, createdAt = counter): DeleteAmendment {
  return { kind: "delete", id, createdAt, clauseId };
}

export function move(clauseId: string, afterClauseId: string | null, id = `m${next()}`, createdAt = counter): MoveAmendment {
  return { kind: "move", id, createdAt, clauseId, afterClauseId };
}

export function rename(clauseId: string, title: string, id = `n${next()}`, createdAt = counter): RenameAmendment {
  return { kind: "rename", id, createdAt, clauseId, title };
}

export function entrench(clauseId: string, entrenched: boolean, id = `e${next()}`, createdAt = counter): SetEntrenchedAmendment {
  return { kind: "setEntrenched", id, createdAt, clauseId, entrenched };
}

/** Deep-freezes a value so a test fails if anything mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
