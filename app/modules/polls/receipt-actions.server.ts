/** The receipt check's form (routes/polls.$pollId.receipt.tsx): what a receipt's code finds among the published ballots. */
import type { DbOrTx } from "~/utils/db.server";
import { MAX_LOOKUP_LENGTH } from "~/utils/input-limits";
import { ballotInWords } from "./ballot-in-words";
import { loadRules, PAGE_READ } from "./poll-rules.server";
import { checkReceipt } from "./publication.server";
import { receiptCheckText as t } from "./receipt-messages";

/** The code as read, and what it found (null for no code); null for no such poll. */
export async function receiptCheckAction(db: DbOrTx, pollId: string, values: Record<string, string>) {
  const loaded = await loadRules(db, pollId, PAGE_READ);
  if (!loaded) return null;
  const code = (values.code ?? "").trim();
  // A code longer than any receipt matches nothing: it is not looked up.
  const check = code.length > MAX_LOOKUP_LENGTH ? ({ status: "not_found" } as const) : code ? await checkReceipt(db, loaded.poll.id, code) : null;
  const inWords = ballotInWords(loaded.rules.options, t.ranking);
  return {
    code,
    check: check ? { status: check.status, content: check.status === "counted" && check.content ? inWords(check.content) : null } : null,
  };
}
