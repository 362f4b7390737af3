/**
 * What the Campaign page shows (routes/campaign._index.tsx): the movement with its deadline's
 * extensions, the demands with the party's responses, and the pledge figures.
 */
import { campaignFigures } from "~/modules/pledges/counts.server";
import type { Db } from "~/utils/db.server";
import { getMovement, listDemands } from "./campaign.server";
import { deadlineExtensions } from "./manage.server";

export async function campaignPageView(db: Db) {
  const [m, demands, figures, extensions] = await Promise.all([getMovement(db), listDemands(db), campaignFigures(db), deadlineExtensions(db)]);
  return {
    movement: m
      ? {
          name: m.name,
          partyName: m.partyName,
          statement: m.statement,
          deadline: m.deadline.toISOString(),
          extensions,
          phase: m.phase,
          decisionPollId: m.decisionPollId,
        }
      : null,
    demands: demands.map((d) => ({
      id: d.id,
      title: d.title,
      body: d.body,
      response: d.response,
      responseNote: d.responseNote,
      responseEvidenceUrl: d.responseEvidenceUrl,
    })),
    figures,
  };
}
export type CampaignPageView = Awaited<ReturnType<typeof campaignPageView>>;
