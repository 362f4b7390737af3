import { describe, expect, it } from "vitest";
import { amendmentEffect } from "./amendment-view";
import { diffSide, hashText, type DiffSegment } from "./text";
import {
  AIMS,
  MEMBERS,
  NAME,
  clause,
  deepFreeze,
  entrench,
  insertAfter,
  move,
  remove,
  rename,
  replace,
  replaceText,
  sampleDocument,
  words,
} from "./text/test-support";

const doc = () => deepFreeze(sampleDocument());

function changed(segments: readonly DiffSegment[], kind: "added" | "removed"): string {
  return segments
    .filter((s) => s.kind === kind)
    .map((s) => s.text)
    .join("|");
}

describe("amendmentEffect: changes to the words", () => {
  it("shows a replaceText as the clause before and after, with only the changed word removed and added", () => {
    const effect = amendmentEffect(doc(), replaceText("members", MEMBERS, MEMBERS.replace("yearly", "monthly")));
    expect(effect.clauseTitle).toBe("Membership");
    expect(effect.before).toBe(MEMBERS);
    expect(effect.after).toBe("Anyone who supports the aims may join.\n\nMembers pay a monthly fee set by the conference.");
    expect(changed(effect.segments, "removed")).toBe("yearly");
    expect(changed(effect.segments, "added")).toBe("monthly");
    expect(diffSide(effect.segments, "before")).toBe(effect.before);
    expect(diffSide(effect.segments, "after")).toBe(effect.after);
    expect(effect.note).toBeNull();
    expect(clause(effect.document ?? { clauses: [] }, "members").text).toBe(effect.after);
  });

  it("replaces the lines a line anchor names, counted within the clause", () => {
    // MEMBERS line 1: "Anyone who supports the aims may join."; line 2: "Members pay a yearly fee …".
    const effect = amendmentEffect(doc(), replace("members", MEMBERS, { lines: { from: 2, to: 2 } }, "Membership is free."));
    expect(effect.after).toBe("Anyone who supports the aims may join.\n\nMembership is free.");
    expect(changed(effect.segments, "removed")).toBe("Members pay a yearly fee set by the conference.");
    expect(changed(effect.segments, "added")).toBe("Membership is free.");
    expect(effect.segments[0]).toEqual({ kind: "same", text: "Anyone who supports the aims may join.\n\n" });
    expect(effect.note).toBeNull();
    expect(effect.document).not.toBeNull();
  });

  it("replaces a span of words inside a line, leaving the words around it", () => {
    // NAME: The(0) name(1) of(2) the(3) party(4) is(5) the(6) Example(7) Party.(8)
    const effect = amendmentEffect(doc(), replace("name", NAME, words(1, 7, 1, 8), "Sample"));
    expect(effect.after).toBe("The name of the party is the Sample Party.");
    expect(changed(effect.segments, "removed")).toBe("Example");
    expect(changed(effect.segments, "added")).toBe("Sample");
  });

  it("deletes whole lines when the replacement is empty", () => {
    const effect = amendmentEffect(doc(), replace("members", MEMBERS, { lines: { from: 1, to: 1 } }, ""));
    expect(effect.after).toBe("Members pay a yearly fee set by the conference.");
    expect(changed(effect.segments, "removed")).toContain("Anyone who supports the aims may join.");
    expect(changed(effect.segments, "added")).toBe("");
  });
});

describe("amendmentEffect: changes to the clauses", () => {
  it("shows a new clause as all added, under its own title, with a note of where it goes", () => {
    const effect = amendmentEffect(doc(), insertAfter("name", "values", "We value fairness."));
    expect(effect.clauseTitle).toBe("Title values");
    expect(effect.before).toBe("");
    expect(effect.after).toBe("We value fairness.");
    expect(effect.segments).toEqual([{ kind: "added", text: "We value fairness.", whole: true }]);
    expect(effect.note).toBe("A new clause “Title values” after “Name”.");
    expect(effect.document?.clauses.map((c) => c.id)).toEqual(["name", "values", "aims", "members"]);
  });

  it("shows a deleted clause as all removed, with a note", () => {
    const effect = amendmentEffect(doc(), remove("aims"));
    expect(effect.clauseTitle).toBe("Aims");
    expect(effect.before).toBe(AIMS);
    expect(effect.after).toBe("");
    expect(effect.segments.every((s) => s.kind === "removed")).toBe(true);
    expect(changed(effect.segments, "removed")).toContain("a green economy");
    expect(effect.note).toBe("The clause is deleted.");
    expect(effect.document?.clauses.map((c) => c.id)).toEqual(["name", "members"]);
  });

  it("shows a move as a note naming the clause it goes after, the words unchanged", () => {
    const effect = amendmentEffect(doc(), move("name", "members"));
    expect(effect.clauseTitle).toBe("Name");
    expect(effect.before).toBe(NAME);
    expect(effect.after).toBe(NAME);
    expect(effect.segments).toEqual([{ kind: "same", text: NAME }]);
    expect(effect.note).toBe("The clause moves to after “Membership”.");
    expect(effect.document?.clauses.map((c) => c.id)).toEqual(["aims", "members", "name"]);
  });

  it("notes that a clause becomes entrenched, or stops being entrenched", () => {
    const on = amendmentEffect(doc(), entrench("name", true));
    expect(on.note).toBe("The clause becomes entrenched: changing it will need two thirds.");
    expect(on.segments).toEqual([{ kind: "same", text: NAME }]);
    expect(on.document ? clause(on.document, "name").entrenched : null).toBe(true);
    const off = amendmentEffect(doc(), entrench("aims", false));
    expect(off.note).toBe("The clause stops being entrenched.");
    expect(off.before).toBe(AIMS);
    expect(off.after).toBe(AIMS);
    expect(off.document ? clause(off.document, "aims").entrenched : null).toBe(false);
  });

  it("notes a new title, keeping the clause's present title as the one it changes", () => {
    const effect = amendmentEffect(doc(), rename("members", "Joining the party"));
    expect(effect.clauseTitle).toBe("Membership");
    expect(effect.note).toBe("The title becomes “Joining the party”.");
    expect(effect.after).toBe(MEMBERS);
    expect(changed(effect.segments, "added")).toBe("");
    expect(effect.document ? clause(effect.document, "members").title : null).toBe("Joining the party");
  });
});

describe("amendmentEffect: amendments that no longer apply", () => {
  it("has no document for a change written against an older text, and shows no change", () => {
    const stale = { ...replaceText("members", MEMBERS, "Membership is free."), baseHash: hashText("An older text.") };
    const effect = amendmentEffect(doc(), stale);
    expect(effect.document).toBeNull();
    expect(effect.before).toBe(MEMBERS);
    expect(effect.after).toBe(MEMBERS);
    expect(effect.segments.every((s) => s.kind === "same")).toBe(true);
  });

  it("has no document for a line anchor past the end of the clause", () => {
    const effect = amendmentEffect(doc(), replace("members", MEMBERS, { lines: { from: 3, to: 3 } }, "More."));
    expect(effect.document).toBeNull();
    expect(effect.after).toBe(MEMBERS);
  });

  it("has no document for a new clause that would reuse an existing clause's id", () => {
    const effect = amendmentEffect(doc(), insertAfter("name", "aims", "Again."));
    expect(effect.document).toBeNull();
    expect(effect.after).toBe("Again.");
  });
});
