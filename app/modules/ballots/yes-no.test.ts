import { describe, expect, it } from "vitest";
import { YES_NO_MESSAGES } from "./messages";
import { countYesNo, fraction, type MajorityRule } from "./yes-no";

const quarter = fraction(1, 4);

function run(yes: number, no: number, abstain: number, majority: MajorityRule, roll = 100) {
  return countYesNo({ yes, no, abstain, roll }, { quorum: quarter, majority });
}

describe("countYesNo", () => {
  it("fails when too few take part, whatever the votes; abstentions count towards the quorum", () => {
    expect(run(24, 0, 0, "simple")).toMatchObject({ passed: false, code: "quorum-not-met", quorumNeeded: 25 });
    expect(run(20, 0, 5, "simple")).toMatchObject({ passed: true, code: "majority-met", turnout: 25 });
  });

  it("simple majority: more yes than no", () => {
    expect(run(11, 10, 50, "simple")).toMatchObject({ passed: true, code: "majority-met" });
    expect(run(10, 10, 50, "simple")).toMatchObject({ passed: false, code: "majority-not-met", yesNeeded: 11 });
  });

  it("absolute majority: more than half of all votes cast, abstentions included", () => {
    expect(run(30, 10, 21, "absolute")).toMatchObject({ passed: false, code: "majority-not-met", yesNeeded: 31 });
    expect(run(31, 10, 20, "absolute")).toMatchObject({ passed: true });
  });

  it("two thirds of yes + no, abstentions excluded: exactly two thirds passes", () => {
    expect(run(20, 10, 40, "two-thirds")).toMatchObject({ passed: true, yesNeeded: 20 });
    expect(run(19, 10, 40, "two-thirds")).toMatchObject({ passed: false });
    expect(run(0, 0, 30, "two-thirds")).toMatchObject({ passed: false, code: "majority-not-met" });
  });

  it("rejects impossible tallies and shares", () => {
    expect(() => run(60, 50, 0, "simple")).toThrow(RangeError);
    expect(() => run(-1, 0, 0, "simple")).toThrow(RangeError);
    expect(() => fraction(3, 2)).toThrow(RangeError);
  });

  it("has English wording for every code", () => {
    for (const code of ["quorum-not-met", "majority-met", "majority-not-met"] as const) {
      expect(YES_NO_MESSAGES[code]).toMatch(/\w/);
    }
  });
});
