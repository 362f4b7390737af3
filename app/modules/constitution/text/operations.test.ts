import { describe, expect, it } from "vitest";
import { hashText } from "./hash";
import { APPLY_ERROR_MESSAGES, CONFLICT_MESSAGES } from "./messages";
import { applyAll, applyAmendment, rebaseAmendment, sortAmendments } from "./operations";
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
} from "./test-support";
import type { Amendment, ApplyErrorCode, ConstitutionDocument } from "./types";

const ids = (document: ConstitutionDocument) => document.clauses.map((c) => `${c.order}:${c.id}`);

function applied(document: ConstitutionDocument, amendment: Amendment): ConstitutionDocument {
  const result = applyAmendment(document, amendment);
  if (!result.ok) throw new Error(`not applied: ${result.code}`);
  return result.document;
}

describe("applyAmendment: text", () => {
  const cases: { name: string; amendment: Amendment; clauseId: string; expected: string }[] = [
    {
      name: "replace one word",
      amendment: replace("members", MEMBERS, words(2, 3, 2, 4), "monthly"),
      clauseId: "members",
      expected: "Anyone who supports the aims may join.\n\nMembers pay a monthly fee set by the conference.",
    },
    {
      name: "replace words across paragraphs",
      amendment: replace("members", MEMBERS, words(1, 5, 2, 2), "may join and pay"),
      clauseId: "members",
      expected: "Anyone who supports the aims may join and pay a yearly fee set by the conference.",
    },
    {
      name: "replace a whole line of a list item: the marker stays",
      amendment: replace("aims", AIMS, { lines: { from: 3, to: 3 } }, "a fair economy"),
      clauseId: "aims",
      expected: "The party's aims are:\n\n- fair votes for everyone\n- a fair economy\n- public services run for people",
    },
    {
      name: "delete a whole list item: marker and line break go too",
      amendment: replace("aims", AIMS, { lines: { from: 3, to: 3 } }, ""),
      clauseId: "aims",
      expected: "The party's aims are:\n\n- fair votes for everyone\n- public services run for people",
    },
    {
      name: "delete the words of a list item by word span: the same as deleting the item",
      amendment: replace("aims", AIMS, words(4, 0, 4, 5), ""),
      clauseId: "aims",
      expected: "The party's aims are:\n\n- fair votes for everyone\n- a green economy",
    },
    {
      name: "add a list item after another",
      amendment: replace("aims", AIMS, words(3, 3, 3, 3), "\n- peace"),
      clauseId: "aims",
      expected: "The party's aims are:\n\n- fair votes for everyone\n- a green economy\n- peace\n- public services run for people",
    },
    {
      name: "insert words before a word",
      amendment: replace("name", NAME, words(1, 7, 1, 7), "New"),
      clauseId: "name",
      expected: "The name of the party is the New Example Party.",
    },
    {
      name: "delete words",
      amendment: replace("name", NAME, words(1, 1, 1, 3), ""),
      clauseId: "name",
      expected: "The the party is the Example Party.",
    },
    {
      name: "replaceText replaces the whole text",
      amendment: replaceText("name", NAME, "Our name is the Example Party."),
      clauseId: "name",
      expected: "Our name is the Example Party.",
    },
  ];
  it.each(cases)("$name", ({ amendment, clauseId, expected }) => {
    const document = deepFreeze(sampleDocument());
    const result = applied(document, amendment);
    expect(clause(result, clauseId).text).toBe(expected);
    expect(ids(result)).toEqual(ids(document));
    expect(result.clauses.filter((c) => c.id !== clauseId)).toEqual(document.clauses.filter((c) => c.id !== clauseId));
  });

  it("counts anchors at the amendment's line width", () => {
    // At width 20, line 2 of "members" is "the aims may join." and its word 2 is "may".
    const amendment = { ...replace("members", MEMBERS, words(2, 2, 2, 3), "can"), lineWidth: 20 };
    expect(clause(applied(sampleDocument(), amendment), "members").text).toBe(MEMBERS.replace("may", "can"));
  });
});

