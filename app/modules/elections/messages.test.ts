import { describe, expect, it } from "vitest";
import { committeeTitle } from "./messages";

describe("the interim committee's title", () => {
  it("says 1 seat, not 1 seats", () => {
    expect(committeeTitle(1)).toBe("Interim committee (1 seat)");
    expect(committeeTitle(7)).toBe("Interim committee (7 seats)");
  });
});
