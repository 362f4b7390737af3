import { describe, expect, it } from "vitest";
import { count, fileSlug, pageLabel, plural, pounds, ukCalendarDate, ukDate, ukDateTime, upperFirst } from "./format";

describe("document formatting", () => {
  it("dates instants by the UK calendar, in summer and winter", () => {
    expect(ukDate(new Date("2026-11-23T12:00:00Z"))).toBe("23 November 2026");
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(ukDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
  });

  it("gives a deadline with its weekday and UK clock time", () => {
    expect(ukDateTime(new Date("2027-01-22T18:00:00Z"))).toBe("Friday 22 January 2027 at 6pm");
    expect(ukDateTime(new Date("2026-07-10T17:00:00Z"))).toBe("Friday 10 July 2026 at 6pm");
  });

  it("reads calendar dates without any time zone moving them", () => {
    expect(ukCalendarDate("2027-02-01")).toBe("1 February 2027");
    expect(ukCalendarDate("2027-02-01", { weekday: true })).toBe("Monday 1 February 2027");
    expect(ukCalendarDate("2027-02-30")).toBeNull();
    expect(ukCalendarDate("1 Feb 2027")).toBeNull();
  });

  it("shows pence as pounds, with pennies only when there are some", () => {
    expect(pounds(0)).toBe("£0");
    expect(pounds(5)).toBe("£0.05");
    expect(pounds(171350)).toBe("£1,713.50");
    expect(pounds(100000)).toBe("£1,000");
    expect(pounds(123456789)).toBe("£1,234,567.89");
    expect(pounds(-250)).toBe("-£2.50");
  });

  it("counts and labels pages", () => {
    expect(count(12345)).toBe("12,345");
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(2, "person", "people")).toBe("2 people");
    expect(pageLabel(2, 5)).toBe("Page 2 of 5");
    expect(upperFirst("the Commonwealth Party")).toBe("The Commonwealth Party");
  });

  it("makes file names that need no quoting", () => {
    expect(fileSlug("Resignation letter Siân Ŵyn-Łukasiewicz")).toBe("resignation-letter-sian-wyn-lukasiewicz");
    expect(fileSlug('“Quotes” & slashes/\\ "')).toBe("quotes-slashes");
    expect(fileSlug("宣言", "letter")).toBe("letter");
    expect(fileSlug("a".repeat(100))).toHaveLength(60);
  });
});
