import { describe, expect, it } from "vitest";
import { schemeStatus, type SchemeStatusInput } from "./scheme-status";

const base: SchemeStatusInput = { modelRead: true, adopted: false, ballot: false, edited: false, sectionsAnswered: 0, treasurerNamed: false };

describe("the financial scheme's status on the registration hub (issue 15)", () => {
  it("is not complete just because the model gives it text", () => {
    const s = schemeStatus(base);
    expect(s.status).toBe("not-started");
    expect(s.progress).toBe("Waiting for the application's details it draws on (0 of 4 sections answered) and for the treasurer to be declared");
  });

  it("is in progress while it waits, while ready, and while its ballot is under way; complete once adopted", () => {
    expect(schemeStatus({ ...base, sectionsAnswered: 2, treasurerNamed: true })).toEqual({
      status: "in-progress",
      progress: "Waiting for the application's details it draws on (2 of 4 sections answered)",
    });
    expect(schemeStatus({ ...base, sectionsAnswered: 4, treasurerNamed: true }).progress).toContain("Ready to be adopted");
    expect(schemeStatus({ ...base, sectionsAnswered: 4, treasurerNamed: true, ballot: true }).status).toBe("in-progress");
    expect(schemeStatus({ ...base, adopted: true })).toEqual({ status: "complete", progress: "Adopted by the founding members' ballot" });
    expect(schemeStatus({ ...base, modelRead: false }).status).toBe("not-started");
  });
});
