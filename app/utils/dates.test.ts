import { describe, expect, it } from "vitest";
import { formatCalendarDay, formatCalendarDayShort, formatDate, formatDateTime, formatTime, machineDateTime } from "./dates";

describe("dates as people write them", () => {
  it("writes the UK calendar day in words, in winter and in summer", () => {
    expect(formatDate(new Date("2026-12-05T10:34:38Z"))).toBe("5 December 2026");
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(formatDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(formatDate(new Date("2026-12-05T10:34:38Z"), { weekday: true })).toBe("Saturday 5 December 2026");
  });

  it("writes times the GOV.UK way, in UK time", () => {
    expect(formatTime(new Date("2026-12-03T10:34:38Z"))).toBe("10:34am");
    expect(formatTime(new Date("2026-07-10T17:00:00Z"))).toBe("6pm");
    expect(formatTime(new Date("2026-12-03T12:00:00Z"))).toBe("midday");
    expect(formatTime(new Date("2026-12-03T00:00:00Z"))).toBe("midnight");
    expect(formatTime(new Date("2026-12-03T00:05:00Z"))).toBe("12:05am");
    expect(formatTime(new Date("2026-12-03T12:30:00Z"))).toBe("12:30pm");
    expect(formatTime(new Date("2026-12-03T21:07:00Z"))).toBe("9:07pm");
  });

  it("joins day and time, with or without the weekday", () => {
    expect(formatDateTime(new Date("2026-12-03T10:34:38Z"))).toBe("3 December 2026 at 10:34am");
    expect(formatDateTime(new Date("2027-01-22T18:00:00Z"), { weekday: true })).toBe("Friday 22 January 2027 at 6pm");
    // Across the spring clock change: 01:30 UTC on 29 March 2026 is 2:30am BST.
    expect(formatDateTime(new Date("2026-03-29T01:30:00Z"))).toBe("29 March 2026 at 2:30am");
  });

  it("accepts the ISO strings loaders send to the browser", () => {
    expect(formatDateTime("2026-12-03T10:34:38.000Z")).toBe("3 December 2026 at 10:34am");
    expect(machineDateTime(new Date("2026-12-03T10:34:38Z"))).toBe("2026-12-03T10:34:38.000Z");
  });

  it("writes calendar days without any time zone moving them", () => {
    expect(formatCalendarDay("2027-02-01")).toBe("1 February 2027");
    expect(formatCalendarDay("2027-02-01", { weekday: true })).toBe("Monday 1 February 2027");
    expect(formatCalendarDay("2027-02-30")).toBeNull();
    expect(formatCalendarDayShort("2026-12-05")).toBe("5 Dec");
  });

  it("never writes a machine date", () => {
    const at = new Date("2026-12-03T10:34:38Z");
    for (const text of [formatDate(at), formatDateTime(at), formatDateTime(at, { weekday: true })])
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}/);
  });
});
