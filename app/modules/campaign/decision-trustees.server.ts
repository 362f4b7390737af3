/**
 * The decision ballot's trustees (decision 048): members the organisers name during the campaign,
 * who between them hold the key of the members' decision, so that nobody running the server
 * can read a ballot or the result on their own. They make their key before the deadline; the
 * decision ballot does not open until it is made.
 */
import { eq } from "drizzle-orm";
import type { Actor } from "~/modules/audit/audit.server";
import { nameScopeTrustees, scopeGroups, scopeTrusteesSummary } from "~/modules/polls/encrypted/scope-trustees.server";
import type { TrusteeSetSummary } from "~/modules/polls/encrypted/trustee-set-summary.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { movement } from "../../../db/schema";

/** The decision ballot is ranked (instant-runoff): its key is in RFC-3526-2048 (scopeGroups). */
export const DECISION_METHOD = "irv";

export type NameDecisionTrusteesResult =
  | { ok: true; trustees: number; threshold: number | null }
  | { ok: false; code: "no_movement" | "decision_opened" | "trustees_invalid" };

/** Names (or, with an empty list, removes) the trustees; only before the decision ballot opens. */
export async function nameDecisionTrustees(
  db: Db,
  actor: Actor,
  input: { userIds: readonly string[]; threshold?: number },
): Promise<NameDecisionTrusteesResult> {
  return db.transaction(async (tx) => {
    // Locked: opening the decision ballot waits for this, or is seen by it.
    const [m] = await tx.select({ phase: movement.phase, decisionPollId: movement.decisionPollId }).from(movement).where(eq(movement.id, 1)).for("update");
    if (!m) return { ok: false, code: "no_movement" } as const;
    if (m.phase !== "campaign" || m.decisionPollId) return { ok: false, code: "decision_opened" } as const;
    return nameScopeTrustees(tx, actor, "decision", scopeGroups("decision"), input);
  });
}

export async function decisionTrusteesSummary(db: DbOrTx, userId: string | null, show = { names: true }): Promise<TrusteeSetSummary | null> {
  return (await scopeTrusteesSummary(db, "decision", userId, show))[0] ?? null;
}
