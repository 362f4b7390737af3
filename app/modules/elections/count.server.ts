/**
 * Counting an officer election: every ballot closed and counted, the registered offices before
 * the positions counted after them (11.8), and who each count elected.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import type { RankedCountReport } from "~/modules/ballots";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { closePoll } from "~/modules/polls/closing.server";
import { countDecryptedPoll } from "~/modules/polls/trustee-count.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { candidacies, elections, pollOptions, polls, positions } from "../../../db/schema";
import { electionTextProblem } from "./text-fields";
import { RON_LABEL } from "~/modules/ballots/ron";
import { electionChain, listPositions, lockedElection, type Election, type ElectionResult, type Position } from "./current-election.server";

/** People declared elected to an office (a position not counted after them) before this election. */
async function earlierOfficeHolders(db: DbOrTx, election: Election): Promise<string[]> {
  if (!election.followsElectionId) return [];
  const earlier = (await electionChain(db)).filter((e) => e.id !== election.id);
  if (earlier.length === 0) return [];
  const rows = await db
    .select({ elected: positions.elected })
    .from(positions)
    .where(
      and(
        inArray(
          positions.electionId,
          earlier.map((e) => e.id),
        ),
        eq(positions.countedAfterOffices, false),
        isNotNull(positions.declaredAt),
      ),
    );
  return rows.flatMap((r) => (r.elected ?? []).flatMap((e) => (e.userId ? [e.userId] : [])));
}

/**
 * Closes and counts every ballot: the registered offices first, then the positions counted
 * after them, from which anyone elected to an office is withdrawn before counting (11.8).
 */
export async function countElection(db: Db, actor: Actor, options: { reason?: string } = {}): Promise<ElectionResult> {
  const reasonLimit = electionTextProblem("reason", options.reason?.trim() ?? "");
  if (reasonLimit) return { ok: false, code: reasonLimit };
  return db.transaction(async (tx) => {
    const election = await lockedElection(tx);
    if (!election) return { ok: false, code: "no_election" } as const;
    if (election.phase !== "ballot") return { ok: false, code: "wrong_phase" } as const;
    const all = await listPositions(tx, election.id);
    const pollIds = all.flatMap((p) => (p.pollId ? [p.pollId] : []));
    const open = pollIds.length
      ? await tx
          .select({ closesAt: polls.closesAt })
          .from(polls)
          .where(and(inArray(polls.id, pollIds), eq(polls.status, "open")))
      : [];
    // Before the closing time only with the returning officer's reason, as for any poll.
    if (open.some((p) => p.closesAt.getTime() > Date.now()) && !options.reason?.trim()) return { ok: false, code: "reason_missing" } as const;
    // A by-election's committee leaves out the offices' holders elected before it too (11.8).
    const officeHolders = new Set<string>(await earlierOfficeHolders(tx, election));
    // Ballots held by trustees (decision 047) close to voting here and are counted once decrypted;
    // the committee only after every office, since its count leaves out their winners.
    let waitingForTrustees = false;
    for (const position of [...all.filter((p) => !p.countedAfterOffices), ...all.filter((p) => p.countedAfterOffices)]) {
      if (!position.pollId) continue;
      // Only while the ballot is uncounted: withdrawing a candidate from a ballot already counted
      // would make its stored rules disagree with its result.
      const [ballot] = await tx.select({ status: polls.status }).from(polls).where(eq(polls.id, position.pollId)).for("update");
      const uncounted = ballot?.status === "open" || ballot?.status === "decrypting";
      if (position.countedAfterOffices && officeHolders.size > 0 && uncounted && !waitingForTrustees) {
        const onPaper = await tx
          .select()
          .from(candidacies)
          .where(and(eq(candidacies.positionId, position.id), isNotNull(candidacies.ballotPosition)));
        for (const c of onPaper) {
          if (officeHolders.has(c.userId) && c.ballotPosition !== null) {
            await tx
              .update(pollOptions)
              .set({ withdrawn: true })
              .where(and(eq(pollOptions.pollId, position.pollId), eq(pollOptions.position, c.ballotPosition)));
          }
        }
      }
      const closed = await closePoll(tx, actor, position.pollId, options);
      if (!closed.ok && closed.code !== "not_open") throw new Error(`ballot for ${position.title} not closed: ${closed.code}`);
      const [after] = await tx.select({ status: polls.status }).from(polls).where(eq(polls.id, position.pollId));
      if (after?.status === "decrypting") {
        // The committee waits for the offices' winners: not counted while an office is undecrypted.
        const counted = position.countedAfterOffices && waitingForTrustees ? null : await countDecryptedPoll(tx, actor, position.pollId);
        if (!counted?.ok) {
          waitingForTrustees = true;
          continue;
        }
      }
      if (!position.countedAfterOffices) for (const w of await winners(tx, position)) if (w.userId) officeHolders.add(w.userId);
    }
    if (waitingForTrustees) return { ok: false, code: "decrypting" } as const;
    await tx.update(elections).set({ phase: "counted" }).where(eq(elections.id, election.id));
    await appendAudit(tx, {
      actor,
      action: "election.counted",
      subjectType: "election",
      subjectId: election.id,
      details: options.reason ? { closedEarlyBecause: options.reason } : {},
    });
    return { ok: true } as const;
  });
}

/** The people a position's count elected, in order; a RON seat has no person. */
export async function winners(db: DbOrTx, position: Position): Promise<{ userId: string | null; name: string }[]> {
  if (!position.pollId) return [];
  const [poll] = await db.select({ result: polls.result, status: polls.status }).from(polls).where(eq(polls.id, position.pollId));
  if (poll?.status !== "closed") return [];
  return winnersOf(db, position, poll.result as PollResult | null);
}

/** The people a count's result elects for a position (the stored count, or a recount's). */
export async function winnersOf(db: DbOrTx, position: Position, result: PollResult | null): Promise<{ userId: string | null; name: string }[]> {
  if (!position.pollId || result?.kind !== "ranked") return [];
  const report = result.report as RankedCountReport;
  const onPaper = await db
    .select({ userId: candidacies.userId, ballotPosition: candidacies.ballotPosition })
    .from(candidacies)
    .where(and(eq(candidacies.positionId, position.id), isNotNull(candidacies.ballotPosition)));
  const options = await db.select().from(pollOptions).where(eq(pollOptions.pollId, position.pollId));
  return report.winners.map((w) => {
    const option = options.find((o) => o.label === w.candidate);
    const person = option && !option.isRon ? onPaper.find((c) => c.ballotPosition === option.position) : undefined;
    return { userId: person?.userId ?? null, name: w.ron ? RON_LABEL : w.candidate };
  });
}
