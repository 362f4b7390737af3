import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRulesBlock } from "./standing-order-rules";

describe("standing orders rules block", () => {
  it("reads the model standing orders", () => {
    const rules = parseRulesBlock(readFileSync("constitution/standing-orders.md", "utf8"));
    expect(rules).toMatchObject({ quorumPercent: 20, ordinaryMajority: "simple", entrenchedMajority: "two-thirds", adoptionMajority: "two-thirds" });
  });
  it("falls back to safe defaults when a value is missing or odd", () => {
    expect(parseRulesBlock("```yaml\nquorum_percent: lots\n```")).toMatchObject({ quorumPercent: 20, entrenchedMajority: "two-thirds" });
  });
});
