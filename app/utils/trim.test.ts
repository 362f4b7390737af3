import { describe, expect, it } from "vitest";
import { trimBothOf, trimEndOf, trimLineEnds, trimStartOf, trimWhere, withoutBracketed } from "./trim";

describe("trimming without patterns", () => {
  it("trims the given characters at the ends only", () => {
    expect(trimBothOf("--a-b--", "-")).toBe("a-b");
    expect(trimStartOf("//a/", "/")).toBe("a/");
    expect(trimEndOf("https://x.org///", "/")).toBe("https://x.org");
    expect(trimBothOf("----", "-")).toBe("");
    expect(
      trimWhere(
        "12Ann.!",
        (c) => !/\p{L}/u.test(c),
        (c) => c !== "." && !/\p{L}/u.test(c),
      ),
    ).toBe("Ann.");
  });

  it("removes spaces at the end of every line, as /[ \\t]+$/gm does", () => {
    const text = "a  \nb\t\t\r\nc \u2028d \u2029 e  ";
    expect(trimLineEnds(text)).toBe("a\nb\r\nc\u2028d\u2029 e");
    expect(trimLineEnds(" ".repeat(100_000) + "x")).toBe(" ".repeat(100_000) + "x");
  });

  it("removes bracketed asides on one line, as /\\(.*?\\)|\\[.*?\\]/g does", () => {
    const cases: [string, string][] = [
      ["Email (work)", "Email  "],
      ["Name [required] (full)", "Name    "],
      ["a (b\nc) d", "a (b\nc) d"],
      ["((a) x", "  x"],
      ["(a(b)c)", " c)"],
      ["no close (here", "no close (here"],
      ["[x) (y]", " "],
    ];
    for (const [text, expected] of cases) expect(withoutBracketed(text), text).toBe(expected);
    expect(withoutBracketed("(".repeat(50_000))).toBe("(".repeat(50_000));
  });
});
