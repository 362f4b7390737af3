import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMarkdown } from "./read";

describe("reading a text pages show again and again", () => {
  it("reads the standing orders once and hands out the same blocks after (issue 16: 110 ms of one thread per view)", () => {
    const text = readFileSync(path.resolve("constitution/standing-orders.md"), "utf8");
    const first = readMarkdown(text);
    expect(readMarkdown(text)).toBe(first);
    // A different text is read for itself.
    const other = readMarkdown(`${text}\n\nOne more paragraph.`);
    expect(other).not.toBe(first);
    expect(other.length).toBe(first.length + 1);
  });

  it("keeps only the texts used lately, and never a very long one", () => {
    const long = `${"A sentence of a long text. ".repeat(4000)}`;
    expect(readMarkdown(long)).not.toBe(readMarkdown(long));
    const first = readMarkdown("Text number 0");
    for (let i = 1; i <= 64; i++) readMarkdown(`Text number ${i}`);
    expect(readMarkdown("Text number 0")).not.toBe(first);
  });
});
