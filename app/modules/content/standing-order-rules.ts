/**
 * The machine-readable rules block of constitution/standing-orders.md: a fenced ```yaml block,
 * read with the `yaml` package and checked with a strict zod schema (decision 038). Every key
 * here is read by the app; a key the schema does not know is refused by name, so a typing
 * mistake or a rule the app does not enforce cannot sit in the block looking as if it counted.
 * A value is taken as written: 0 stays 0. There are no fallbacks: a block that does not pass
 * fails loudly, like the model constitution's clause files.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { severalSeatMethodValues, type SeveralSeatMethod } from "../../../db/schema/polls";

const majority = z.enum(["simple", "absolute", "two-thirds"]);
const days = z.number().int().min(0).max(366);
const wordLimit = z.number().int().min(1).max(10_000);
const headCount = z.number().int().min(0).max(1_000);

/** The block as written: snake_case keys, as the standing orders' readers see them. */
export const rulesBlockSchema = z.strictObject({
  quorum_percent: z.number().min(0).max(100),
  ordinary_majority: majority,
  entrenched_majority: majority,
  adoption_majority: majority,
  standing_orders_adoption_majority: majority,
  other_questions_majority: majority,
  ballot_min_open_days: days,
  nomination_days: days,
  amendment_supporters: headCount,
  amendment_statement_max_words: wordLimit,
  recommendation_max_words: wordLimit,
  seconders_required: headCount,
  candidate_statement_max_words: wordLimit,
  one_registered_office_per_person: z.boolean(),
  // Added after standing orders were first written (issue 18): a block without it counts several
  // seats as every block before it did, by Scottish STV.
  several_seats_method: z.enum(severalSeatMethodValues).default("scottish-stv"),
});

export type MajorityRule = z.infer<typeof majority>;

export interface StandingOrderRules {
  /** Share of the roll that must take part in a question (8.1). */
  quorumPercent: number;
  ordinaryMajority: MajorityRule;
  entrenchedMajority: MajorityRule;
  /** The final vote on the constitution as a whole (10.4). */
  adoptionMajority: MajorityRule;
  /** The first vote on the standing orders themselves (16). */
  standingOrdersAdoptionMajority: MajorityRule;
  /** Decisions under section 12 that are not clauses: the name, emblems, the financial scheme. */
  otherQuestionsMajority: MajorityRule;
  /** A ballot stays open at least this many days (5.3). */
  ballotMinOpenDays: number;
  /** Nominations stay open at least this many days (5.5). */
  nominationDays: number;
  /** Founding members supporting an amendment, besides its proposer (7.4). */
  amendmentSupporters: number;
  /** The longest reason for an amendment, in words. */
  amendmentStatementMaxWords: number;
  /** The longest reasons the drafting committee gives for a recommendation, in words. */
  recommendationMaxWords: number;
  /** Founding members seconding a nomination, besides the nominator. */
  secondersRequired: number;
  /** The longest candidate's statement, in words. */
  candidateStatementMaxWords: number;
  /** Nobody holds more than one of the registered offices (11.3). */
  onePerPerson: boolean;
  /** How an election of several seats is counted (11.13): the rule and its arithmetic, as one value. */
  severalSeatsMethod: SeveralSeatMethod;
}

export class StandingOrderRulesError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The rules block of the standing orders has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n- ${problems.join("\n- ")}`);
    this.name = "StandingOrderRulesError";
  }
}

/** Where the ```yaml block sits (from its opening fence to the end of its closing one), and its text. */
function findRulesBlock(markdown: string): { start: number; end: number; text: string } | null {
  const start = markdown.search(/^```yaml\b/m);
  if (start === -1) return null;
  const open = markdown.indexOf("\n", start);
  const close = open === -1 ? -1 : markdown.indexOf("\n```", open);
  if (close === -1) return null;
  const lineEnd = markdown.indexOf("\n", close + 1);
  return { start, end: lineEnd === -1 ? markdown.length : lineEnd + 1, text: markdown.slice(open + 1, close + 1) };
}

/** The standing orders' text without the rules block, as members read it. */
export function withoutRulesBlock(markdown: string): string {
  const block = findRulesBlock(markdown);
  return block ? markdown.slice(0, block.start) + markdown.slice(block.end) : markdown;
}

function describeIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>): string[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `unknown key "${key}": Breakaway does not read it. Check its spelling, or remove it`);
  }
  const key = issue.path.map(String).join(".");
  if (issue.path.length === 1 && data[key] === undefined) return [`"${key}" is missing`];
  return [`"${key}": ${issue.message}`];
}

export function parseRulesBlock(markdown: string): StandingOrderRules {
  const text = findRulesBlock(markdown)?.text ?? null;
  if (text === null) throw new StandingOrderRulesError(["there is no ```yaml rules block"]);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new StandingOrderRulesError([`it is not valid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) throw new StandingOrderRulesError(['it must be a list of "key: value" lines']);
  const block = data as Record<string, unknown>;
  const parsed = rulesBlockSchema.safeParse(block);
  if (!parsed.success) throw new StandingOrderRulesError(parsed.error.issues.flatMap((issue) => describeIssue(issue, block)));
  const r = parsed.data;
  return {
    quorumPercent: r.quorum_percent,
    ordinaryMajority: r.ordinary_majority,
    entrenchedMajority: r.entrenched_majority,
    adoptionMajority: r.adoption_majority,
    standingOrdersAdoptionMajority: r.standing_orders_adoption_majority,
    otherQuestionsMajority: r.other_questions_majority,
    ballotMinOpenDays: r.ballot_min_open_days,
    nominationDays: r.nomination_days,
    amendmentSupporters: r.amendment_supporters,
    amendmentStatementMaxWords: r.amendment_statement_max_words,
    recommendationMaxWords: r.recommendation_max_words,
    secondersRequired: r.seconders_required,
    candidateStatementMaxWords: r.candidate_statement_max_words,
    onePerPerson: r.one_registered_office_per_person,
    severalSeatsMethod: r.several_seats_method,
  };
}
