/**
 * Fixed-point vote arithmetic.
 *
 * Scottish rule 48(3) makes every transfer value a decimal "to five decimal places (any
 * remainder being ignored)". Counting in integer units of 0.00001 vote therefore represents
 * every value the rules can produce exactly, and sums of them never drift the way binary
 * floating point would (0.1 + 0.2 !== 0.3). See docs/decisions/010-counting-arithmetic.md.
 *
 * Units are held in ordinary JavaScript numbers, which are exact integers up to 2^53 (about
 * 9 x 10^15 units = 90 billion votes). The one product that could pass that bound,
 * surplus x paper value, is done in BigInt (`mulDivFloor`).
 */

/** Units per whole vote: 5 decimal places. */
export const UNITS_PER_VOTE = 100_000;

/** Whole votes (papers) to units. */
export function votesToUnits(votes: number): number {
  const units = votes * UNITS_PER_VOTE;
  assertSafeUnits(units);
  return units;
}

/**
 * Units to a JavaScript number of votes. Exact in the sense that matters: the shortest decimal
 * representation JavaScript prints for the result is the 5-dp value (e.g. 365290304 units ->
 * 3652.90304), so JSON output shows the figures a returning officer would declare.
 */
export function unitsToVotes(units: number): number {
  return units / UNITS_PER_VOTE;
}

/** A decimal string with exactly five places, e.g. 365290304 -> "3652.90304". */
export function formatUnits(units: number): string {
  const negative = units < 0;
  const abs = Math.abs(units);
  const whole = Math.floor(abs / UNITS_PER_VOTE);
  const fraction = abs - whole * UNITS_PER_VOTE;
  return `${negative ? "-" : ""}${whole}.${String(fraction).padStart(5, "0")}`;
}

/**
 * Parses a decimal such as "2727.8" or "3652.90304" to units without going through floating
 * point. Returns `null` for anything that is not a plain decimal with at most five places.
 */
export function parseUnits(text: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d{0,5}))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const units = Number(whole) * UNITS_PER_VOTE + Number(fraction.padEnd(5, "0"));
  return sign === "-" ? -units : units;
}

/**
 * floor(a x b / c) for non-negative integers, exact however large the product (the result
 * itself must fit in 2^53; for a transfer value it is at most the paper's current value).
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  if (c <= 0) throw new RangeError("mulDivFloor: divisor must be positive");
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    // The float quotient can round up across an integer near 2^53, so correct it with exact
    // integer comparisons (both products stay within the safe range here).
    let quotient = Math.floor(product / c);
    while (quotient * c > product) quotient -= 1;
    while ((quotient + 1) * c <= product) quotient += 1;
    return quotient;
  }
  const quotient = (BigInt(a) * BigInt(b)) / BigInt(c);
  if (quotient > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("mulDivFloor: result too large");
  return Number(quotient);
}

export function assertSafeUnits(units: number): void {
  if (!Number.isSafeInteger(units)) {
    throw new RangeError(`vote total ${units} units is outside the exact integer range`);
  }
}
