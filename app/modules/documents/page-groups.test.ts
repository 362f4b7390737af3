import { describe, expect, it } from "vitest";
import { pageGroups } from "./page-groups";

describe("groups of sections for separate page flows", () => {
  it("keeps sections in order and whole, within the budget", () => {
    expect(pageGroups([3, 4, 2, 5, 1, 1], (n) => n, 7)).toEqual([
      [3, 4],
      [2, 5],
      [1, 1],
    ]);
  });

  it("gives a section heavier than the budget a group of its own", () => {
    expect(pageGroups([2, 20, 2, 2], (n) => n, 5)).toEqual([[2], [20], [2, 2]]);
  });

  it("makes no group of nothing", () => {
    expect(pageGroups([], (n: number) => n, 5)).toEqual([]);
  });
});