describe("applyAmendment: structure", () => {
  const cases: { name: string; amendment: Amendment; expected: string[] }[] = [
    { name: "insert a clause after another", amendment: insertAfter("name", "values"), expected: ["10:name", "15:values", "20:aims", "30:members"] },
    { name: "insert a clause at the start", amendment: insertAfter(null, "preamble"), expected: ["5:preamble", "10:name", "20:aims", "30:members"] },
    { name: "insert a clause at the end", amendment: insertAfter("members", "end"), expected: ["10:name", "20:aims", "30:members", "40:end"] },
    { name: "delete a clause (the others keep their order)", amendment: remove("aims"), expected: ["10:name", "30:members"] },
    { name: "move a clause after another", amendment: move("name", "aims"), expected: ["20:aims", "25:name", "30:members"] },
    { name: "move a clause to the start", amendment: move("members", null), expected: ["5:members", "10:name", "20:aims"] },
    { name: "move a clause where it already is", amendment: move("aims", "name"), expected: ["10:name", "20:aims", "30:members"] },
  ];
  it.each(cases)("$name", ({ amendment, expected }) => {
    expect(ids(applied(deepFreeze(sampleDocument()), amendment))).toEqual(expected);
  });

  it("a new clause has the amendment's title and text, not entrenched unless it says so", () => {
    const document = applied(sampleDocument(), insertAfter("name", "values", "We value fairness."));
    expect(clause(document, "values")).toEqual({ id: "values", title: "Title values", order: 15, entrenched: false, text: "We value fairness." });
  });

  it("renames and entrenches", () => {
    const renamed = applied(sampleDocument(), rename("members", "Members"));
    expect(clause(renamed, "members").title).toBe("Members");
    const entrenched = applied(sampleDocument(), entrench("aims", false));
    expect(clause(entrenched, "aims").entrenched).toBe(false);
    expect(ids(entrenched)).toEqual(ids(sampleDocument()));
  });

  it("sorts clauses by order first; renumbers everything only when there is no room", () => {
    const clauses = (orders: number[]): ConstitutionDocument => ({
      clauses: orders.map((order, i) => ({ id: `c${i}`, title: "T", order, entrenched: false, text: "Text." })),
    });
    expect(ids(applied(clauses([20, 10]), rename("c0", "Aye")))).toEqual(["10:c1", "20:c0"]);
    expect(ids(applied(clauses([20, 10]), insertAfter("c1", "new")))).toEqual(["10:c1", "15:new", "20:c0"]);
    expect(ids(applied(clauses([1, 2]), insertAfter("c0", "new")))).toEqual(["10:c0", "20:new", "30:c1"]);
    expect(ids(applied(clauses([1, 3]), insertAfter("c0", "new")))).toEqual(["1:c0", "2:new", "3:c1"]);
    expect(ids(applied(clauses([1, 1, 2]), move("c2", null)))).toEqual(["10:c2", "20:c0", "30:c1"]);
    const runOfThree = applyAll(clauses([10, 14]), [
      insertAfter("c0", "x", "", "x", 1),
      insertAfter("c0", "y", "", "y", 2),
      insertAfter("c0", "z", "", "z", 3),
    ]);
    expect(ids(runOfThree.document)).toEqual(["10:c0", "11:x", "12:y", "13:z", "14:c1"]);
  });
});

describe("applyAmendment: refusals", () => {
  const cases: { name: string; amendment: Amendment; code: ApplyErrorCode }[] = [
    { name: "text written against another version of the clause", amendment: replace("name", `${NAME} `, words(1, 0, 1, 1), "A"), code: "stale-base" },
    { name: "replaceText against another version", amendment: replaceText("name", "Old text.", "New text."), code: "stale-base" },
    { name: "a clause that does not exist", amendment: replace("nope", NAME, words(1, 0, 1, 1), "A"), code: "unknown-clause" },
    { name: "inserting after a clause that does not exist", amendment: insertAfter("nope", "x"), code: "unknown-clause" },
    { name: "moving after a clause that does not exist", amendment: move("name", "nope"), code: "unknown-clause" },
    { name: "deleting a clause that does not exist", amendment: remove("nope"), code: "unknown-clause" },
    { name: "a line the clause does not have", amendment: replace("name", NAME, words(2, 0, 2, 1), "A"), code: "anchor-out-of-range" },
    { name: "a word the line does not have", amendment: replace("name", NAME, words(1, 0, 1, 10), "A"), code: "anchor-out-of-range" },
    { name: "an anchor that ends before it starts", amendment: replace("members", MEMBERS, words(2, 0, 1, 1), "A"), code: "anchor-out-of-range" },
    { name: "a new clause with an existing id", amendment: insertAfter("name", "aims"), code: "duplicate-clause" },
    { name: "moving a clause after itself", amendment: move("aims", "aims"), code: "invalid-move" },
  ];
  it.each(cases)("$name", ({ amendment, code }) => {
    expect(applyAmendment(deepFreeze(sampleDocument()), amendment)).toEqual({ ok: false, code });
  });
});

