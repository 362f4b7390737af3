import { describe, expect, it } from "vitest";
import { MAX_WORD_LENGTH } from "./input-limits";
import { textProblemMessages } from "./text-limit-messages";
import { isRefusedCharacter, longestWordLength, refusedCharacterAt, textLimitProblem } from "./text-limits";

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

// The hostile-input suite's string: a bell, a terminal colour escape, a backspace, DEL, NEL, the
// Unicode line ends, a right-to-left override, a zero-width space and a byte order mark.
const hostile = "Ann\u0001\u0007\u001b[31m\u0008\u007f\u0085\u2028\u2029\u202e\u200b\ufeff Smith";

describe("control characters in free text", () => {
  it("keeps what people write: tab, every line end, accents, right-to-left scripts, emoji", () => {
    for (const text of [
      "Line one\r\nLine two\n\tindented",
      "Para\u2028line\u2029para\u0085end",
      "Siân Ó Briain, Zoë",
      "محمد رضا",
      "שלום",
      "👩\u200d👩\u200d👧",
      "می\u200cخواهم",
    ]) {
      expect(textLimitProblem(text, 2_000, "prose"), text).toBeNull();
    }
    for (const name of ["Siân Ó Briain", "محمد رضا", 'Robert "Bob" Smith', "می\u200cخواهم", "O'Neill-Smith"]) {
      expect(textLimitProblem(name, 200, "name"), name).toBeNull();
    }
  });

  it("refuses the C0 controls but tab and line ends, DEL and the C1 controls but NEL in prose", () => {
    for (let code = 0; code < 0x20; code++) expect(isRefusedCharacter(code, "prose"), String(code)).toBe(![0x09, 0x0a, 0x0d].includes(code));
    expect(isRefusedCharacter(0x7f, "prose")).toBe(true);
    for (let code = 0x80; code <= 0x9f; code++) expect(isRefusedCharacter(code, "prose"), String(code)).toBe(code !== 0x85);
    expect(isRefusedCharacter(0xa0, "prose")).toBe(false);
    expect(textLimitProblem(hostile, 2_000, "prose")).toBe("bad_character");
    expect(refusedCharacterAt(hostile)).toBe(3);
  });

  it("refuses the bidirectional overrides, embeddings and isolates everywhere", () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(isRefusedCharacter(code, "prose")).toBe(true);
      expect(isRefusedCharacter(code, "name")).toBe(true);
    }
    // A candidate named so that the ballot shows "Ann Smith" when the stored name is not.
    expect(textLimitProblem("\u202ehtimS nnA", 200, "name")).toBe("bad_character");
    expect(textLimitProblem("The party shall \u202eton\u202c decide", 2_000, "prose")).toBe("bad_character");
  });

  it("refuses in names every control, line end, tab and invisible space, so a name is one line shown as stored", () => {
    for (const text of ["Ann\nSmith", "Ann\tSmith", "Ann\u0085Smith", "Ann\u2028Smith", "An\u200bn", "\ufeffAnn", "Ann\u2060Smith", hostile]) {
      expect(textLimitProblem(text, 200, "name"), JSON.stringify(text)).toBe("bad_character");
    }
    // Zero-width space and byte order mark are harmless inside paragraphs (some scripts use them).
    expect(textLimitProblem("\ufeffA paragraph\u200b.", 2_000, "prose")).toBeNull();
  });

  it("checks length before characters, and characters before the longest word", () => {
    expect(textLimitProblem(`\u0001${"x".repeat(300)}`, 100, "name")).toBe("too_long");
    expect(textLimitProblem(`\u0001${"x".repeat(300)}`, 2_000, "prose")).toBe("bad_character");
  });

  it("words each problem for the field that has it", () => {
    const messages = textProblemMessages("the title", 200);
    expect(messages.too_long).toBe("The title must be 200 characters or fewer");
    expect(messages.bad_character).toMatch(/^The title must not contain control characters/);
    expect(messages.word_too_long).toBe(`Each word of the title must be ${MAX_WORD_LENGTH} characters or fewer. Put spaces between words`);
  });
});
