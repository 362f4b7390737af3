import { describe, expect, it } from "vitest";
import { anchorToRange, rangeToAnchor, resolveAnchor } from "./anchors";
import { layoutText } from "./lines";
import type { Anchor, WordSpan } from "./types";

// At width 20:           1 The quick brown fox / 2 jumps over the lazy / 3 dog. / (blank)
//                        4 - first item / 5 - second item
const TEXT = "The quick brown fox jumps over the lazy dog.\n\n- first item\n- second item";
const W = { width: 20 };
const span = (fl: number, fw: number, tl: number, tw: number): WordSpan => ({
  from: { line: fl, word: fw },
  to: { line: tl, word: tw },
});

describe("anchorToRange", () => {
  const cases: { name: string; anchor: Anchor; covers: string | null }[] = [
    { name: "words within a line", anchor: span(1, 1, 1, 3), covers: "quick brown" },
    { name: "words across a line end", anchor: span(1, 3, 2, 1), covers: "fox jumps" },
    { name: "'after the last word' is the end of that word", anchor: span(1, 2, 1, 4), covers: "brown fox" },
    { name: "an insertion point", anchor: span(2, 0, 2, 0), covers: "" },
    { name: "whole lines", anchor: { lines: { from: 2, to: 3 } }, covers: "jumps over the lazy dog." },
    { name: "a whole list item: its words, not its marker", anchor: { lines: { from: 4, to: 4 } }, covers: "first item" },
    { name: "line past the end", anchor: span(6, 0, 6, 1), covers: null },
    { name: "line 0", anchor: span(0, 0, 1, 1), covers: null },
    { name: "word past the end of the line", anchor: span(1, 5, 2, 0), covers: null },
    { name: "negative word", anchor: span(1, -1, 1, 1), covers: null },
    { name: "not an integer", anchor: span(1, 0.5, 1, 1), covers: null },
    { name: "ends before it starts", anchor: span(2, 1, 1, 1), covers: null },
    { name: "whole lines, backwards", anchor: { lines: { from: 3, to: 2 } }, covers: null },
    { name: "whole lines past the end", anchor: { lines: { from: 5, to: 6 } }, covers: null },
  ];
  it.each(cases)("$name", ({ anchor, covers }) => {
    const range = anchorToRange(TEXT, anchor, W);
    expect(range === null ? null : TEXT.slice(range.start, range.end)).toBe(covers);
  });

  it("marks spans that cover whole paragraphs or list items, markers included", () => {
    const layout = layoutText(TEXT, 20);
    const item = resolveAnchor(layout, { lines: { from: 4, to: 5 } });
    expect(item?.wholeBlocks && TEXT.slice(item.wholeBlocks.start, item.wholeBlocks.end)).toBe("- first item\n- second item");
    expect(resolveAnchor(layout, span(1, 0, 3, 1))?.wholeBlocks).toEqual({ start: 0, end: 44 });
    expect(resolveAnchor(layout, span(1, 1, 3, 1))?.wholeBlocks).toBeNull();
    expect(resolveAnchor(layout, span(4, 0, 4, 1))?.wholeBlocks).toBeNull();
  });
});

describe("rangeToAnchor", () => {
  const at = (s: string) => TEXT.indexOf(s);
  const cases: { name: string; start: number; end: number; expected: WordSpan }[] = [
    { name: "widens a selection to whole words", start: at("uick"), end: at("own fox"), expected: span(1, 1, 1, 3) },
    { name: "a caret inside a word: before it", start: at("own"), end: at("own"), expected: span(1, 2, 1, 2) },
    { name: "a caret at a word's end: after it", start: at(" jumps"), end: at(" jumps"), expected: span(1, 4, 1, 4) },
    { name: "a caret at a word's start", start: at("jumps"), end: at("jumps"), expected: span(2, 0, 2, 0) },
    { name: "a caret on the blank line: before the next word", start: 45, end: 45, expected: span(4, 0, 4, 0) },
    { name: "only whitespace selected: before the next word", start: 44, end: 48, expected: span(4, 0, 4, 0) },
    { name: "everything", start: 0, end: TEXT.length, expected: span(1, 0, 5, 2) },
    { name: "a caret at the very end", start: TEXT.length, end: TEXT.length, expected: span(5, 2, 5, 2) },
  ];
  it.each(cases)("$name", ({ start, end, expected }) => {
    expect(rangeToAnchor(TEXT, { start, end }, W)).toEqual(expected);
  });

  it("returns null for a text without words and throws for a range outside the text", () => {
    expect(rangeToAnchor("  \n\n ", { start: 0, end: 1 })).toBeNull();
    expect(() => rangeToAnchor(TEXT, { start: 5, end: 2 })).toThrow(RangeError);
    expect(() => rangeToAnchor(TEXT, { start: 0, end: TEXT.length + 1 })).toThrow(RangeError);
  });

  it("round-trips every canonical span and insertion point of a text", () => {
    const layout = layoutText(TEXT, 20);
    const positions = layout.lines.flatMap((line, i) => Array.from({ length: line.words.length + 1 }, (_, word) => ({ line: i + 1, word })));
    const lineLength = (line: number) => layout.lines[line - 1]?.words.length ?? 0;
    let checked = 0;
    for (const from of positions) {
      for (const to of positions) {
        const anchor = { from, to };
        const range = anchorToRange(TEXT, anchor, W);
        if (!range) continue;
        const insertion = from.line === to.line && from.word === to.word;
        const canonical = range.start < range.end && from.word < lineLength(from.line) && to.word > 0;
        if (!insertion && !canonical) continue;
        expect(rangeToAnchor(TEXT, range, W)).toEqual(anchor);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
