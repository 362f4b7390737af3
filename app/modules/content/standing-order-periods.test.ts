import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPeriod, earliestClose } from "./standing-order-periods";
import { parseRulesBlock } from "./standing-order-rules";

const rules = parseRulesBlock(readFileSync("constitution/standing-orders.md", "utf8"));
const opensAt = new Date("2026-12-05T15:00:00Z");
const after = (ms: number) => new Date(opensAt.getTime() + ms);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("standing orders periods", () => {
  it("reads the periods from the model standing orders", () => {
    expect(rules).toMatchObject({ ballotMinOpenDays: 7, nominationDays: 14 });
  });

  it("refuses an 11-minute ballot once the standing orders are adopted, and says the earliest close", () => {
    const check = checkPeriod(rules, "ballot", { opensAt, closesAt: after(11 * MINUTE), adopted: true });
    expect(check).toEqual({ ok: false, code: "period_too_short", kind: "ballot", days: 7, earliest: new Date("2026-12-12T15:00:00Z") });
  });

  it("refuses 20-minute nominations, and accepts 14 days", () => {
    expect(checkPeriod(rules, "nominations", { opensAt, closesAt: after(20 * MINUTE), adopted: true })).toMatchObject({ ok: false, days: 14 });
    expect(checkPeriod(rules, "nominations", { opensAt, closesAt: after(14 * DAY), adopted: true })).toEqual({ ok: true });
    expect(checkPeriod(rules, "nominations", { opensAt, closesAt: after(14 * DAY - 1), adopted: true }).ok).toBe(false);
  });

  it("accepts exactly 7 days for a ballot, a day being 24 hours even across a clock change", () => {
    const octoberOpen = new Date("2026-10-22T12:00:00Z");
    expect(earliestClose(rules, "ballot", octoberOpen).toISOString()).toBe("2026-10-29T12:00:00.000Z");
    expect(checkPeriod(rules, "ballot", { opensAt, closesAt: after(7 * DAY), adopted: true })).toEqual({ ok: true });
  });

  it("binds nobody before the standing orders are adopted", () => {
    expect(checkPeriod(rules, "ballot", { opensAt, closesAt: after(11 * MINUTE), adopted: false })).toEqual({ ok: true });
  });

  // Decision 038: a garbled period is refused by name rather than replaced by a guess.
  it("refuses a garbled period, and takes a changed one as written", () => {
    const model = readFileSync("constitution/standing-orders.md", "utf8");
    expect(() => parseRulesBlock(model.replace(/^ballot_min_open_days: 7/m, "ballot_min_open_days: soon"))).toThrow(/"ballot_min_open_days"/);
    expect(parseRulesBlock(model.replace(/^ballot_min_open_days: 7/m, "ballot_min_open_days: 10"))).toMatchObject({
      ballotMinOpenDays: 10,
      nominationDays: 14,
    });
  });
});
