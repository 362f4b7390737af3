import { describe, expect, it } from "vitest";
import { diffSide, diffToLines, documentDiff, wordDiff, type DiffLine, type DiffSegment } from "./diff";
import { numberLines } from "./lines";
import { applyAll } from "./operations";
import { AIMS, MEMBERS, insertAfter, move, remove, rename, entrench, replaceText, sampleDocument } from "./test-support";

/** Compact view: "=same", "+added", "-removed". */
const view = (segments: DiffSegment[]) => segments.map((s) => `${s.kind === "same" ? "=" : s.kind === "added" ? "+" : "-"}${s.text}`);

describe("wordDiff", () => {
  const cases: { name: string; a: string; b: string; expected: string[] }[] = [
    { name: "identical texts", a: "Same text.", b: "Same text.", expected: ["=Same text."] },
    {
      name: "a changed word",
      a: "The party shall meet yearly.",
      b: "The party shall meet monthly.",
      expected: ["=The party shall meet ", "-yearly", "+monthly", "=."],
    },
    {
      name: "words added to a paragraph",
      a: "Para one.\n\nPara two.",
      b: "Para one changed.\n\nPara two.",
      expected: ["=Para one", "+ changed", "=.\n\nPara two."],
    },
    { name: "a new paragraph appears whole", a: "One.\n\nThree.", b: "One.\n\nTwo.\n\nThree.", expected: ["=One.\n\n", "+Two.\n\n", "=Three."] },
    {
      name: "a changed list item changes within the list",
      a: "Aims:\n\n- one\n- two\n- three",
      b: "Aims:\n\n- one\n- two and a half\n- three",
      expected: ["=Aims:\n\n- one\n- two", "+ and a half", "=\n- three"],
    },
    {
      name: "a new list item is added whole",
      a: "- one\n- two\n- three",
      b: "- one\n- two\n- new item\n- three",
      expected: ["=- one\n- two\n", "+- new item\n", "=- three"],
    },
    { name: "a new last list item", a: "- a\n- b", b: "- a\n- b\n- c", expected: ["=- a\n- b", "+\n", "+- c"] },
    {
      name: "a removed list item is removed whole, marker and all",
      a: "- one\n- two\n- three",
      b: "- one\n- three",
      expected: ["=- one\n", "-- two\n", "=- three"],
    },
    {
      name: "an item added at the top of a numbered list: the rest are renumbered, words kept",
      a: "1. one\n2. two\n3. three",
      b: "1. zero\n2. one\n3. two\n4. three",
      expected: ["+1. zero\n", "-1.", "+2.", "= one\n", "-2.", "+3.", "= two\n", "-3.", "+4.", "= three"],
    },
    {
      name: "an item removed from a numbered list",
      a: "1. one\n2. two\n3. three",
      b: "1. one\n2. three",
      expected: ["=1. one\n", "-2. two\n", "-3.", "+2.", "= three"],
    },
    {
      name: "lettered sub-items renumbered",
      a: "(a) first thing\n(b) second thing",
      b: "(a) first thing\n(b) inserted thing\n(c) second thing",
      expected: ["=(a) first thing\n", "+(b) inserted thing\n", "-(b)", "+(c)", "= second thing"],
    },
    { name: "a paragraph becomes a list item", a: "Fair votes.", b: "- Fair votes.", expected: ["+- ", "=Fair votes."] },
    {
      name: "an item rewritten beyond recognition is removed and added",
      a: "- apples\n- pears",
      b: "- apples\n- oranges",
      expected: ["=- apples\n", "-- pears", "+- oranges"],
    },
    { name: "from nothing", a: "", b: "New.", expected: ["+New."] },
    { name: "to nothing", a: "Old.\n\n- item", b: "", expected: ["-Old.\n\n", "-- item"] },
    { name: "a soft line break becomes a space", a: "one two\nthree", b: "one two three", expected: ["=one two", "-\n", "+ ", "=three"] },
  ];
  it("marks paragraphs and list items found on one side only as whole", () => {
    const segments = wordDiff("- one\n- two\n- three", "- one\n- new item\n- three and more");
    expect(segments.filter((s) => s.whole)).toEqual([
      { kind: "removed", text: "- two\n", whole: true },
      { kind: "added", text: "- new item\n", whole: true },
    ]);
    expect(segments.filter((s) => !s.whole).map((s) => s.kind)).toEqual(["same", "same", "added"]);
  });

  it.each(cases)("$name", ({ a, b, expected }) => {
    const segments = wordDiff(a, b);
    expect(view(segments)).toEqual(expected);
    expect(diffSide(segments, "before")).toBe(a);
    expect(diffSide(segments, "after")).toBe(b);
    expect(segments.every((s) => s.text !== "")).toBe(true);
  });
});

