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
 * A poll held by trustees closes to voting here and waits for them ("decrypting"); the owner is
 * called again once they have decrypted it, to count it in its order (decisions 047, 048).
 * Each is one transaction that locks its owner's row first, so several servers may run it at
 * once: the second finds the work done. Each answers how many polls it closed.
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { settleDecision } from "~/modules/campaign/decision.server";
import { closeRound, settleAdoption } from "~/modules/constitution/round.server";
import { countElection } from "~/modules/elections/count.server";
import { settleFinancialSchemeVote } from "~/modules/registration/financial-scheme-vote.server";
import type { Db } from "~/utils/db.server";
import { describeFailure } from "~/utils/errors";
import { pollElections, polls, type PollOwner } from "../../../db/schema";
import { AUTOMATIC_CLOSE, type DueOwners } from "~/modules/polls/closer.server";
import { closePoll } from "~/modules/polls/closing.server";
import { countDecryptedPoll } from "~/modules/polls/trustee-count.server";

/**
 * The owner's open polls: how many have passed their closing time, and how many have not; and
 * how many of its polls held by trustees are decrypted but not yet counted (decision 047).
 */
async function openPollsOf(db: Db, owner: PollOwner): Promise<{ due: string[]; later: number; decrypted: string[] }> {
  const rows = await db
    .select({ id: polls.id, due: sql<boolean>`${polls.closesAt} <= now()` })
    .from(polls)
    .where(and(eq(polls.status, "open"), eq(polls.owner, owner)));
  const decrypted = await db
    .select({ id: polls.id })
    .from(polls)
    .innerJoin(pollElections, eq(pollElections.pollId, polls.id))
    .where(and(eq(polls.status, "decrypting"), eq(polls.owner, owner), isNotNull(pollElections.result)));
  return { due: rows.filter((r) => r.due).map((r) => r.id), later: rows.filter((r) => !r.due).length, decrypted: decrypted.map((r) => r.id) };
}

/** Closes the owner's due polls only when none of its open polls is still to close later. */
function whenAllDue(owner: PollOwner, settle: (db: Db) => Promise<{ ok: boolean }>) {
  return async (db: Db): Promise<number> => {
    const open = await openPollsOf(db, owner);
    // A ballot past its closing time takes no more votes (prepareBallot), but waits to be
    // counted with the rest: the committee is never counted before the offices. A ballot its
    // trustees have just decrypted calls the owner again, to count what it was waiting for.
    if ((open.due.length === 0 && open.decrypted.length === 0) || open.later > 0) return 0;
    return (await settle(db)).ok ? open.due.length + open.decrypted.length : 0;
  };
}

/**
 * Each due poll on its own, as a free-standing poll would be; one held by trustees is counted
 * once they have decrypted it (decision 048).
 */
function eachPoll(owner: PollOwner) {
  return async (db: Db): Promise<number> => {
    let closed = 0;
    const open = await openPollsOf(db, owner);
    for (const id of open.due) if ((await closePoll(db, AUTOMATIC_CLOSE, id)).ok) closed += 1;
    for (const id of open.decrypted) if ((await db.transaction((tx) => countDecryptedPoll(tx, AUTOMATIC_CLOSE, id))).ok) closed += 1;
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

/**
 * Called when trustees have decrypted an owned poll (decision 047): its owner counts what was
 * waiting for it, as the poll closer would on its next round. A failure is logged by kind only;
 * the closer tries again.
 */
export async function countForOwner(db: Db, owner: PollOwner): Promise<number> {
  try {
    return await dueOwners[owner](db);
  } catch (error) {
    console.error(`count after decryption: ${describeFailure(error)} (the ${owner} polls)`);
    return 0;
  }
}
