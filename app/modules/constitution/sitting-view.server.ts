/**
 * What a member voting on a round sees (decision 049 for a round still being prepared): the
 * overview of the round's clauses (routes/constitution.vote._index.tsx) and one clause's ballot
 * (routes/constitution.vote.$clauseId.tsx), with the receipts of the ballot just cast, read by
 * the route from its cookie (sitting.ts).
 */
import type { DbOrTx } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { loadClauseBallot, loadSitting, loadVotingOverview } from "./ballot.server";
import { isFoundingMember } from "./drafting.server";
import { roundPreparation } from "./round-preparation.server";
import { nextUnvoted, sittingProgress, type JustCast } from "./sitting";
import { sittingMessages } from "./sitting-messages";

/** The round's clauses and this member's progress through them; the round's preparation while its papers are made. */
export async function voteOverviewView(db: DbOrTx, userId: string, cast: JustCast | null) {
  const [overview, member] = await Promise.all([loadVotingOverview(db, userId), isFoundingMember(db, userId)]);
  if (!overview) {
    return { open: false as const, member, justCast: cast ? { title: sittingMessages.previousClause, receipts: cast.receipts } : null, preparing: null };
  }
  // A large round's ballot papers are made first, in the background (decision 049): its progress.
  if (overview.round.preparing) {
    const preparation = await roundPreparation(db, overview.round.id);
    return {
      open: false as const,
      member,
      justCast: null,
      preparing: { round: overview.round.number, ...preparation, closesAt: formatDateTime(overview.round.closesAt) },
    };
  }
  const done = overview.clauses.filter((c) => c.voted).length;
  const titles = new Map(overview.clauses.map((c) => [c.id, c.title]));
  return {
    open: true as const,
    justCast: cast ? { title: titles.get(cast.clauseId) ?? sittingMessages.previousClause, receipts: cast.receipts } : null,
    member,
    round: overview.round.number,
    closesAt: formatDateTime(overview.round.closesAt),
    clauses: overview.clauses,
    done,
    next: overview.clauses.find((c) => !c.voted)?.id ?? null,
  };
}

/**
 * One clause's ballot for this member, with where it stands in the sitting: null when the clause
 * is on no open round's ballot, "preparing" while the round's papers are still being made.
 */
export async function clauseBallotView(db: DbOrTx, userId: string, clauseId: string, cast: JustCast | null) {
  // The ballot is read from the sitting (its draft, round, questions and votes): the round is asked for once.
  const sitting = await loadSitting(db, userId);
  const ballot = sitting && (await loadClauseBallot(db, sitting, clauseId));
  if (!ballot || !sitting) return null;
  if (sitting.round.preparing) return "preparing" as const;
  const { titleOf, round, ...rest } = ballot;
  return {
    ...rest,
    round: { number: round.number },
    progress: sittingProgress(sitting.clauses, clauseId),
    next: nextUnvoted(sitting.clauses, clauseId),
    justCast: cast ? { title: titleOf(cast.clauseId) ?? sittingMessages.previousClause, receipts: cast.receipts } : null,
  };
}
