import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatUnits, mulDivFloor, parseUnits, unitsToVotes, votesToUnits } from "./fixed-point";

describe("fixed-point", () => {
  it("formats and parses 5-dp figures without floating point", () => {
    expect(formatUnits(365290304)).toBe("3652.90304");
    expect(formatUnits(5)).toBe("0.00005");
    expect(formatUnits(-12)).toBe("-0.00012");
    expect(parseUnits("2727.8")).toBe(272780000);
    expect(parseUnits("2842")).toBe(284200000);
    expect(parseUnits("0.00001")).toBe(1);
    expect(parseUnits("1.000001")).toBeNull();
    expect(parseUnits("abc")).toBeNull();
    expect(votesToUnits(14207)).toBe(1420700000);
  });

  it("prints report figures as their exact 5-dp decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), (units) => {
        const votes = unitsToVotes(units);
        expect(Math.round(votes * 100_000)).toBe(units);
        expect(parseUnits(String(votes).includes("e") ? formatUnits(units) : String(votes))).toBe(units);
      }),
    );
  });

  it("computes floor(a * b / c) exactly, also beyond 2^53", () => {
    expect(mulDivFloor(323700000, 100000, 607900000)).toBe(53248);
    fc.assert(
      fc.property(
        // As in a surplus transfer: surplus <= total, paper value <= one vote (100000 units).
        fc.integer({ min: 1, max: 2 ** 45 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, value, share) => {
          const surplus = Math.floor(total * share);
          expect(BigInt(mulDivFloor(surplus, value, total))).toBe((BigInt(surplus) * BigInt(value)) / BigInt(total));
        },
      ),
    );
    expect(() => mulDivFloor(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivFloor(2 ** 50, 2 ** 10, 1)).toThrow(RangeError);
  });
});
