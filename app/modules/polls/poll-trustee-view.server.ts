/** What a poll's trustee page (routes/polls.$pollId.trustee.tsx) shows: their task, and when the poll closes. */
import type { DbOrTx } from "~/utils/db.server";
import { formatLondonLong } from "~/utils/london-time";
import { trusteePage } from "./trustee-page.server";

/** The page for one of the poll's trustees; null for anyone else (or no such poll). */
export async function pollTrusteePageView(db: DbOrTx, pollId: string, userId: string) {
  const page = await trusteePage(db, pollId, userId);
  if (!page) return null;
  return { ...page, closes: formatLondonLong(page.poll.closesAt) };
}
