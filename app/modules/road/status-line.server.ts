import { eq } from "drizzle-orm";
import { foundingInvited } from "~/modules/founding/totals.server";
import type { DbOrTx } from "~/utils/db.server";
import { polls } from "../../../db/schema";
import { getMovement } from "~/modules/campaign/campaign.server";
import { campaignStatus } from "~/modules/campaign/status";

/** The campaign's status line as things stand now (status.ts); null before a campaign is set up. */
export async function campaignStatusNow(db: DbOrTx, now = new Date()): Promise<string | null> {
  const m = await getMovement(db);
  if (!m) return null;
  const [decision] = m.decisionPollId
    ? await db.select({ status: polls.status, closesAt: polls.closesAt }).from(polls).where(eq(polls.id, m.decisionPollId))
    : [];
  const invited = m.phase === "founding" ? await foundingInvited(db) : 0;
  return campaignStatus({ phase: m.phase, deadline: m.deadline, decision: decision ?? null, invited }, now);
}
