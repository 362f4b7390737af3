/**
 * What the Manage the campaign page shows (routes/campaign.manage.tsx): the movement's details and
 * demands with the versions their edit forms were loaded with, which forms are open now, the
 * pledges waiting for a confirmation email, the decision ballot's trustees and state.
 */
import { decisionTrusteesSummary } from "~/modules/campaign/decision-trustees.server";
import { ukDateTime } from "~/modules/documents/format";
import { pledgeTotalsNow } from "~/modules/pledges/totals.server";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import type { Db } from "~/utils/db.server";
import { toLondonLocal } from "~/utils/london-time";
import { editVersion } from "~/utils/stale-edit";
import { getMovement, listDemands } from "./campaign.server";
import { demandShown, settingsShown } from "./manage.server";

export async function manageCampaignView(db: Db, userId: string, now: Date) {
  const [m, demands, trustees, totals] = await Promise.all([getMovement(db), listDemands(db), decisionTrusteesSummary(db, userId), pledgeTotalsNow(db)]);
  const decision = m?.decisionPollId ? await loadRules(db, m.decisionPollId, PAGE_READ) : null;
  const at = now.getTime();
  return {
    movement: m ? { name: m.name, partyName: m.partyName, statement: m.statement, deadline: toLondonLocal(m.deadline), phase: m.phase } : null,
    // What each edit form was loaded with (optimistic concurrency, app/utils/stale-edit.ts).
    settingsVersion: editVersion(settingsShown(m)),
    editable: !m || (m.phase === "campaign" && m.deadline.getTime() > at),
    afterDeadline: Boolean(m && m.deadline.getTime() <= at),
    awaitingLink: totals.awaitingLink,
    exportRows: totals.held,
    // The deadline can be extended, with a reason, until the decision ballot opens (decision 028).
    canExtend: Boolean(m && m.phase === "campaign" && !m.decisionPollId),
    // Who holds the decision ballot's key (decision 048); named until the ballot opens.
    trustees: trustees ? [trustees] : [],
    canNameTrustees: Boolean(m && m.phase === "campaign" && !m.decisionPollId),
    decision: decision
      ? {
          id: decision.poll.id,
          status: decision.poll.status,
          due: decision.poll.status === "open" && decision.poll.closesAt.getTime() <= at,
          closesAt: ukDateTime(decision.poll.closesAt),
        }
      : null,
    demands: demands.map((d) => ({
      id: d.id,
      version: editVersion(demandShown(d)),
      title: d.title,
      body: d.body,
      response: d.response,
      note: d.responseNote ?? "",
      evidence: d.responseEvidenceUrl ?? "",
    })),
  };
}
