import { describe, expect, it } from "vitest";
import { readEmblemAnswers } from "./emblem-answers";

describe("readEmblemAnswers", () => {
  it("reads a picture with words and the height of the smallest letters", () => {
    expect(readEmblemAnswers({ hasPicture: "yes", hasText: "yes", smallestTextPx: " 14 " }, 2)).toEqual({
      ok: true,
      values: { hasPicture: "yes", hasText: "yes", smallestTextPx: "14" },
      answers: { hasPicture: true, hasText: true, smallestTextPx: 14 },
    });
  });

  it("needs no height when there are no words", () => {
    const read = readEmblemAnswers({ hasPicture: "no", hasText: "no", smallestTextPx: "abc" }, 1);
    expect(read.ok && read.answers).toEqual({ hasPicture: false, hasText: false, smallestTextPx: null });
  });

  it("keys each refusal to its question of that emblem", () => {
    const read = readEmblemAnswers({ hasText: "yes", smallestTextPx: "12px" }, 3);
    expect(read.ok ? [] : Object.keys(read.errors)).toEqual(["hasPicture-3", "smallestTextPx-3"]);
  });
});
