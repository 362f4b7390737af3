/**
 * What the poll closer does when an owned poll's closing time has passed (decision 027): it
 * never counts an owned poll on its own, but calls the poll's owner here, which closes and counts
 * in its own order, exactly as the organiser's or returning officer's button would:
 * - election: every ballot of the election, offices first, then the committee with anyone
 *   elected to an office withdrawn (countElection); only once all its ballots are due;
 * - clause: the voting round as a whole (closeRound), once all its questions are due;
 * - adoption: the adoption vote and what follows from it (settleAdoption);
 * - decision: the decision ballot and the phase it leads to (settleDecision);
 * - financial scheme: the ballot and the adoption it records (settleFinancialSchemeVote);
 * - standing orders: the poll alone (nothing else depends on its order).
 * Each is one transaction that locks its owner's row first, so several servers may run it at
 * once: the second finds the work done. Each answers how many polls it closed.
 */
import { and, eq, sql } from "drizzle-orm";
import { settleDecision } from "~/modules/campaign/decision.server";
import { closeRound, settleAdoption } from "~/modules/constitution/round.server";
import { countElection } from "~/modules/elections/elections.server";
import { settleFinancialSchemeVote } from "~/modules/registration/financial-scheme-vote.server";
import type { Db } from "~/utils/db.server";
import { polls, type PollOwner } from "../../../db/schema";
import { AUTOMATIC_CLOSE, closePoll, type DueOwners } from "./polls.server";

/** The owner's open polls: how many have passed their closing time, and how many have not. */
async function openPollsOf(db: Db, owner: PollOwner): Promise<{ due: string[]; later: number }> {
  const rows = await db
    .select({ id: polls.id, due: sql<boolean>`${polls.closesAt} <= now()` })
    .from(polls)
    .where(and(eq(polls.status, "open"), eq(polls.owner, owner)));
  return { due: rows.filter((r) => r.due).map((r) => r.id), later: rows.filter((r) => !r.due).length };
}

/** Closes the owner's due polls only when none of its open polls is still to close later. */
function whenAllDue(owner: PollOwner, settle: (db: Db) => Promise<{ ok: boolean }>) {
  return async (db: Db): Promise<number> => {
    const open = await openPollsOf(db, owner);
    // A ballot past its closing time takes no more votes (prepareBallot), but waits to be
    // counted with the rest: the committee is never counted before the offices.
    if (open.due.length === 0 || open.later > 0) return 0;
    return (await settle(db)).ok ? open.due.length : 0;
  };
}

/** Each due poll on its own, as a free-standing poll would be. */
function eachPoll(owner: PollOwner) {
  return async (db: Db): Promise<number> => {
    let closed = 0;
    for (const id of (await openPollsOf(db, owner)).due) if ((await closePoll(db, AUTOMATIC_CLOSE, id)).ok) closed += 1;
    return closed;
  };
}

export const dueOwners: Required<DueOwners> = {
  election: whenAllDue("election", (db) => countElection(db, AUTOMATIC_CLOSE)),
  clause: whenAllDue("clause", (db) => closeRound(db, AUTOMATIC_CLOSE)),
  adoption: whenAllDue("adoption", (db) => settleAdoption(db, AUTOMATIC_CLOSE)),
  decision: whenAllDue("decision", (db) => settleDecision(db, AUTOMATIC_CLOSE)),
  standing_orders: eachPoll("standing_orders"),
  financial_scheme: whenAllDue("financial_scheme", (db) => settleFinancialSchemeVote(db, AUTOMATIC_CLOSE)),
};
