import { describe, expect, it } from "vitest";
import { fromLondonLocal } from "./london-time";

describe("UK wall-clock times", () => {
  it("reads winter times as GMT", () => {
    expect(fromLondonLocal("2026-12-01T18:00")?.toISOString()).toBe("2026-12-01T18:00:00.000Z");
  });
  it("reads summer times as BST", () => {
    expect(fromLondonLocal("2026-07-01T18:00")?.toISOString()).toBe("2026-07-01T17:00:00.000Z");
  });
  it("refuses what is not a date and time", () => {
    expect(fromLondonLocal("tomorrow")).toBeNull();
    expect(fromLondonLocal("2026-02-30T10:00")).toBeNull();
  });
});
