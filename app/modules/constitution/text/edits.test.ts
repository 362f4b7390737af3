import { describe, expect, it } from "vitest";
import { applyEdits, applyStep, changedRange, editsBetween, mapOffset, rangesOverlap, rebaseEdits, type TextEdit } from "./edits";

const words = (start: number, end: number, text = ""): TextEdit => ({ start, end, text, mode: "words" });
/** The range of the n-th occurrence (0-based) of `s` in `text`. */
function find(text: string, s: string, n = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(s, at + 1);
  if (at === -1) throw new Error(`${s} not in ${text}`);
  return { start: at, end: at + s.length };
}
const replace = (text: string, s: string, by = "", n = 0) => ({ ...find(text, s, n), text: by, mode: "words" as const });

describe("applyEdits", () => {
  const cases: { name: string; text: string; edits: (text: string) => TextEdit[]; expected: string }[] = [
    { name: "delete a word in the middle", text: "a b c d", edits: (t) => [replace(t, "b")], expected: "a c d" },
    { name: "delete the first word", text: "a b c d", edits: (t) => [replace(t, "a")], expected: "b c d" },
    { name: "delete the last word", text: "a b c d", edits: (t) => [replace(t, "d")], expected: "a b c" },
    { name: "delete two neighbouring words as two edits", text: "a b c d", edits: (t) => [replace(t, "b"), replace(t, "c")], expected: "a d" },
    { name: "delete the last two words as two edits", text: "a b c d", edits: (t) => [replace(t, "c"), replace(t, "d")], expected: "a b" },
    { name: "replace a word with two", text: "a b c d", edits: (t) => [replace(t, "b", "x y")], expected: "a x y c d" },
    { name: "spaces around new words are dropped", text: "a b c d", edits: (t) => [replace(t, "b", "  x \t")], expected: "a x c d" },
    { name: "insert before a word", text: "a b c d", edits: () => [words(2, 2, "new")], expected: "a new b c d" },
    { name: "insert after the last word", text: "a b c d", edits: () => [words(7, 7, "e")], expected: "a b c d e" },
    { name: "insert at a word's end", text: "a b c d", edits: () => [words(3, 3, "z")], expected: "a b z c d" },
    { name: "replace and insert elsewhere", text: "a b c d", edits: (t) => [replace(t, "d", "D"), words(0, 0, "0")], expected: "0 a b c D" },
    { name: "delete the last word of a source line", text: "a b\nc d", edits: (t) => [replace(t, "b")], expected: "a\nc d" },
    { name: "delete the first word of a source line", text: "a b\nc d", edits: (t) => [replace(t, "c")], expected: "a b\nd" },
    { name: "delete a list item (marker included)", text: "- a\n- b\n- c", edits: (t) => [replace(t, "- b")], expected: "- a\n- c" },
    { name: "delete the first list item", text: "- a\n- b\n- c", edits: (t) => [replace(t, "- a")], expected: "- b\n- c" },
    { name: "delete the last list item", text: "- a\n- b\n- c", edits: (t) => [replace(t, "- c")], expected: "- a\n- b" },
    { name: "delete a paragraph between paragraphs", text: "P1\n\nP2\n\nP3", edits: (t) => [replace(t, "P2")], expected: "P1\n\nP3" },
    { name: "delete the last item before a paragraph", text: "- a\n- b\n\nP", edits: (t) => [replace(t, "- b")], expected: "- a\n\nP" },
    { name: "delete a nested item", text: "1. x\n  (a) y\n  (b) z", edits: (t) => [replace(t, "  (a) y")], expected: "1. x\n  (b) z" },
    {
      name: "replacement starting with a line break adds a line",
      text: "- a\n- b",
      edits: (t) => [{ ...find(t, "a"), text: "a\n- new", mode: "words" }],
      expected: "- a\n- new\n- b",
    },
    { name: "exact edits are spliced as given", text: "a b", edits: () => [{ start: 1, end: 2, text: "--", mode: "exact" }], expected: "a--b" },
    { name: "no edits", text: "a b", edits: () => [], expected: "a b" },
  ];
  it.each(cases)("$name", ({ text, edits, expected }) => {
    expect(applyEdits(text, edits(text)).text).toBe(expected);
  });

  it("refuses overlapping edits and edits outside the text", () => {
    expect(() => applyEdits("a b c", [words(0, 3, "x"), words(2, 5, "y")])).toThrow(RangeError);
    expect(() => applyEdits("a b c", [words(2, 2, "x"), words(2, 2, "y")])).toThrow(RangeError);
    expect(() => applyEdits("a b c", [words(4, 9, "x")])).toThrow(RangeError);
  });
});

