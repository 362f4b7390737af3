import { describe, expect, it } from "vitest";
import { parseBlocks } from "./blocks";
import { countLines, numberClauses, numberLines, type NumberedLine } from "./lines";

/** Compact view of numbered lines: "3 text", "3 - text" for list items, "" for blank lines. */
function view(lines: NumberedLine[]): string[] {
  return lines.map((l) => (l.kind === "blank" ? "" : `${l.number} ${l.listMarker !== undefined ? `${l.listMarker} ` : ""}${l.text}`));
}

describe("numberLines", () => {
  const cases: { name: string; text: string; width: number; start?: number; expected: string[] }[] = [
    {
      name: "wraps a paragraph at word boundaries",
      text: "The quick brown fox jumps over the lazy dog.",
      width: 20,
      expected: ["1 The quick brown fox", "2 jumps over the lazy", "3 dog."],
    },
    {
      name: "a line may be exactly the width",
      text: "aaaa bbbb cccc",
      width: 9,
      expected: ["1 aaaa bbbb", "2 cccc"],
    },
    {
      name: "rewraps source line breaks inside a paragraph (soft breaks) and collapses spaces",
      text: "The quick\nbrown   fox jumps\n  over the lazy dog.",
      width: 20,
      expected: ["1 The quick brown fox", "2 jumps over the lazy", "3 dog."],
    },
    {
      name: "a word longer than the width gets a line of its own",
      text: "see https://example.org/a/very/long/address now",
      width: 12,
      expected: ["1 see", "2 https://example.org/a/very/long/address", "3 now"],
    },
    {
      name: "blank lines separate paragraphs and are not numbered; several count as one",
      text: "One.\n\nTwo.\n\n\n\nThree.",
      width: 80,
      expected: ["1 One.", "", "2 Two.", "", "3 Three."],
    },
    {
      name: "list items: marker on the first line, width less the marker on every line",
      text: "Members may:\n\n- vote in every ballot of the party\n- stand for office",
      width: 20,
      // 20 columns less "- " leaves 18: "ballot of the party" (19) does not fit.
      expected: ["1 Members may:", "", "2 - vote in every", "3 ballot of the", "4 party", "5 - stand for office"],
    },
    {
      name: "numbered and lettered items, and a bullet with a letter",
      text: "1. First.\n2. Second.\n(a) Sub one.\n  (b) Sub two.\n- (c) Lettered bullet.",
      width: 80,
      expected: ["1 1. First.", "2 2. Second.", "3 (a) Sub one.", "4 (b) Sub two.", "5 - (c) Lettered bullet."],
    },
    {
      name: "a list straight after a paragraph, and a lazy continuation line",
      text: "Intro:\n- one\ncontinued here\n- two",
      width: 80,
      expected: ["1 Intro:", "2 - one continued here", "3 - two"],
    },
    {
      name: "not markers: section numbers, bold, a dash without a space, words in brackets",
      text: "10.1 Text.\n\n**Bold** text.\n\n-dash\n\n(see clause 4) here.",
      width: 80,
      expected: ["1 10.1 Text.", "", "2 **Bold** text.", "", "3 -dash", "", "4 (see clause 4) here."],
    },
    {
      name: "starts at the given number",
      text: "One.\n\nTwo.",
      width: 80,
      start: 41,
      expected: ["41 One.", "", "42 Two."],
    },
    { name: "empty text", text: "", width: 80, expected: [] },
    { name: "only blank lines", text: "\n  \n\n", width: 80, expected: [] },
    {
      name: "leading and trailing blank lines are not shown",
      text: "\n\nOne.\n\n",
      width: 80,
      expected: ["1 One."],
    },
  ];
  it.each(cases)("$name", ({ text, width, start, expected }) => {
    expect(view(numberLines(text, { width, ...(start !== undefined ? { start } : {}) }))).toEqual(expected);
  });

  it("gives each line its kind, indent, block and source offsets", () => {
    const text = "Intro text.\n\n- (a) first item here";
    const lines = numberLines(text, { width: 15 });
    expect(lines).toEqual([
      { number: 1, text: "Intro text.", kind: "paragraph", indent: 0, block: 0, start: 0, end: 11 },
      { number: null, text: "", kind: "blank", indent: 0, block: 1, start: 11, end: 13 },
      { number: 2, text: "first", kind: "list-item", listMarker: "- (a)", indent: 6, block: 1, start: 19, end: 24 },
      { number: 3, text: "item here", kind: "list-item", indent: 6, block: 1, start: 25, end: 34 },
    ]);
    for (const line of lines) {
      if (line.kind !== "blank") expect(text.slice(line.start, line.end).replace(/\s+/g, " ")).toBe(line.text);
    }
  });

  it("defaults to 80 characters and line 1", () => {
    const text = Array.from({ length: 30 }, () => "word").join(" "); // 149 characters
    const lines = numberLines(text);
    expect(lines.map((l) => l.number)).toEqual([1, 2]);
    expect(lines[0]?.text.length).toBeLessThanOrEqual(80);
    expect(countLines(text)).toBe(2);
  });

  it("rejects a width that is not a positive integer", () => {
    expect(() => numberLines("x", { width: 0 })).toThrow(RangeError);
    expect(() => numberLines("x", { width: 2.5 })).toThrow(RangeError);
  });
});

