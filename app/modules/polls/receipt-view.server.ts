/** What the receipt check page (routes/polls.$pollId.receipt.tsx) shows: the poll whose receipts it checks. */
import type { DbOrTx } from "~/utils/db.server";
import { loadRules, PAGE_READ } from "./poll-rules.server";

/** The poll; null for no such poll. */
export async function receiptPageView(db: DbOrTx, pollId: string) {
  const loaded = await loadRules(db, pollId, PAGE_READ);
  if (!loaded) return null;
  return { poll: { id: loaded.poll.id, title: loaded.poll.title, closed: loaded.poll.status === "closed" } };
}
