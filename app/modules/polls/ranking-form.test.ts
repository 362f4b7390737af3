import { describe, expect, it } from "vitest";
import { rankingFromNumbers } from "./ranking-form";

const form = (values: string[]) => new Map(values.map((v, i) => [i, v] as const));

describe("numbered ballot", () => {
  it("orders options by their numbers, skipping blanks", () => {
    expect(rankingFromNumbers(form(["2", "", "1"]))).toEqual({ ok: true, ranking: [2, 0] });
  });
  it.each([
    [["", ""], "ranking_empty"],
    [["1", "1"], "ranking_duplicate"],
    [["1", "3"], "ranking_gap"],
    [["2"], "ranking_gap"],
    [["one"], "ranking_gap"],
    [["0"], "ranking_gap"],
  ])("refuses %j (%s)", (values, code) => {
    expect(rankingFromNumbers(form(values))).toEqual({ ok: false, code });
  });
});