describe("rangesOverlap", () => {
  const cases: [string, [number, number], [number, number], boolean][] = [
    ["sharing a character", [0, 3], [2, 5], true],
    ["touching ranges", [0, 2], [2, 4], false],
    ["apart", [0, 1], [3, 4], false],
    ["one inside the other", [0, 9], [3, 4], true],
    ["an insertion inside", [0, 4], [2, 2], true],
    ["an insertion at the edge", [0, 4], [4, 4], true],
    ["an insertion outside", [0, 4], [5, 5], false],
    ["two insertions at one point", [3, 3], [3, 3], true],
    ["two insertions apart", [3, 3], [4, 4], false],
  ];
  it.each(cases)("%s", (_, [as, ae], [bs, be], expected) => {
    expect(rangesOverlap({ start: as, end: ae }, { start: bs, end: be })).toBe(expected);
    expect(rangesOverlap({ start: bs, end: be }, { start: as, end: ae })).toBe(expected);
  });
});

describe("mapOffset and rebaseEdits", () => {
  const base = "one two three four five";
  const stepEdits = [replace(base, "two")];
  const step = applyStep(base, stepEdits);

  it("maps offsets of the old text into the new one", () => {
    expect(step.applied.text).toBe("one three four five");
    expect(mapOffset(step.applied, 0)).toBe(0);
    expect(mapOffset(step.applied, find(base, "four").start)).toBe(find(step.applied.text, "four").start);
    expect(mapOffset(step.applied, base.length)).toBe(step.applied.text.length);
  });

  it("carries an edit elsewhere over the step", () => {
    const rebased = rebaseEdits([replace(base, "four", "FOUR")], step);
    expect(rebased.ok).toBe(true);
    if (rebased.ok) expect(applyEdits(step.applied.text, rebased.edits).text).toBe("one three FOUR five");
  });

  it("carries an edit of the next word over a deletion", () => {
    const rebased = rebaseEdits([replace(base, "three", "3")], step);
    expect(rebased.ok && applyEdits(step.applied.text, rebased.edits).text).toBe("one 3 four five");
  });

  it("counts the space a deletion removes as changed", () => {
    expect(changedRange(base, replace(base, "two"))).toEqual({ start: 4, end: 8 });
    expect(changedRange(base, replace(base, "five"))).toEqual({ start: 18, end: 23 });
    expect(changedRange(base, replace(base, "two", "2"))).toEqual({ start: 4, end: 7 });
    // An exact edit removing " three" shares the space "two" would take with it.
    expect(rebaseEdits([{ start: 7, end: 13, text: "", mode: "exact" }], step)).toEqual({ ok: false, overlaps: 0 });
  });

  it("refuses an edit that touches what the step changed", () => {
    expect(rebaseEdits([replace(base, "two three", "x")], step)).toEqual({ ok: false, overlaps: 0 });
    expect(rebaseEdits([words(find(base, "two").start, find(base, "two").start, "x")], step)).toEqual({ ok: false, overlaps: 0 });
  });
});

describe("editsBetween", () => {
  const cases: [string, string][] = [
    ["a b c", "a c"],
    ["the cat sat", "the black cat sat"],
    ["- a\n- b", "- a\n- b\n- c"],
    ["", "new text"],
    ["old text", ""],
    ["same", "same"],
  ];
  it.each(cases)("%j → %j: applying the edits gives the new text", (a, b) => {
    const edits = editsBetween(a, b);
    expect(edits.every((e) => e.mode === "exact")).toBe(true);
    expect(applyEdits(a, edits).text).toBe(b);
  });

  it("gives one edit per changed run, in old-text offsets", () => {
    expect(editsBetween("a b c d", "a x c D")).toEqual([
      { start: 2, end: 3, text: "x", mode: "exact" },
      { start: 6, end: 7, text: "D", mode: "exact" },
    ]);
  });
});
