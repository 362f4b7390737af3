import { createElement } from "react";
import { renderPdf } from "~/modules/documents/render.server";
import { fileSlug } from "~/modules/documents/format";
import { UltimatumDocument, type UltimatumData } from "~/modules/campaign/pdf/ultimatum";
import { campaignFigures } from "~/modules/pledges/counts.server";
import type { DbOrTx } from "~/utils/db.server";
import { londonDay } from "~/utils/london-time";
import { getMovement, listDemands } from "./campaign.server";

/**
 * What the ultimatum letter says, from the movement, its demands and the running totals. Only
 * totals are read: nothing here touches a pledger's name or address.
 */
export async function ultimatumData(db: DbOrTx, now: Date = new Date()): Promise<UltimatumData | null> {
  const [m, demandRows, figures] = await Promise.all([getMovement(db), listDemands(db), campaignFigures(db)]);
  if (!m) return null;
  return {
    movementName: m.name,
    partyName: m.partyName,
    statement: m.statement,
    deadline: m.deadline,
    demands: demandRows.map((d) => ({ title: d.title, body: d.body })),
    figures: {
      pledged: figures.pledged,
      byRelation: figures.byRelation,
      byRegion: figures.byRegion,
      subscriptionsPence: figures.subscriptionsPence,
    },
    generatedAt: now,
  };
}

// The letter is public, so anyone can ask for it again and again. Rendering costs tens of
// milliseconds of CPU; the last PDF is kept while nothing in it changes (figures, wording or
// the day it is dated), so a rush of requests costs one render. Per server, nothing shared.
let cached: { key: string; pdf: Buffer } | null = null;

function cacheKey(data: UltimatumData): string {
  const { generatedAt, ...rest } = data;
  return JSON.stringify({ ...rest, day: londonDay(generatedAt) });
}

/** The ultimatum letter as a PDF, or null when the movement has not been set up. */
export async function ultimatumPdf(db: DbOrTx, now: Date = new Date()): Promise<{ pdf: Buffer; fileName: string } | null> {
  const data = await ultimatumData(db, now);
  if (!data) return null;
  const key = cacheKey(data);
  if (cached?.key !== key) cached = { key, pdf: await renderPdf(createElement(UltimatumDocument, { data })) };
  return { pdf: cached.pdf, fileName: `${fileSlug(`ultimatum ${data.movementName}`, "ultimatum")}.pdf` };
}
