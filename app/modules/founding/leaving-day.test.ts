import { describe, expect, it } from "vitest";
import { leavingDayProblem } from "./leaving-day";
import { leavingDayMessages } from "./wording";

const now = new Date("2026-11-23T12:00:00Z");

describe("leaving day", () => {
  it.each([
    ["2027-03-01", null],
    ["2026-11-23", null],
    ["2026-11-22", "The leaving day must be today or later"],
    ["2026-02-30", "Enter a real date"],
    ["next week", "Enter the leaving day as a date, for example 1 March 2027"],
  ])("%s", (value, problem) => {
    const code = leavingDayProblem(value, now);
    expect(code === null ? null : leavingDayMessages[code]).toBe(problem);
  });
});