describe("applyAll", () => {
  it("applies two amendments to different words of one clause, written against the same text", () => {
    const a = replace("members", MEMBERS, words(2, 3, 2, 4), "monthly", "a", 1);
    const b = replace("members", MEMBERS, words(2, 8, 2, 9), "members' meeting.", "b", 2);
    const c = replaceText("members", MEMBERS, MEMBERS.replace("Anyone", "Anyone over 14"), "c", 3);
    const result = applyAll(deepFreeze(sampleDocument()), [b, c, a]);
    expect(result.rejected).toEqual([]);
    expect(result.applied).toEqual(["a", "b", "c"]);
    expect(clause(result.document, "members").text).toBe(
      "Anyone over 14 who supports the aims may join.\n\nMembers pay a monthly fee set by the members' meeting.",
    );
  });

  it("rejects an amendment that changes words an earlier one changed, naming it", () => {
    const a = replace("members", MEMBERS, words(2, 3, 2, 5), "monthly fee", "a", 1);
    const b = replace("members", MEMBERS, words(2, 4, 2, 5), "subscription", "b", 2);
    const result = applyAll(sampleDocument(), [b, a]);
    expect(result.applied).toEqual(["a"]);
    expect(result.rejected).toEqual([{ id: "b", code: "conflict", conflictsWith: "a" }]);
    expect(clause(result.document, "members").text).toContain("a monthly fee set");
  });

  it("applies an amendment written against the text as already amended in the same run", () => {
    const a = replace("name", NAME, words(1, 7, 1, 8), "Sample", "a", 1);
    const amended = NAME.replace("Example", "Sample");
    const b = replace("name", amended, words(1, 0, 1, 1), "A", "b", 2);
    const result = applyAll(sampleDocument(), [a, b]);
    expect(result.rejected).toEqual([]);
    expect(clause(result.document, "name").text).toBe("A name of the party is the Sample Party.");
  });

  it("is deterministic: by clause order, then creation, whatever order they come in", () => {
    const list: Amendment[] = [
      rename("members", "Members", "m1", 1),
      insertAfter("aims", "values", "We value fairness.", "i1", 5),
      replace("name", NAME, words(1, 7, 1, 8), "Sample", "n1", 9),
      insertAfter(null, "preamble", "We, the members.", "p1", 7),
      entrench("aims", false, "a1", 3),
    ];
    const expected = applyAll(sampleDocument(), list);
    expect(expected.applied).toEqual(["p1", "n1", "a1", "i1", "m1"]);
    expect(sortAmendments(sampleDocument(), list).map((a) => a.id)).toEqual(expected.applied);
    for (const shuffled of [[...list].reverse(), [list[2], list[0], list[4], list[1], list[3]] as Amendment[]]) {
      expect(applyAll(sampleDocument(), shuffled)).toEqual(expected);
    }
    expect(ids(expected.document)).toEqual(["5:preamble", "10:name", "20:aims", "25:values", "30:members"]);
  });

  it("puts several new clauses after the same clause in the order they were proposed", () => {
    const result = applyAll(sampleDocument(), [insertAfter("name", "second", "", "i2", 2), insertAfter("name", "first", "", "i1", 1)]);
    expect(ids(result.document)).toEqual(["10:name", "13:first", "16:second", "20:aims", "30:members"]);
  });

  it("inserts or moves after a clause deleted in the same run where that clause stood", () => {
    const result = applyAll(sampleDocument(), [remove("aims", "d", 1), insertAfter("aims", "values", "x", "i", 2), move("name", "aims", "m", 3)]);
    expect(result.rejected).toEqual([]);
    // Sorted by clause, the move of "name" comes first: name goes after aims, aims is deleted,
    // and "after aims" then means where aims stood, which is now the start.
    expect(ids(result.document)).toEqual(["10:values", "20:name", "30:members"]);
  });

  it("moves and changes the text of one clause together", () => {
    const result = applyAll(sampleDocument(), [move("name", "members", "m", 1), replace("name", NAME, words(1, 7, 1, 8), "Sample", "r", 2)]);
    expect(result.rejected).toEqual([]);
    expect(ids(result.document)).toEqual(["20:aims", "30:members", "40:name"]);
    expect(clause(result.document, "name").text).toContain("Sample Party");
  });

  const conflicts: { name: string; list: Amendment[]; rejected: { id: string; code: ApplyErrorCode; conflictsWith?: string }[] }[] = [
    {
      name: "changing a clause deleted earlier",
      list: [remove("aims", "d", 1), replaceText("aims", AIMS, "x", "t", 2)],
      rejected: [{ id: "t", code: "conflict", conflictsWith: "d" }],
    },
    {
      name: "deleting a clause changed earlier",
      list: [rename("aims", "Goals", "n", 1), remove("aims", "d", 2)],
      rejected: [{ id: "d", code: "conflict", conflictsWith: "n" }],
    },
    {
      name: "deleting a clause twice",
      list: [remove("aims", "d1", 1), remove("aims", "d2", 2)],
      rejected: [{ id: "d2", code: "conflict", conflictsWith: "d1" }],
    },
    {
      name: "moving a clause twice",
      list: [move("name", "aims", "m1", 1), move("name", "members", "m2", 2)],
      rejected: [{ id: "m2", code: "conflict", conflictsWith: "m1" }],
    },
    {
      name: "renaming a clause twice",
      list: [rename("name", "A", "n1", 1), rename("name", "B", "n2", 2)],
      rejected: [{ id: "n2", code: "conflict", conflictsWith: "n1" }],
    },
    {
      name: "entrenching a clause twice",
      list: [entrench("name", true, "e1", 1), entrench("name", true, "e2", 2)],
      rejected: [{ id: "e2", code: "conflict", conflictsWith: "e1" }],
    },
    { name: "a stale base", list: [replaceText("name", "Older text.", "x", "t", 1)], rejected: [{ id: "t", code: "stale-base" }] },
  ];
  it.each(conflicts)("rejects $name and applies the rest", ({ list, rejected }) => {
    const result = applyAll(sampleDocument(), list);
    expect(result.rejected).toEqual(rejected);
    expect(result.applied).toEqual(list.map((a) => a.id).filter((id) => !rejected.some((r) => r.id === id)));
  });
});

