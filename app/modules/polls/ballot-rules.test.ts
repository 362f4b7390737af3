import { describe, expect, it } from "vitest";
import { checkBallot, type PollRules } from "./ballot-rules";

const rules = (method: PollRules["method"]): PollRules => ({
  title: "t",
  method,
  seats: 1,
  quorum: { numerator: 0, denominator: 1 },
  majority: "simple",
  lotSeed: "seed",
  options: [0, 1, 2].map((position) => ({ position, label: `O${position}`, isRon: false, withdrawn: false })),
});

describe("checkBallot: a blank ranked paper", () => {
  it("is an abstention on a choice between texts (Schulze), which still takes part", () => {
    expect(checkBallot(rules("schulze"), { ranking: [] })).toEqual({ ok: true, content: { ranking: [] } });
  });

  it("is refused in an election, which needs at least one preference", () => {
    for (const method of ["irv", "irv-scottish", "scottish-stv"] as const) {
      expect(checkBallot(rules(method), { ranking: [] })).toEqual({ ok: false, code: "ranking_empty" });
    }
  });

  it("is refused when no ranking is given at all", () => {
    expect(checkBallot(rules("schulze"), {})).toEqual({ ok: false, code: "ranking_empty" });
  });
});
