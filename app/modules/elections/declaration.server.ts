/** The returning officer's declaration of result for a position, as PDF. */
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { getMovement } from "~/modules/campaign/campaign.server";
import { countSheetWords, type RankedCountReport } from "~/modules/ballots";
import { DeclarationPdf, type DeclarationData } from "~/modules/elections/pdf/declaration";
import { fileSlug } from "~/modules/documents/format";
import { renderPdf } from "~/modules/documents/render.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import type { DbOrTx } from "~/utils/db.server";
import { polls, users } from "../../../db/schema";
import { positionById } from "./current-election.server";
import { latestCorrection } from "./recovery.server";
import { unnamedReturningOfficer } from "~/modules/polls/pdf/messages";

export async function declarationData(db: DbOrTx, positionId: string, appUrl: string, now = new Date()): Promise<DeclarationData | null> {
  const found = await positionById(db, positionId);
  if (!found?.position.declaredAt || !found.position.pollId) return null;
  const [poll] = await db.select().from(polls).where(eq(polls.id, found.position.pollId));
  const result = poll?.result as PollResult | null | undefined;
  if (!poll || result?.kind !== "ranked") return null;
  const [ro] = await db.select({ name: users.displayName }).from(users).where(eq(users.role, "returning_officer")).limit(1);
  const corrected = await latestCorrection(db, found.position.id);
  return {
    partyName: (await getMovement(db))?.name ?? "Breakaway",
    positionTitle: found.position.title,
    seats: found.position.seats,
    methodLabel: countSheetWords.methodNames[found.position.method] ?? found.position.method,
    returningOfficer: ro?.name ?? unnamedReturningOfficer,
    declaredAt: found.position.declaredAt,
    generatedAt: now,
    rollSize: poll.rollSize,
    ballotsCast: poll.ballotCount,
    chainHead: poll.chainHead,
    pollUrl: `${appUrl.replace(/\/$/, "")}/polls/${poll.id}`,
    countSheetUrl: `${appUrl.replace(/\/$/, "")}/polls/${poll.id}/count-sheet.pdf`,
    report: result.report as RankedCountReport,
    correction: corrected ? { at: corrected.recountedAt, reason: corrected.reason, superseded: corrected.previousElected.map((e) => e.name) } : null,
  };
}

export async function declarationPdf(db: DbOrTx, positionId: string, appUrl: string) {
  const data = await declarationData(db, positionId, appUrl);
  if (!data) return null;
  return { pdf: await renderPdf(createElement(DeclarationPdf, { data })), fileName: `${fileSlug(`declaration ${data.positionTitle}`)}.pdf` };
}
