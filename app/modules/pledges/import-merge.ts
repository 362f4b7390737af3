/** What an imported pledge changes in the pledges already held, and in the pledge counts. */
import type { Relation } from "../../../db/schema";
import type { ImportedPledge } from "./import-rows";

export interface ExistingPledge {
  region: string;
  relation: Relation;
  membershipNumber: string | null;
  monthlySubscriptionPence: number | null;
  confirmedAt: Date | null;
  withdrawnAt: Date | null;
  erasedAt: Date | null;
}

export interface PledgeCountChange {
  at: Date;
  region: string;
  relation: Relation;
  confirmed?: number;
  withdrawn?: number;
  subscriptionsPence?: number;
}

export interface MergeOutcome {
  set: { membershipNumber?: string; monthlySubscriptionPence?: number; confirmedAt?: Date; confirmTokenHash?: null };
  counts: PledgeCountChange[];
}

/**
 * What an imported row changes in a pledge we already hold: what we hold wins, blanks are
 * filled in, and an unconfirmed pledge becomes confirmed if the source confirmed it. A confirmed
 * pledge is never made unconfirmed. Withdrawn and erased pledges are left exactly as they are:
 * the person chose that, and an old file must not undo it.
 */
export function mergeWithExisting(existing: ExistingPledge, incoming: ImportedPledge): MergeOutcome {
  const outcome: MergeOutcome = { set: {}, counts: [] };
  if (existing.erasedAt || existing.withdrawnAt) return outcome;
  let subscriptionAdded = 0;
  if (existing.relation === "member") {
    if (existing.membershipNumber === null && incoming.membershipNumber !== null) outcome.set.membershipNumber = incoming.membershipNumber;
    if (existing.monthlySubscriptionPence === null && incoming.monthlySubscriptionPence !== null) {
      outcome.set.monthlySubscriptionPence = incoming.monthlySubscriptionPence;
      subscriptionAdded = incoming.monthlySubscriptionPence;
    }
  }
  const key = { region: existing.region, relation: existing.relation };
  if (existing.confirmedAt) {
    // Totals hold subscriptions of counted pledges, so a filled-in subscription adds to them.
    if (subscriptionAdded) outcome.counts.push({ at: existing.confirmedAt, ...key, subscriptionsPence: subscriptionAdded });
  } else if (incoming.confirmedAt) {
    outcome.set.confirmedAt = incoming.confirmedAt;
    outcome.set.confirmTokenHash = null;
    const pence = outcome.set.monthlySubscriptionPence ?? existing.monthlySubscriptionPence ?? 0;
    outcome.counts.push({ at: incoming.confirmedAt, ...key, confirmed: 1, subscriptionsPence: pence });
  }
  return outcome;
}

/** The count changes a new pledge brings: only confirmed pledges count, less any withdrawn. */
export function countsForNewPledge(p: ImportedPledge): PledgeCountChange[] {
  if (!p.confirmedAt) return [];
  const pence = p.monthlySubscriptionPence ?? 0;
  const changes: PledgeCountChange[] = [{ at: p.confirmedAt, region: p.region, relation: p.relation, confirmed: 1, subscriptionsPence: pence }];
  if (p.withdrawnAt) changes.push({ at: p.withdrawnAt, region: p.region, relation: p.relation, withdrawn: 1, subscriptionsPence: -pence });
  return changes;
}