describe("numberClauses", () => {
  it("numbers continuously across clauses: each starts after the one before", () => {
    const result = numberClauses(
      [
        { id: "name", text: "The party is called the Example Party." },
        { id: "empty", text: "" },
        { id: "aims", text: "Our aims are:\n\n- fairness for all people\n- a green economy" },
      ],
      { width: 24, start: 10 },
    );
    expect(result.clauses.map((c) => [c.id, c.firstLine, c.lastLine])).toEqual([
      ["name", 10, 11],
      ["empty", null, null],
      ["aims", 12, 15],
    ]);
    expect(result.next).toBe(16);
    expect(view(result.clauses[2]?.lines ?? [])).toEqual(["12 Our aims are:", "", "13 - fairness for all", "14 people", "15 - a green economy"]);
  });
});

describe("parseBlocks", () => {
  it("keeps offsets that cut the text into indentation, marker, body and separators", () => {
    const text = "Para one\ncontinues.\n\n  1.  Item one\n2. Item two\n";
    const blocks = parseBlocks(text);
    expect(blocks.map((b) => [b.kind, b.marker, text.slice(b.markerStart, b.markerEnd), text.slice(b.bodyStart, b.end), b.indent, b.blankBefore])).toEqual([
      ["paragraph", undefined, "", "Para one\ncontinues.", 0, false],
      ["list-item", "1.", "1.", "Item one", 2, true],
      ["list-item", "2.", "2.", "Item two", 0, false],
    ]);
  });
});

describe("line ends other than \\n (issue 13)", () => {
  it("ends a line at U+2028, U+2029, NEL, a lone \\r and \\r\\n, as a reader's screen does", () => {
    for (const lineEnd of ["\u2028", "\u2029", "\u0085", "\r", "\r\n"]) {
      const text = ["- one", "- two", "", "After."].join(lineEnd);
      expect(view(numberLines(text)), JSON.stringify(lineEnd)).toEqual(["1 - one", "2 - two", "", "3 After."]);
      const blocks = parseBlocks(text);
      expect(blocks.map((b) => text.slice(b.bodyStart, b.end))).toEqual(["one", "two", "After."]);
    }
  });

  it("numbers the issue's heading line (#, 2,000 spaces, U+2028) as one paragraph: the words continue", () => {
    const text = `#${" ".repeat(2000)}\u2028x`;
    expect(view(numberLines(text))).toEqual(["1 # x"]);
    expect(parseBlocks(text)).toHaveLength(1);
  });
});
