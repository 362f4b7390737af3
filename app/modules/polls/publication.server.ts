/** What a closed poll publishes: its ballots as its publication mode allows, a voter's receipt checked, who voted. */
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { ballots, polls, pollVoters, users, type BallotContent } from "../../../db/schema";
import { parseResult } from "~/modules/belenios/serialize";
import { outcomeOf } from "./encrypted/poll-elections.server";
import { pollBlt, publish, type Publication } from "./ballot-rules";
import { loadRules } from "./poll-rules.server";
import { countVoters } from "./turnout.server";

/**
 * The names of the members who voted in a closed poll, sorted (issue 17, item 3): the server makes
 * every credential, so this list is what lets each member check that nobody voted in their name.
 */
export async function votersOfClosedPoll(db: DbOrTx, pollId: string): Promise<string[]> {
  if (!isUuid(pollId)) return [];
  const rows = await db
    .select({ name: users.displayName })
    .from(pollVoters)
    .innerJoin(polls, eq(polls.id, pollVoters.pollId))
    .innerJoin(users, eq(users.id, pollVoters.userId))
    .where(and(eq(pollVoters.pollId, pollId), eq(polls.status, "closed")));
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, "en-GB"));
}

/** What is published after close; nothing before. */
export async function getPublication(db: DbOrTx, pollId: string) {
  const loaded = await loadRules(db, pollId);
  if (!loaded || loaded.poll.status !== "closed") return null;
  const rows = await db.select({ receipt: ballots.receipt, content: ballots.content }).from(ballots).where(eq(ballots.pollId, pollId));
  // An encrypted poll publishes its trackers and, for a ranking, the shuffled ballots as decrypted
  // (which tracker each was, nobody can tell); the encrypted ballots are in its Belenios record.
  const encrypted = loaded.election !== null;
  const decrypted = loaded.election?.tally ? outcomeOf(loaded.election.election, parseResult(loaded.election.tally.resultRaw)) : null;
  const contents: BallotContent[] = decrypted?.kind === "ranked" ? decrypted.rankings.map((ranking) => ({ ranking })) : rows.map((r) => r.content);
  const publication: Publication = encrypted
    ? {
        mode: "separate-lists",
        pairs: [],
        receipts: rows.map((r) => r.receipt).sort(),
        contents: publish(
          "separate-lists",
          contents.map((content) => ({ receipt: "", content })),
        ).contents.filter((c) => !("belenios" in c)),
      }
    : publish(loaded.poll.publication, rows);
  return {
    poll: loaded.poll,
    rules: loaded.rules,
    encrypted,
    voted: await countVoters(db, pollId),
    ballotCount: rows.length,
    chainHead: loaded.poll.chainHead,
    publication,
    blt: loaded.rules.method === "yes-no" ? null : pollBlt(loaded.rules, contents),
  };
}

export type ReceiptCheck = { status: "counted"; content: BallotContent | null } | { status: "not_found" } | { status: "not_closed" };

/** A voter checks that their ballot is in the count; its content is shown only where the poll publishes it. */
export async function checkReceipt(db: DbOrTx, pollId: string, receipt: string): Promise<ReceiptCheck> {
  if (!isUuid(pollId)) return { status: "not_closed" };
  const [poll] = await db.select({ status: polls.status, publication: polls.publication }).from(polls).where(eq(polls.id, pollId));
  if (!poll || poll.status !== "closed") return { status: "not_closed" };
  const [row] = await db
    .select({ content: ballots.content })
    .from(ballots)
    // Plain ballots' receipts are lower case; an encrypted ballot's tracker is Base64, exactly as shown.
    .where(and(eq(ballots.pollId, pollId), inArray(ballots.receipt, [...new Set([receipt.trim(), receipt.trim().toLowerCase()])])));
  if (!row) return { status: "not_found" };
  return { status: "counted", content: poll.publication === "receipts-with-rankings" && !("belenios" in row.content) ? row.content : null };
}
