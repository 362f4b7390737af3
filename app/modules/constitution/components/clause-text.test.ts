import { describe, expect, it } from "vitest";
import { wordDiff } from "~/modules/constitution/text";
import { compactSegments, diffParagraphs } from "./clause-text";

describe("diffParagraphs", () => {
  const before = "First paragraph stays.\n\nSecond says yearly.\n\n- (a) a list item\n- (b) another\n\nLast stays.";
  const after = "First paragraph stays.\n\nSecond says monthly.\n\n- (a) a list item\n- (b) another\n\nLast stays.";

  it("splits unchanged text at blank lines, keeping each change in its paragraph", () => {
    const paragraphs = diffParagraphs(wordDiff(before, after));
    const changed = paragraphs.filter((p) => p.some((s) => s.kind !== "same"));
    expect(changed).toHaveLength(1);
    const text = changed[0]!.map((s) => (s.kind === "same" ? s.text : `[${s.kind}:${s.text}]`)).join("");
    expect(text).toContain("Second says");
    expect(text).toContain("[removed:yearly]");
    expect(text).toContain("[added:monthly]");
    expect(text).not.toContain("First paragraph");
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
  });

  it("keeps every word of both sides", () => {
    const segments = wordDiff(before, after);
    // One side's text: its segments in order, paragraphs rejoined by a blank line.
    const side = (leaveOut: "removed" | "added") =>
      diffParagraphs(segments)
        .map((p) =>
          p
            .filter((s) => s.kind !== leaveOut)
            .map((s) => s.text)
            .join(""),
        )
        .join("\n\n")
        .replace(/\s+/g, " ")
        .trim();
    expect(side("added")).toBe(before.replace(/\s+/g, " "));
    expect(side("removed")).toBe(after.replace(/\s+/g, " "));
  });
});

describe("compactSegments", () => {
  it("keeps changed paragraphs whole and puts one … where unchanged ones were", () => {
    const before = "One stays.\n\nTwo stays.\n\nThree says yearly.\n\nFour stays.";
    const after = "One stays.\n\nTwo stays.\n\nThree says monthly.\n\nFour stays.";
    const text = compactSegments(wordDiff(before, after))
      .map((s) => (s.kind === "same" ? s.text : `[${s.kind}:${s.text}]`))
      .join("");
    expect(text).toBe("…\n\nThree says [removed:yearly][added:monthly].\n\n…");
  });
});
