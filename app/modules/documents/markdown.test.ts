import { describe, expect, it } from "vitest";
import { parseBlocks, plainText } from "./markdown";

describe("the Markdown of Breakaway's texts", () => {
  // Decision 038: one CommonMark reading, so *single stars* are emphasis (they were left as
  // typed before); a lone star is still kept as it is.
  it("splits bold and emphasised runs and leaves lone asterisks alone", () => {
    expect(parseBlocks("We are **many**, *really* * 2")).toEqual([
      {
        kind: "paragraph",
        runs: [
          { text: "We are ", bold: false },
          { text: "many", bold: true },
          { text: ", ", bold: false },
          { text: "really", bold: false, italic: true },
          { text: " * 2", bold: false },
        ],
      },
    ]);
  });

  it("reads headings, paragraphs and both kinds of list", () => {
    const blocks = parseBlocks("# Title\n\nFirst line\nsame paragraph.\r\n\r\n- one\n- **two**\n\n1) first\n2) second\n\n#### Deep");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list", "heading"]);
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 1 });
    expect(blocks[1]?.kind === "paragraph" && plainText(blocks[1].runs)).toBe("First line same paragraph.");
    expect(blocks[2]).toMatchObject({ kind: "list", ordered: false, items: [{ runs: [{ text: "one" }] }, { runs: [{ text: "two", bold: true }] }] });
    expect(blocks[3]).toMatchObject({ kind: "list", ordered: true });
    // Levels beyond 3 print as level 3: a letter has no use for more.
    expect(blocks[4]).toMatchObject({ kind: "heading", level: 3 });
  });

  it("keeps text under a heading with no blank line, and the text of code fences", () => {
    const blocks = parseBlocks("## Aims\nTo win.\n\n```\nkept\n```");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "paragraph"]);
    expect(blocks[2]?.kind === "paragraph" && plainText(blocks[2].runs)).toBe("kept");
  });

  it("gives nothing for empty text", () => {
    expect(parseBlocks("  \n\n ")).toEqual([]);
  });
});

describe("line ends other than \\n (issue 13)", () => {
  it("treats U+2028 and U+2029 as line ends, so a heading is not swallowed by the line after it", () => {
    expect(parseBlocks(`# Aims\u2028\u2028To win.\u2029\u2029- one\u2028- two`)).toEqual([
      { kind: "heading", level: 1, runs: [{ text: "Aims", bold: false }] },
      { kind: "paragraph", runs: [{ text: "To win.", bold: false }] },
      {
        kind: "list",
        ordered: false,
        items: [
          { runs: [{ text: "one", bold: false }], blocks: [] },
          { runs: [{ text: "two", bold: false }], blocks: [] },
        ],
      },
    ]);
  });

  it("reads the issue's line (#, 2,000 spaces, U+2028) as a line end: an empty heading (left out) and text", () => {
    expect(parseBlocks(`#${" ".repeat(2000)}\u2028x`)).toEqual(parseBlocks(`#${" ".repeat(2000)}\nx`));
    expect(parseBlocks(`#${" ".repeat(2000)}\u2028x`)).toEqual([{ kind: "paragraph", runs: [{ text: "x", bold: false }] }]);
    expect(parseBlocks(`# Aims${" ".repeat(2000)}\u2028x`)).toEqual([
      { kind: "heading", level: 1, runs: [{ text: "Aims", bold: false }] },
      { kind: "paragraph", runs: [{ text: "x", bold: false }] },
    ]);
  });
});
