import { describe, expect, it } from "vitest";
import { MAX_WORD_LENGTH } from "./input-limits";
import { longestWordLength, textLimitProblem } from "./text-limits";

describe("text limits", () => {
  it("measures the longest run without spaces, whatever the kind of space", () => {
    expect(longestWordLength("")).toBe(0);
    expect(longestWordLength("a bb\tccc\u2028dddd\u00a0e")).toBe(4);
    expect(longestWordLength("https://example.org/a/very/long/path?with=query")).toBe(47);
  });

  it("refuses text over the limit first, then a single word longer than any real one", () => {
    expect(textLimitProblem("x".repeat(1_000_000), 2_000)).toBe("too_long");
    expect(textLimitProblem("x".repeat(MAX_WORD_LENGTH + 1), 2_000)).toBe("word_too_long");
    expect(textLimitProblem(`See ${"x".repeat(MAX_WORD_LENGTH)} here.`, 2_000)).toBeNull();
    expect(textLimitProblem("Ordinary words.", 2_000)).toBeNull();
  });
});
