import { describe, expect, it } from "vitest";
import { noun, plural } from "./plural";

describe("plurals", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "vote")).toBe("1 vote");
    expect(plural(0, "vote")).toBe("0 votes");
    expect(plural(2, "person", "people")).toBe("2 people");
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(1480, "member")).toBe("1,480 members");
  });
  it("words a count that is already written", () => {
    expect(noun("1", "vote")).toBe("vote");
    expect(noun("1.00000", "vote")).toBe("votes");
    expect(noun("12", "vote")).toBe("votes");
  });
});
