/** Checking a closed poll again from its stored ballots: the chain, the numbers, and the count itself. */
import { eq } from "drizzle-orm";
import { canonicalJson } from "~/modules/audit/chain";
import type { DbOrTx } from "~/utils/db.server";
import { ballots, type BallotContent } from "../../../db/schema";
import { verifyElectionArchive } from "~/modules/belenios/record";
import { closingAuditMismatch } from "./closing-audit.server";
import { outcomeOf, pollArchive } from "./encrypted/poll-elections.server";
import { checkBallotChain, countPoll, type PollResult } from "./ballot-rules";
import { countDecrypted } from "./decrypted-count";
import { loadRules, type LoadedRules } from "./poll-rules.server";
import { countVoters } from "./turnout.server";

export type PollVerification =
  | { ok: true; ballots: number; voted: number; chainHead: string }
  | {
      ok: false;
      problem: "not_closed" | "chain_broken" | "counts_differ" | "audit_differs" | "result_differs" | "record_invalid";
      detail?: string;
    };

/** Re-checks a closed poll from the stored ballots: chain, numbers, and the count itself. */
export async function verifyPoll(db: DbOrTx, pollId: string): Promise<PollVerification> {
  const loaded = await loadRules(db, pollId);
  if (!loaded || loaded.poll.status !== "closed") return { ok: false, problem: "not_closed" };
  const rows = await db.select().from(ballots).where(eq(ballots.pollId, pollId));
  const chain = checkBallotChain(rows, loaded.poll.chainHead);
  if (!chain.ok) return { ok: false, problem: "chain_broken", detail: chain.code };
  const voted = await countVoters(db, pollId);
  if (voted !== rows.length || loaded.poll.ballotCount !== rows.length) {
    return { ok: false, problem: "counts_differ", detail: `${voted} voted, ${rows.length} ballots` };
  }
  // An encrypted poll's rows can be redone to match by whoever also holds APP_SECRET; its close's audit entry cannot.
  const unlike = loaded.election ? await closingAuditMismatch(db, loaded.poll.id, { ballots: rows.length, chainHead: loaded.poll.chainHead }) : null;
  if (unlike) return { ok: false, problem: "audit_differs", detail: unlike };
  const recount = countStoredBallots(loaded, rows);
  if ("problem" in recount) return { ok: false, problem: "record_invalid", detail: recount.problem };
  // jsonb reorders keys, so compare canonical forms.
  if (canonicalJson(recount) !== canonicalJson(loaded.poll.result)) return { ok: false, problem: "result_differs" };
  return { ok: true, ballots: rows.length, voted, chainHead: loaded.poll.chainHead };
}

/**
 * A closed poll counted again from its stored ballots: plain ballots as they are, an encrypted
 * poll from its public record (recountEncrypted). What a recount and poll:verify both count.
 */
export function countStoredBallots(loaded: LoadedRules, rows: readonly { receipt: string; content: BallotContent }[]): PollResult | { problem: string } {
  if (!loaded.election)
    return countPoll(
      loaded.rules,
      rows.map((r) => r.content),
      loaded.poll.rollSize,
    );
  return recountEncrypted(loaded, rows) ?? { problem: "the Belenios record does not verify" };
}

/**
 * An encrypted poll recounted from its public record: every proof of every ballot, the tally, the
 * partial decryptions and the result checked as belenios-tool checks them, then the counts read
 * with the poll's rules. The record's problem, naming its first bad item, when it fails.
 */
function recountEncrypted(loaded: LoadedRules, rows: readonly { receipt: string; content: BallotContent }[]): PollResult | { problem: string } | null {
  const pollElection = loaded.election;
  if (!pollElection) return null;
  const sorted = [...rows].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
  const raws: string[] = [];
  for (const r of sorted) {
    if (!("belenios" in r.content)) return { problem: `ballot ${r.receipt} is not encrypted` };
    raws.push(r.content.belenios);
  }
  const checked = verifyElectionArchive(pollArchive(pollElection, raws));
  if (!checked.ok) return { problem: checked.problem };
  if (!checked.result) return { problem: "the record has no result" };
  const mismatch = sorted.findIndex((r, i) => checked.trackers[i] !== r.receipt);
  if (mismatch >= 0) return { problem: `ballot ${mismatch + 1}: its receipt is not its tracker` };
  return countDecrypted(loaded.rules, outcomeOf(pollElection.election, checked.result), loaded.poll.rollSize);
}
