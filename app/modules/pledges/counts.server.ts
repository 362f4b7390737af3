import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { londonDay } from "~/utils/london-time";
import { pledgeDailyCounts, type Relation } from "../../../db/schema";

export interface CountChange {
  at: Date;
  region: string;
  relation: Relation;
  /** +1 when a pledge is confirmed. */
  confirmed?: number;
  /** +1 when a confirmed pledge is withdrawn. */
  withdrawn?: number;
  /** Change in monthly subscriptions at stake, in pence. */
  subscriptionsPence?: number;
}

/**
 * Adds changes to the running totals. Call it in the transaction that confirms or withdraws
 * pledges, so the totals can never drift from the pledges.
 */
export async function applyCountChanges(tx: DbOrTx, changes: readonly CountChange[]): Promise<void> {
  const merged = new Map<string, { day: string; region: string; relation: Relation; confirmed: number; withdrawn: number; subscriptionsPence: number }>();
  for (const c of changes) {
    const day = londonDay(c.at);
    const key = `${day}|${c.region}|${c.relation}`;
    const row = merged.get(key) ?? { day, region: c.region, relation: c.relation, confirmed: 0, withdrawn: 0, subscriptionsPence: 0 };
    row.confirmed += c.confirmed ?? 0;
    row.withdrawn += c.withdrawn ?? 0;
    row.subscriptionsPence += c.subscriptionsPence ?? 0;
    merged.set(key, row);
  }
  const rows = [...merged.values()];
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(pledgeDailyCounts)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [pledgeDailyCounts.day, pledgeDailyCounts.region, pledgeDailyCounts.relation],
        set: {
          confirmed: sql`${pledgeDailyCounts.confirmed} + excluded.confirmed`,
          withdrawn: sql`${pledgeDailyCounts.withdrawn} + excluded.withdrawn`,
          subscriptionsPence: sql`${pledgeDailyCounts.subscriptionsPence} + excluded.subscriptions_pence`,
        },
      });
  }
}

/** Recomputes the totals from the pledges themselves (after a bulk load, or to check them). */
export async function rebuildCounts(tx: DbOrTx): Promise<void> {
  await tx.delete(pledgeDailyCounts);
  await tx.execute(sql`
    insert into pledge_daily_counts (day, region, relation, confirmed, withdrawn, subscriptions_pence)
    select day, region, relation, sum(confirmed)::int, sum(withdrawn)::int, sum(pence)::bigint from (
      select (confirmed_at at time zone 'Europe/London')::date as day, region, relation,
             1 as confirmed, 0 as withdrawn, coalesce(monthly_subscription_pence, 0) as pence
        from pledges where confirmed_at is not null
      union all
      select (withdrawn_at at time zone 'Europe/London')::date, region, relation,
             0, 1, -coalesce(monthly_subscription_pence, 0)
        from pledges where confirmed_at is not null and withdrawn_at is not null
    ) events group by day, region, relation`);
}

export interface CampaignFigures {
  /** Confirmed pledges still standing. */
  pledged: number;
  withdrawn: number;
  byRelation: Record<Relation, number>;
  byRegion: { region: string; pledged: number }[];
  subscriptionsPence: number;
  /** Pledges standing at the end of each day with a change, oldest first. */
  overTime: { day: string; pledged: number }[];
}

export async function campaignFigures(db: DbOrTx): Promise<CampaignFigures> {
  const rows = await db.select().from(pledgeDailyCounts).orderBy(asc(pledgeDailyCounts.day));
  const byRelation: Record<Relation, number> = { member: 0, former_member: 0, supporter: 0 };
  const byRegion = new Map<string, number>();
  const byDay = new Map<string, number>();
  let withdrawn = 0;
  let subscriptionsPence = 0;
  for (const r of rows) {
    const net = r.confirmed - r.withdrawn;
    byRelation[r.relation] += net;
    byRegion.set(r.region, (byRegion.get(r.region) ?? 0) + net);
    byDay.set(r.day, (byDay.get(r.day) ?? 0) + net);
    withdrawn += r.withdrawn;
    subscriptionsPence += r.subscriptionsPence;
  }
  let running = 0;
  const overTime = [...byDay.entries()].map(([day, change]) => ({ day, pledged: (running += change) }));
  return {
    pledged: byRelation.member + byRelation.former_member + byRelation.supporter,
    withdrawn,
    byRelation,
    byRegion: [...byRegion.entries()].map(([region, pledged]) => ({ region, pledged })).sort((a, b) => b.pledged - a.pledged),
    subscriptionsPence,
    overTime,
  };
}
