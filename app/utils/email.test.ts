import { describe, expect, it } from "vitest";
import { isEmailAddress } from "./email";
import { MAX_EMAIL_LENGTH } from "./input-limits";

describe("isEmailAddress", () => {
  it("accepts ordinary addresses", () => {
    for (const address of ["ann@example.org", "a.b+c@mail.example.co.uk", "x@y.z", "o'neill@example.ie"]) {
      expect(isEmailAddress(address), address).toBe(true);
    }
  });

  it("refuses what cannot be an address", () => {
    for (const address of ["", "ann", "ann@", "@example.org", "ann@example", "ann@example.", "ann@.org", "a@b@c.d", "ann @example.org", "ann@exa mple.org"]) {
      expect(isEmailAddress(address), address).toBe(false);
    }
  });

  it("refuses an address longer than the limit, and accepts one at it", () => {
    const domain = "@example.org";
    expect(isEmailAddress("a".repeat(MAX_EMAIL_LENGTH - domain.length) + domain)).toBe(true);
    expect(isEmailAddress("a".repeat(MAX_EMAIL_LENGTH - domain.length + 1) + domain)).toBe(false);
  });

  it("refuses the issue's 96 KB field of dots and letters", () => {
    // Issue 13: "a@" then 96 KB of "a." with no ending made the old pattern backtrack for 22 s.
    const hostile = `a@${"a.".repeat(48 * 1024)}@`;
    expect(isEmailAddress(hostile)).toBe(false);
    expect(isEmailAddress(`a@${"a".repeat(96 * 1024)}.org`)).toBe(false);
  });
});
