import { asc } from "drizzle-orm";
import { pledgeTotalsNow } from "~/modules/pledges/totals.server";
import type { DbOrTx } from "~/utils/db.server";
import { demands, movement } from "../../../db/schema";

export async function getMovement(db: DbOrTx) {
  const [row] = await db.select().from(movement).limit(1);
  return row ?? null;
}

export async function listDemands(db: DbOrTx) {
  return db.select().from(demands).orderBy(asc(demands.position));
}

/** Pledges that count: confirmed by email and not withdrawn. */
export async function countConfirmedPledges(db: DbOrTx): Promise<number> {
  return (await pledgeTotalsNow(db)).confirmed;
}
