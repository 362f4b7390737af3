import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { breakTie, orderByTotal } from "./ties";

const names = ["X", "Y", "Z"];

describe("breakTie", () => {
  it("narrows step by step through earlier stages (three-way tie)", () => {
    // Stage 3: all equal. Stage 2: X = Y < Z, so Z is out. Stage 1: X < Y, so X is chosen.
    const history = [
      [1, 2, 5],
      [3, 3, 4],
      [4, 4, 4],
    ];
    const outcome = breakTie([2, 0, 1], "lowest", "exclusion", { names, seed: "", history });
    expect(outcome).toEqual({
      chosen: 0,
      record: { question: "exclusion", tied: ["X", "Y", "Z"], chosen: "X", decidedBy: "earlier-stage", stage: 1 },
    });
    const highest = breakTie([0, 1, 2], "highest", "surplus-order", { names, seed: "", history });
    expect(highest.chosen).toBe(2);
    expect(highest.record).toMatchObject({ decidedBy: "earlier-stage", stage: 2 });
  });

  it("draws lots among those still tied when every stage was equal", () => {
    const history = [
      [1, 2, 2],
      [3, 3, 3],
    ];
    const outcome = breakTie([0, 1, 2], "highest", "surplus-order", { names, seed: "pub", history });
    // Stage 1 leaves Y and Z (both 2, the highest); they were never unequal: lot at stage 2.
    const ticket = (n: string): string => createHash("sha256").update(`pub\n2\n${n}`).digest("hex");
    const expected = ticket("Y") < ticket("Z") ? "Y" : "Z";
    expect(outcome.record).toEqual({
      question: "surplus-order",
      tied: ["X", "Y", "Z"],
      chosen: expected,
      decidedBy: "lot",
      seed: "pub",
      tickets: [
        { candidate: "Y", ticket: ticket("Y") },
        { candidate: "Z", ticket: ticket("Z") },
      ],
    });
  });

  it("uses an order drawn before the count instead, when given", () => {
    const outcome = breakTie([0, 1], "lowest", "exclusion", { names, seed: "", tieOrder: [1, 0, 2], history: [[1, 1, 0]] });
    expect(outcome.chosen).toBe(1);
    expect(outcome.record).toMatchObject({ decidedBy: "tie-order", order: ["Y", "X", "Z"] });
  });

  it("has nothing to record for a single candidate", () => {
    expect(breakTie([1], "lowest", "exclusion", { names, seed: "", history: [] })).toEqual({ chosen: 1, record: null });
  });
});

describe("orderByTotal", () => {
  it("orders highest first and records how equal totals were ordered", () => {
    const history = [
      [5, 4, 1],
      [6, 6, 7],
    ];
    const { order, tieBreaks } = orderByTotal([0, 1, 2], history[1]!, "election-order", { names, seed: "", history });
    expect(order).toEqual([2, 0, 1]);
    expect(tieBreaks).toEqual([{ question: "election-order", tied: ["X", "Y"], chosen: "X", decidedBy: "earlier-stage", stage: 1 }]);
  });
});
