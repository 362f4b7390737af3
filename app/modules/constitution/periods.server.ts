/** The standing orders' periods for the pages that schedule things: the hint and the refusal. */
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { standingOrdersAdopted } from "./round.server";
import type { DbOrTx } from "~/utils/db.server";
import { earliestCloseHint, periodTooShortMessage } from "~/modules/content/period-messages";
import { earliestClose, minimumDays, type PeriodKind } from "~/modules/content/standing-order-periods";

/** The hint for a closing-time field, once the standing orders bind; undefined before. */
export async function periodHint(db: DbOrTx, kind: PeriodKind, opensAt = new Date()): Promise<string | undefined> {
  if (!(await standingOrdersAdopted(db))) return undefined;
  const rules = await standingOrderRules();
  return earliestCloseHint(kind, minimumDays(rules, kind), earliestClose(rules, kind, opensAt));
}

/** The error for a closing time refused as too soon, naming the earliest allowed. */
export async function periodRefusal(kind: PeriodKind, earliest: Date | string | undefined, fallback: string): Promise<string> {
  if (!earliest) return fallback;
  return periodTooShortMessage(kind, minimumDays(await standingOrderRules(), kind), new Date(earliest));
}
