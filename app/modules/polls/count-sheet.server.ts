/** A closed ranked poll's count sheet, as the PDF the returning officer signs (issue 18). */
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { CountSheetPdf, type CountSheetData } from "~/modules/polls/pdf/count-sheet";
import { fileSlug } from "~/modules/documents/format";
import { renderPdf } from "~/modules/documents/render.server";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { polls, users } from "../../../db/schema";
import { countSheetOf, type PollResult } from "./ballot-rules";
import { unnamedReturningOfficer } from "./pdf/messages";

/** Who the sheet is for and where the poll is: the caller knows the movement (the polls engine knows no phase). */
export interface CountSheetPlace {
  appUrl: string;
  partyName: string;
}

/** The sheet and what the PDF says around it; null unless the poll is closed and ranked by stages. */
export async function countSheetData(db: DbOrTx, pollId: string, place: CountSheetPlace, now = new Date()): Promise<CountSheetData | null> {
  if (!isUuid(pollId)) return null;
  const [poll] = await db
    .select({ id: polls.id, title: polls.title, status: polls.status, result: polls.result, closedAt: polls.closedAt, lotSeed: polls.lotSeed })
    .from(polls)
    .where(eq(polls.id, pollId));
  if (!poll || poll.status !== "closed" || !poll.result) return null;
  const sheet = countSheetOf(poll.result as PollResult);
  if (!sheet) return null;
  const [ro] = await db.select({ name: users.displayName }).from(users).where(eq(users.role, "returning_officer")).limit(1);
  return {
    partyName: place.partyName,
    title: poll.title,
    sheet,
    returningOfficer: ro?.name ?? unnamedReturningOfficer,
    generatedAt: now,
    closedAt: poll.closedAt,
    pollUrl: `${place.appUrl.replace(/\/$/, "")}/polls/${poll.id}`,
    lotSeed: poll.lotSeed,
  };
}

export async function countSheetPdf(db: DbOrTx, pollId: string, place: CountSheetPlace) {
  const data = await countSheetData(db, pollId, place);
  if (!data) return null;
  return { pdf: await renderPdf(createElement(CountSheetPdf, { data })), fileName: `${fileSlug(`count sheet ${data.title}`)}.pdf` };
}
