import { eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "~/utils/db.server";
import { foundingMembers, foundingRollGroups, foundingTotals, pledges, type Relation } from "../../../db/schema";
import { onFoundingRoll } from "./roll.server";

export interface FoundingFigures {
  invited: number;
  /** On the roll now: accepted and not left. */
  accepted: number;
  /** Accepted, then left the roll (or had their account erased). */
  left: number;
  mustResign: number;
  resigned: number;
  byRegion: { region: string; accepted: number }[];
  byRelation: Record<Relation, number>;
}

/**
 * Counts only: nobody sees another member's details here. Read from the running totals kept by
 * the triggers of migration 0018 (a few rows, whatever the size of the roll).
 */
export async function foundingFigures(db: DbOrTx): Promise<FoundingFigures> {
  const total = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number);
  const [totals] = await db
    .select({
      invited: total(foundingTotals.invited),
      accepted: total(foundingTotals.accepted),
      left: total(foundingTotals.leftRoll),
      mustResign: total(foundingTotals.mustResign),
      resigned: total(foundingTotals.resigned),
    })
    .from(foundingTotals);
  const groups = await db
    .select({ region: foundingRollGroups.region, relation: foundingRollGroups.relation, n: sql<number>`sum(${foundingRollGroups.n})::bigint`.mapWith(Number) })
    .from(foundingRollGroups)
    .groupBy(foundingRollGroups.region, foundingRollGroups.relation);
  return figuresFrom(totals, groups);
}

/** Invitations not withdrawn, from the running totals. */
export async function foundingInvited(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${foundingTotals.invited}), 0)::bigint`.mapWith(Number) }).from(foundingTotals);
  return row?.n ?? 0;
}

/** The same figures counted afresh over the roll: for checking the running totals, never for a page. */
export async function countFoundingFigures(db: DbOrTx): Promise<FoundingFigures> {
  const [totals] = await db
    .select({
      invited: sql<number>`count(*) filter (where ${foundingMembers.withdrawnAt} is null)::int`,
      accepted: sql<number>`count(*) filter (where ${onFoundingRoll})::int`,
      left: sql<number>`count(*) filter (where ${foundingMembers.acceptedAt} is not null and ${foundingMembers.leftAt} is not null)::int`,
      mustResign: sql<number>`count(*) filter (where ${foundingMembers.mustResign} and ${onFoundingRoll})::int`,
      resigned: sql<number>`count(*) filter (where ${foundingMembers.resignedAt} is not null and ${onFoundingRoll})::int`,
    })
    .from(foundingMembers);
  const groups = await db
    .select({ region: pledges.region, relation: pledges.relation, n: sql<number>`count(*)::int` })
    .from(foundingMembers)
    .innerJoin(pledges, eq(pledges.id, foundingMembers.pledgeId))
    .where(onFoundingRoll)
    .groupBy(pledges.region, pledges.relation);
  return figuresFrom(totals, groups);
}

type Totals = Omit<FoundingFigures, "byRegion" | "byRelation">;

function figuresFrom(totals: Totals | undefined, groups: readonly { region: string; relation: Relation; n: number }[]): FoundingFigures {
  const byRegion = new Map<string, number>();
  const byRelation: Record<Relation, number> = { member: 0, former_member: 0, supporter: 0 };
  for (const g of groups) {
    // A group whose last member left keeps a row at nought: it is not a group of the roll.
    if (g.n === 0) continue;
    byRegion.set(g.region, (byRegion.get(g.region) ?? 0) + g.n);
    byRelation[g.relation] += g.n;
  }
  return {
    invited: totals?.invited ?? 0,
    accepted: totals?.accepted ?? 0,
    left: totals?.left ?? 0,
    mustResign: totals?.mustResign ?? 0,
    resigned: totals?.resigned ?? 0,
    byRegion: [...byRegion.entries()]
      .map(([region, accepted]) => ({ region, accepted }))
      .sort((a, b) => b.accepted - a.accepted || a.region.localeCompare(b.region)),
    byRelation,
  };
}