describe("an amendment to a clause another amendment already changed", () => {
  const first = replace("members", MEMBERS, words(2, 3, 2, 4), "monthly", "first", 1);
  const elsewhere = replace("members", MEMBERS, words(1, 0, 1, 1), "Everyone", "elsewhere", 2);
  const sameWords = replace("members", MEMBERS, words(2, 2, 2, 5), "an annual subscription", "same", 3);
  const asAmended = applied(sampleDocument(), first);
  const current = clause(asAmended, "members").text;

  it("is refused against the amended text: its base is stale", () => {
    expect(applyAmendment(asAmended, elsewhere)).toEqual({ ok: false, code: "stale-base" });
  });

  it("is re-anchored and applies when it changes other words", () => {
    const rebased = rebaseAmendment(elsewhere, MEMBERS, current);
    expect(rebased.ok).toBe(true);
    if (!rebased.ok) return;
    expect(rebased.amendment).toEqual({ ...elsewhere, baseHash: hashText(current), anchor: words(1, 0, 1, 1) });
    expect(clause(applied(asAmended, rebased.amendment), "members").text).toBe(
      "Everyone who supports the aims may join.\n\nMembers pay a monthly fee set by the conference.",
    );
  });

  it("gets a new anchor when the words before it moved", () => {
    const longer = replace("members", MEMBERS, words(2, 0, 2, 1), "All our members", "longer", 4);
    const later = replace("members", MEMBERS, words(2, 8, 2, 9), "members' meeting.", "later", 5);
    const afterLonger = clause(applied(sampleDocument(), longer), "members").text;
    const rebased = rebaseAmendment(later, MEMBERS, afterLonger);
    expect(rebased.ok && rebased.amendment.anchor).toEqual(words(2, 10, 2, 11));
    if (rebased.ok)
      expect(clause(applied(applied(sampleDocument(), longer), rebased.amendment), "members").text).toBe(
        "Anyone who supports the aims may join.\n\nAll our members pay a yearly fee set by the members' meeting.",
      );
  });

  it("is reported as a conflict when it changes the same words", () => {
    expect(rebaseAmendment(sameWords, MEMBERS, current)).toEqual({ ok: false, code: "conflict" });
  });

  it("carries a replaceText over too, keeping both changes", () => {
    const edit = replaceText("members", MEMBERS, MEMBERS.replace("may join", "can join"), "edit", 6);
    const rebased = rebaseAmendment(edit, MEMBERS, current);
    expect(rebased.ok && rebased.amendment.text).toBe("Anyone who supports the aims can join.\n\nMembers pay a monthly fee set by the conference.");
  });

  it("refuses a base text that is not the amendment's", () => {
    expect(rebaseAmendment(elsewhere, current, current)).toEqual({ ok: false, code: "stale-base" });
  });
});

describe("messages", () => {
  it("has English wording for every code and reason", () => {
    const codes: ApplyErrorCode[] = ["stale-base", "unknown-clause", "anchor-out-of-range", "duplicate-clause", "invalid-move", "conflict"];
    for (const code of codes) expect(APPLY_ERROR_MESSAGES[code]).toMatch(/\w/);
    for (const reason of ["overlap", "deleted", "both-move", "both-rename", "both-entrench"] as const) {
      expect(CONFLICT_MESSAGES[reason]).toMatch(/\w/);
    }
  });
});
