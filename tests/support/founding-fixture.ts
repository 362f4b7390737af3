import { eq } from "drizzle-orm";
import { systemActor } from "../../app/modules/audit/audit.server";
import { openDecisionBallot, settleDecision } from "../../app/modules/campaign/decision.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import type { Db } from "../../app/utils/db.server";
import { movement, pledges } from "../../db/schema";

export interface Pledger {
  name: string;
  email: string;
  relation: "member" | "former_member" | "supporter";
  region?: string;
}

/**
 * A movement that has passed its deadline, voted to found a new party, and so entered the
 * founding phase, with the given confirmed pledgers (who now have accounts).
 */
export async function movementInFoundingPhase(db: Db, people: Pledger[]): Promise<{ userIds: Map<string, string> }> {
  await db.insert(movement).values({ name: "Test Movement", partyName: "the Old Party", statement: "", deadline: new Date(Date.now() - 3600_000) });
  await db.insert(pledges).values(
    people.map((p, i) => ({
      name: p.name,
      email: p.email,
      postcode: "EH1 1YZ",
      region: p.region ?? "Scotland",
      relation: p.relation,
      membershipNumber: p.relation === "member" ? `OLD-${1000 + i}` : null,
      consentContact: true,
      consentDataUse: true,
      consentVersion: "test",
      confirmedAt: new Date(Date.now() - 86_400_000),
    })),
  );
  const opened = await openDecisionBallot(db, systemActor(), { closesAt: new Date(Date.now() + 3600_000), appUrl: "http://localhost:3000" });
  if (!opened.ok) throw new Error(opened.code);
  const rows = await db.select({ email: pledges.email, userId: pledges.userId }).from(pledges);
  const userIds = new Map(rows.map((r) => [r.email, r.userId ?? ""]));
  for (const userId of userIds.values()) await castBallot(db, { pollId: opened.pollId, userId, ranking: [2, 1] });
  await closePoll(db, systemActor(), opened.pollId);
  const settled = await settleDecision(db, systemActor());
  if (!settled.ok || settled.phase !== "founding") throw new Error("did not reach the founding phase");
  const [m] = await db.select().from(movement).where(eq(movement.id, 1));
  if (m?.phase !== "founding") throw new Error("phase not set");
  return { userIds };
}
