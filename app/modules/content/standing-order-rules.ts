/**
 * The machine-readable rules block of constitution/standing-orders.md (a fenced ```yaml block):
 * flat `key: value` lines with # comments. Only the values the app uses are typed here.
 */
export interface StandingOrderRules {
  quorumPercent: number;
  ordinaryMajority: "simple" | "absolute" | "two-thirds";
  entrenchedMajority: "simple" | "absolute" | "two-thirds";
  adoptionMajority: "simple" | "absolute" | "two-thirds";
  standingOrdersAdoptionMajority: "simple" | "absolute" | "two-thirds";
  /** Decisions under section 12 that are not clauses: the name, emblems, the financial scheme. */
  otherQuestionsMajority: "simple" | "absolute" | "two-thirds";
  /** A ballot stays open at least this many days (5.3). */
  ballotMinOpenDays: number;
  /** Nominations stay open at least this many days (5.5). */
  nominationDays: number;
  /** The amendment window stays open at least this many days (5.4). */
  amendmentNoticeDays: number;
  raw: Record<string, string>;
}

const majority = (v: string | undefined, fallback: StandingOrderRules["ordinaryMajority"]) =>
  v === "simple" || v === "absolute" || v === "two-thirds" ? v : fallback;

export function parseRulesBlock(markdown: string): StandingOrderRules {
  const block = /```yaml[^\n]*\n([\s\S]*?)```/.exec(markdown)?.[1] ?? "";
  const raw: Record<string, string> = {};
  for (const line of block.split("\n")) {
    // "key: value  # comment": the key by pattern, the value by position (no backtracking).
    const kv = /^([a-z_]+):/.exec(line.trim());
    if (kv?.[1]) raw[kv[1]] = (line.trim().slice(kv[0].length).split("#")[0] ?? "").trim();
  }
  const quorum = Number(raw.quorum_percent);
  // A missing or odd period falls back to the model standing orders' figure, never to none.
  const days = (v: string | undefined, fallback: number) => {
    const n = Number(v);
    return v !== undefined && v !== "" && Number.isFinite(n) && n >= 0 && n <= 366 ? n : fallback;
  };
  return {
    quorumPercent: Number.isFinite(quorum) && quorum >= 0 && quorum <= 100 ? quorum : 20,
    ordinaryMajority: majority(raw.ordinary_majority, "simple"),
    entrenchedMajority: majority(raw.entrenched_majority, "two-thirds"),
    adoptionMajority: majority(raw.adoption_majority, "two-thirds"),
    standingOrdersAdoptionMajority: majority(raw.standing_orders_adoption_majority, "simple"),
    otherQuestionsMajority: majority(raw.other_questions_majority, "simple"),
    ballotMinOpenDays: days(raw.ballot_min_open_days, 7),
    nominationDays: days(raw.nomination_days, 14),
    amendmentNoticeDays: days(raw.notice_days_amendments, 14),
    raw,
  };
}