describe("documentDiff", () => {
  it("reports clauses added, deleted, moved, renamed, re-entrenched and changed, in the new order", () => {
    const before = sampleDocument();
    const { document: after, rejected } = applyAll(before, [
      insertAfter(null, "preamble", "We, the founding members.", "i", 1),
      move("name", "members", "m", 2),
      remove("aims", "d", 3),
      rename("members", "Members", "n", 4),
      replaceText("members", MEMBERS, MEMBERS.replace("yearly", "monthly"), "t", 5),
      entrench("members", true, "e", 6),
    ]);
    expect(rejected).toEqual([]);
    const diff = documentDiff(before, after);
    // Old order: name, aims, members. New: preamble, members, name. A deleted clause is listed
    // where it stood among the kept ones (here: before members), before what was added there.
    expect(diff.map((d) => [d.id, d.change, d.moved, d.renamed, d.textChanged, d.entrenchmentChanged])).toEqual([
      ["aims", "deleted", false, false, false, false],
      ["preamble", "added", false, false, false, false],
      ["members", "kept", false, true, true, true],
      ["name", "kept", true, false, false, false],
    ]);
    const byId = new Map(diff.map((d) => [d.id, d]));
    expect(view(byId.get("members")?.title ?? [])).toEqual(["-Membership", "+Members"]);
    expect(view(byId.get("members")?.text ?? [])).toContain("-yearly");
    expect(view(byId.get("preamble")?.text ?? [])).toEqual(["+We, the founding members."]);
    expect(diffSide(byId.get("aims")?.text ?? [], "before")).toBe(AIMS);
    expect(byId.get("aims")?.after).toBeNull();
    expect(byId.get("name")?.text).toEqual([{ kind: "same", text: sampleDocument().clauses[0]?.text }]);
  });

  it("reports nothing changed for the same document", () => {
    const diff = documentDiff(sampleDocument(), sampleDocument());
    expect(diff.every((d) => d.change === "kept" && !d.moved && !d.renamed && !d.textChanged && !d.entrenchmentChanged)).toBe(true);
    expect(diff.map((d) => d.id)).toEqual(["name", "aims", "members"]);
  });
});

/** Compact view of diff lines: number, then the segments. */
const lineView = (lines: DiffLine[]) => lines.map((l) => `${l.number ?? (l.kind === "blank" ? "" : "x")} ${view(l.segments).join(" | ")}`.trimEnd());

describe("diffToLines", () => {
  it("puts a diff on the numbered lines of the new text", () => {
    const segments = wordDiff("The quick brown fox jumps over the lazy dog.", "The quick fox leaps over the lazy dog today.");
    expect(lineView(diffToLines(segments, { width: 20, start: 7 }))).toEqual([
      "7 =The quick  | -brown  | =fox  | -jumps | +leaps",
      "8 =over the lazy dog",
      "9 +today | =.",
    ]);
  });

  it("shows removed list items as rows of their own, without numbers, where they were", () => {
    const segments = wordDiff("Aims:\n\n- one\n- two\n- three\n- four", "Aims:\n\n- one\n- three and more");
    expect(lineView(diffToLines(segments))).toEqual(["1 =Aims:", "", "2 =- one", "x -- two", "3 =- three | + and more", "x -- four"]);
  });

  it("shows renumbered markers as changed on their line", () => {
    const segments = wordDiff("1. one\n2. two\n3. three", "1. one\n2. three");
    expect(lineView(diffToLines(segments))).toEqual(["1 =1. one", "x -2. two", "2 -3. | +2. | = three"]);
  });

  it("shows a whole clause removed", () => {
    expect(lineView(diffToLines(wordDiff("Old.\n\nGone.", "")))).toEqual(["x -Old.", "x -Gone."]);
  });

  const texts: [string, string][] = [
    ["The quick brown fox jumps over the lazy dog.", "The quick fox leaps over the lazy dog today."],
    [AIMS, "The party's aims are:\n\n- fair votes for all\n- peace\n- a green economy"],
    [MEMBERS, MEMBERS.replace("\n\n", " ").replace("yearly", "monthly")],
    ["1. one\n  (a) sub\n2. two", "1. one\n  (a) sub changed\n  (b) new\n2. two"],
  ];
  it.each(texts)("each numbered line reads as the printed line: %#", (a, b) => {
    for (const width of [12, 30, 80]) {
      const rows = diffToLines(wordDiff(a, b), { width });
      const numbered = numberLines(b, { width });
      const printed = numbered.map((l) => (l.kind === "blank" ? "" : `${l.listMarker !== undefined ? `${l.listMarker} ` : ""}${l.text}`));
      const shown = rows
        .filter((r) => r.kind !== "removed")
        .map((r) =>
          r.segments
            .filter((s) => s.kind !== "removed")
            .map((s) => s.text)
            .join(""),
        );
      expect(shown).toEqual(printed);
      expect(rows.filter((r) => r.kind !== "removed").map((r) => r.number)).toEqual(numbered.map((l) => l.number));
    }
  });
});
