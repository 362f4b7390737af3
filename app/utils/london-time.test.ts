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

describe("UK wall-clock times in forms", () => {
  it("fills a form with the UK time of an instant, and reads it back", async () => {
    const { toLondonLocal } = await import("./london-time");
    expect(toLondonLocal(new Date("2026-07-01T17:00:00Z"))).toBe("2026-07-01T18:00");
    expect(fromLondonLocal(toLondonLocal(new Date("2026-12-01T18:00:00Z")))?.toISOString()).toBe("2026-12-01T18:00:00.000Z");
  });
});
