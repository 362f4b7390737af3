import { describe, expect, it } from "vitest";
import { formatFigure, formatNumber, formatPence, formatPounds, formatWhole } from "./numbers";

describe("numbers for people", () => {
  it("groups thousands the UK way and keeps a share's decimal", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(1480)).toBe("1,480");
    expect(formatNumber(1_000_000)).toBe("1,000,000");
    expect(formatNumber(33.3)).toBe("33.3");
    // As toLocaleString("en-GB") did before: three decimals at most.
    expect(formatNumber(2 / 3)).toBe("0.667");
  });

  it("rounds a whole count", () => {
    expect(formatWhole(1480.4)).toBe("1,480");
    expect(formatWhole(2.6)).toBe("3");
  });

  it("shows a count sheet's transfer values to five places, and whole figures as counts", () => {
    expect(formatFigure(1234)).toBe("1,234");
    expect(formatFigure(1 / 3)).toBe("0.33333");
    expect(formatFigure(12.5)).toBe("12.5");
  });

  it("writes money with pence on pages and without .00 in documents", () => {
    expect(formatPence(123450)).toBe("£1,234.50");
    expect(formatPence(100)).toBe("£1.00");
    expect(formatPounds(123450)).toBe("£1,234.50");
    expect(formatPounds(123400)).toBe("£1,234");
    expect(formatPounds(-5)).toBe("-£0.05");
    expect(formatPounds(1_000_000_001)).toBe("£10,000,000.01");
  });

  it("does not depend on the machine's own locale", () => {
    const original = Number.prototype.toLocaleString;
    // A server whose default locale writes 1.480: ours still writes 1,480.
    Number.prototype.toLocaleString = function () {
      return "wrong";
    };
    try {
      expect(formatNumber(1480)).toBe("1,480");
    } finally {
      Number.prototype.toLocaleString = original;
    }
  });
});
