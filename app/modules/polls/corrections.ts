/**
 * Corrections to a poll on the record (decision 028): cancelling it before it closes, or moving
 * its closing time later. Pure: who may, whether the poll's owner can cope, and whether a new
 * closing time is allowed. The database work is in corrections.server.ts.
 */
import type { TextProblem } from "~/utils/text-limits";
import { checkPeriod } from "~/modules/content/standing-order-periods";
import type { StandingOrderRules } from "~/modules/content/standing-order-rules";
import type { Action } from "~/utils/permissions";
import type { PollOwner } from "../../../db/schema";

/**
 * Polls held under the standing orders, which the returning officer runs (4.8, 5.7). The others
 * (free-standing polls, the members' decision, the standing orders vote itself) are the organisers'
 * as well as the returning officer's.
 */
const underStandingOrders: ReadonlySet<PollOwner> = new Set(["clause", "adoption", "election", "financial_scheme"]);

export function isUnderStandingOrders(owner: PollOwner | null): boolean {
  return owner !== null && underStandingOrders.has(owner);
}

/** The permission a correction to this poll needs. */
export function correctionPermission(owner: PollOwner | null): Action {
  return isUnderStandingOrders(owner) ? "poll.correct_under_standing_orders" : "poll.correct";
}

export type CancelRefusal = "cancel_clause" | "cancel_adoption" | "cancel_election" | "cancel_financial_scheme";

/**
 * Whether cancelling leaves the poll's owner in a sane state. The decision ballot and the
 * standing orders vote can be opened again afterwards, so they may be cancelled; a clause's
 * question, the adoption vote, an election's ballot and the financial scheme's vote are counted
 * with others or settled by their own step, which would be left half done: those are refused,
 * and the page says what to do instead.
 */
export function cancelRefusal(owner: PollOwner | null): CancelRefusal | null {
  if (owner === "clause") return "cancel_clause";
  if (owner === "adoption") return "cancel_adoption";
  if (owner === "election") return "cancel_election";
  if (owner === "financial_scheme") return "cancel_financial_scheme";
  return null;
}

/** How far beyond the present closing time one extension may go. */
export const MAX_EXTENSION_DAYS = 60;
const DAY_MS = 24 * 3_600_000;

export type ExtensionProblem = "extend_clause" | "not_later" | "too_far" | "period_too_short";
export type ExtensionCheck = { ok: true } | { ok: false; code: ExtensionProblem; earliest?: Date };

/**
 * A new closing time: later than the present one (never shorter, 5.7), at most MAX_EXTENSION_DAYS
 * beyond it, and for a poll under the standing orders, once adopted, still open at least
 * ballot_min_open_days in all. A clause's question closes with its round, so it is extended only
 * with the whole round (`wholeRound`, from round.server.ts's extendRound), never alone.
 */
export function checkExtension(
  poll: { owner: PollOwner | null; closesAt: Date; openedAt: Date | null },
  newClosesAt: Date,
  context: { now: Date; rules: Pick<StandingOrderRules, "ballotMinOpenDays" | "nominationDays">; standingOrdersAdopted: boolean; wholeRound?: boolean },
): ExtensionCheck {
  if (poll.owner === "clause" && !context.wholeRound) return { ok: false, code: "extend_clause" };
  if (newClosesAt.getTime() <= Math.max(poll.closesAt.getTime(), context.now.getTime())) return { ok: false, code: "not_later" };
  if (newClosesAt.getTime() > poll.closesAt.getTime() + MAX_EXTENSION_DAYS * DAY_MS) return { ok: false, code: "too_far" };
  const period = checkPeriod(context.rules, "ballot", {
    opensAt: poll.openedAt ?? context.now,
    closesAt: newClosesAt,
    adopted: context.standingOrdersAdopted && isUnderStandingOrders(poll.owner),
  });
  if (!period.ok) return { ok: false, code: "period_too_short", earliest: period.earliest };
  return { ok: true };
}

export type CorrectionProblem = "not_found" | "not_open" | "reason_missing" | `reason:${TextProblem}` | CancelRefusal | ExtensionProblem;

export type CorrectionResult = { ok: true } | { ok: false; code: CorrectionProblem; earliest?: Date };
