import { describe, expect, it } from "vitest";
import { amendmentsSummary, type AmendmentState } from "./amendments-status";

const a = (status: AmendmentState["status"], supporters = 0, byCommittee = false): AmendmentState => ({ status, supporters, byCommittee });

describe("the draft's summary of its amendments (issue 15)", () => {
  it("counts what has enough support while drafting, with the plural right", () => {
    expect(amendmentsSummary("drafting", [], 5)).toBe("No amendments have been proposed yet.");
    expect(amendmentsSummary("drafting", [a("open", 5)], 5)).toBe("1 amendment: 1 with enough support to go to the vote.");
    expect(amendmentsSummary("drafting", [a("open", 5), a("open", 1), a("open", 0, true), a("withdrawn", 9)], 5)).toBe(
      "4 amendments: 2 with enough support to go to the vote, 1 still gathering support, 1 withdrawn.",
    );
  });

  it("says what was carried and lost after a vote, not that nothing has enough support", () => {
    const line = amendmentsSummary("closed", [a("carried", 5)], 5);
    expect(line).toBe("1 amendment: 1 carried.");
    expect(line).not.toContain("0 with enough support");
    expect(amendmentsSummary("closed", [a("carried", 5), a("lost", 6), a("undecided", 7), a("open", 1)], 5)).toBe(
      "4 amendments: 1 not yet put to the vote, 1 carried, 1 lost, 1 not decided because too few voted.",
    );
  });

  it("says which amendments are on the ballot while the vote is open", () => {
    expect(amendmentsSummary("voting", [a("open", 5), a("open", 0)], 5)).toBe("2 amendments: 1 on the ballot, 1 not yet put to the vote.");
  });
});
