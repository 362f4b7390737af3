/**
 * The standing orders' periods, as the schedulers check them (decision 028): once the founding
 * members have adopted the standing orders, a ballot stays open at least ballot_min_open_days
 * (5.3) and nominations at least nomination_days (5.5). A "day" is 24 hours (section 2), so the
 * sums are in milliseconds, whatever the clocks do. Pure: the caller says whether the standing
 * orders are adopted and when the period starts.
 */
import type { StandingOrderRules } from "./standing-order-rules";

export type PeriodKind = "ballot" | "nominations";

const DAY_MS = 24 * 3_600_000;

/** The fewest days the standing orders allow for a period of this kind. */
export function minimumDays(rules: Pick<StandingOrderRules, "ballotMinOpenDays" | "nominationDays">, kind: PeriodKind): number {
  return kind === "ballot" ? rules.ballotMinOpenDays : rules.nominationDays;
}

/** The earliest closing time the standing orders allow for a period that starts at `opensAt`. */
export function earliestClose(rules: Pick<StandingOrderRules, "ballotMinOpenDays" | "nominationDays">, kind: PeriodKind, opensAt: Date): Date {
  return new Date(opensAt.getTime() + minimumDays(rules, kind) * DAY_MS);
}

export type PeriodCheck = { ok: true } | { ok: false; code: "period_too_short"; kind: PeriodKind; days: number; earliest: Date };

/**
 * Whether a period from `opensAt` to `closesAt` is long enough. Before the standing orders are
 * adopted nothing binds the organisers (the decision ballot and the standing orders vote itself
 * are not held under them), so any period passes.
 */
export function checkPeriod(
  rules: Pick<StandingOrderRules, "ballotMinOpenDays" | "nominationDays">,
  kind: PeriodKind,
  period: { opensAt: Date; closesAt: Date; adopted: boolean },
): PeriodCheck {
  if (!period.adopted) return { ok: true };
  const earliest = earliestClose(rules, kind, period.opensAt);
  if (period.closesAt.getTime() >= earliest.getTime()) return { ok: true };
  return { ok: false, code: "period_too_short", kind, days: minimumDays(rules, kind), earliest };
}
