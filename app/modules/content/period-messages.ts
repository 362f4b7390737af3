import { formatLondonLong } from "~/utils/london-time";
import type { PeriodKind } from "./standing-order-periods";
import { plural } from "~/utils/plural";

const what: Record<PeriodKind, string> = { ballot: "a ballot stays open", nominations: "nominations stay open" };

/** Why a closing time was refused, and the earliest one the standing orders allow. */
export function periodTooShortMessage(kind: PeriodKind, days: number, earliest: Date): string {
  return `Under the standing orders ${what[kind]} for at least ${plural(days, "day")}. Choose a closing time on or after ${formatLondonLong(earliest)} (UK time).`;
}

/** The hint beside a closing-time field once the standing orders are adopted. */
export function earliestCloseHint(kind: PeriodKind, days: number, earliest: Date): string {
  return `The standing orders say ${what[kind]} for at least ${plural(days, "day")}: the earliest closing time is ${formatLondonLong(earliest)} (UK time).`;
}
