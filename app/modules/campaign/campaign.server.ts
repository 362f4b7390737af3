import { and, asc, count, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { demands, movement, pledges } from "../../../db/schema";

export async function getMovement(db: DbOrTx) {
  const [row] = await db.select().from(movement).limit(1);
  return row ?? null;
}

export async function listDemands(db: DbOrTx) {
  return db.select().from(demands).orderBy(asc(demands.position));
}

/** Pledges that count: confirmed by email and not withdrawn. */
export async function countConfirmedPledges(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pledges)
    .where(and(isNotNull(pledges.confirmedAt), isNull(pledges.withdrawnAt)));
  return row?.n ?? 0;
}
