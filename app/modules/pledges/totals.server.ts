import { and, count, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { pledges, pledgeTotals } from "../../../db/schema";

export interface PledgeTotals {
  /** Pledges not erased: the rows of the export. */
  held: number;
  /** Not confirmed, withdrawn or erased, with no confirmation link sent yet. */
  awaitingLink: number;
  /** Confirmed and not withdrawn. */
  confirmed: number;
}

/** The running totals kept by the triggers of migration 0018: eight rows at most, whatever the pledges. */
export async function pledgeTotalsNow(db: DbOrTx): Promise<PledgeTotals> {
  const [row] = await db
    .select({
      held: sql<number>`coalesce(sum(${pledgeTotals.held}), 0)::bigint`.mapWith(Number),
      awaitingLink: sql<number>`coalesce(sum(${pledgeTotals.awaitingLink}), 0)::bigint`.mapWith(Number),
      confirmed: sql<number>`coalesce(sum(${pledgeTotals.confirmed}), 0)::bigint`.mapWith(Number),
    })
    .from(pledgeTotals);
  return row ?? { held: 0, awaitingLink: 0, confirmed: 0 };
}

/** The same figures counted afresh over every pledge: for checking the running totals, never for a page. */
export async function countPledgeTotals(db: DbOrTx): Promise<PledgeTotals> {
  const [held] = await db.select({ n: count() }).from(pledges).where(isNull(pledges.erasedAt));
  const [awaiting] = await db
    .select({ n: count() })
    .from(pledges)
    .where(and(isNull(pledges.confirmedAt), isNull(pledges.withdrawnAt), isNull(pledges.erasedAt), isNull(pledges.confirmTokenHash)));
  const [confirmed] = await db
    .select({ n: count() })
    .from(pledges)
    .where(and(isNotNull(pledges.confirmedAt), isNull(pledges.withdrawnAt)));
  return { held: held?.n ?? 0, awaitingLink: awaiting?.n ?? 0, confirmed: confirmed?.n ?? 0 };
}
