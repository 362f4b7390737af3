/** A poll and the rules it is counted by, read in one query: what casting, closing, checking and the pages start from. */
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { pollOptions, polls, voteItems } from "../../../db/schema";
import { electionsOf, takesEncryptedBallots, type PollElection } from "./encrypted/poll-elections.server";
import type { PollRules } from "./ballot-rules";

type Poll = typeof polls.$inferSelect;

export function rulesOf(poll: Poll, options: readonly (typeof pollOptions.$inferSelect)[]): PollRules {
  return {
    title: poll.title,
    method: poll.method,
    seats: poll.seats,
    quorum: { numerator: poll.quorumNumerator, denominator: poll.quorumDenominator },
    majority: poll.majority,
    lotSeed: poll.lotSeed,
    options: [...options]
      .sort((a, b) => a.position - b.position)
      .map((o) => ({ position: o.position, label: o.label, isRon: o.isRon, withdrawn: o.withdrawn })),
  };
}

export interface LoadedRules {
  poll: Poll;
  rules: PollRules;
  /** The clause whose ballot this poll is a question of (constitution rounds), else null. */
  clauseId: string | null;
  /** The poll's Belenios election, when it takes encrypted ballots (decision 044). */
  election: PollElection | null;
}

/** The poll and its rules, in one query: every ballot sent loads them. */
export async function loadRules(db: DbOrTx, pollId: string, loading: { credentials: boolean } = { credentials: true }): Promise<LoadedRules | null> {
  return (await loadRulesOfPolls(db, [pollId], loading)).get(pollId.toLowerCase()) ?? null;
}

/**
 * A page's read of a poll: its rules and election without the list of public credentials, which
 * is some 60 MB for 100,000 members and needed only to count or check the record.
 */
export const PAGE_READ = { credentials: false } as const;

/**
 * Several polls and their rules, in one query (the ballot box loads those of a whole batch),
 * by id in lower case, as the database gives ids back. `credentials: false` leaves an encrypted
 * poll's list of public credentials in the database (electionsOf): casting does not read it.
 */
export async function loadRulesOfPolls(
  db: DbOrTx,
  pollIds: readonly string[],
  loading: { credentials: boolean } = { credentials: true },
): Promise<Map<string, LoadedRules>> {
  const ids = [...new Set(pollIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      poll: polls,
      options: sql<OptionRow[] | string>`coalesce((
        select json_agg(json_build_object('pollId', o.poll_id, 'position', o.position, 'label', o.label, 'isRon', o.is_ron, 'withdrawn', o.withdrawn))
        from ${pollOptions} o where o.poll_id = ${polls.id}), '[]'::json)`,
      clauseId: sql<string | null>`(select v.clause_id from ${voteItems} v where v.poll_id = ${polls.id} limit 1)`,
    })
    .from(polls)
    .where(inArray(polls.id, ids));
  const encrypted = rows.filter((r) => takesEncryptedBallots(r.poll.method)).map((r) => r.poll.id);
  const elections = await electionsOf(db, encrypted, loading);
  return new Map(
    rows.map((row) => {
      // Drivers differ on whether they parse json for us.
      const options = typeof row.options === "string" ? (JSON.parse(row.options) as OptionRow[]) : row.options;
      return [row.poll.id, { poll: row.poll, rules: rulesOf(row.poll, options), clauseId: row.clauseId, election: elections.get(row.poll.id) ?? null }];
    }),
  );
}

type OptionRow = typeof pollOptions.$inferSelect;
