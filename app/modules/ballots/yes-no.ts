/**
 * Yes / No / Abstain votes with a quorum and a majority rule.
 *
 * All comparisons are done in integers (cross-multiplied), so "two thirds" means exactly two
 * thirds, with no rounding.
 */

/** A share such as 1/4, kept as two integers so it is exact. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

export function fraction(numerator: number, denominator: number): Fraction {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0 || numerator > denominator) {
    throw new RangeError(`not a share between 0 and 1: ${numerator}/${denominator}`);
  }
  return { numerator, denominator };
}

export type MajorityRule =
  /** More yes than no; abstentions ignored. */
  | "simple"
  /** More than half of all votes cast, abstentions included (an abstention counts against). */
  | "absolute"
  /** At least two thirds of yes + no; abstentions excluded. */
  | "two-thirds";

export interface YesNoRules {
  /** Share of the roll that must take part (yes + no + abstain) for the vote to count. */
  readonly quorum: Fraction;
  readonly majority: MajorityRule;
}

export interface YesNoTally {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  /** Members entitled to vote. */
  readonly roll: number;
}

/** Machine-readable outcome; English wording lives in messages.ts. */
export type YesNoCode = "quorum-not-met" | "majority-met" | "majority-not-met";

export interface YesNoResult {
  /** True only when the quorum is met and the majority rule is satisfied. */
  readonly passed: boolean;
  readonly code: YesNoCode;
  readonly majority: MajorityRule;
  readonly tally: YesNoTally;
  readonly turnout: number;
  /** Smallest turnout that meets the quorum. */
  readonly quorumNeeded: number;
  /** Yes votes needed to pass with these votes cast (when the quorum is met). */
  readonly yesNeeded: number;
}

export function countYesNo(tally: YesNoTally, rules: YesNoRules): YesNoResult {
  for (const [key, value] of Object.entries(tally)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${key} must be a non-negative whole number, got ${value}`);
    }
  }
  const { yes, no, abstain, roll } = tally;
  const turnout = yes + no + abstain;
  if (turnout > roll) throw new RangeError(`more votes (${turnout}) than members on the roll (${roll})`);
  const { numerator, denominator } = rules.quorum;
  // turnout / roll >= numerator / denominator, in integers.
  const quorumNeeded = Math.ceil((roll * numerator) / denominator);
  const quorumMet = turnout * denominator >= roll * numerator;

  let yesNeeded: number;
  switch (rules.majority) {
    case "simple":
      yesNeeded = no + 1;
      break;
    case "absolute":
      yesNeeded = Math.floor(turnout / 2) + 1;
      break;
    case "two-thirds":
      // 3 * yes >= 2 * (yes + no)  <=>  yes >= 2 * no
      yesNeeded = Math.max(2 * no, 1);
      break;
  }
  const majorityMet = yes >= yesNeeded;
  const code: YesNoCode = !quorumMet ? "quorum-not-met" : majorityMet ? "majority-met" : "majority-not-met";
  return {
    passed: code === "majority-met",
    code,
    majority: rules.majority,
    tally,
    turnout,
    quorumNeeded,
    yesNeeded,
  };
}
