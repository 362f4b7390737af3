/**
 * An officer election's ballots: one ranked ballot per position on the poll engine, opened when
 * nominations close, and when they are due to be counted.
 */
import { eq } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { countSheetWords } from "~/modules/ballots/messages";
import { standingOrdersAdopted } from "~/modules/constitution/round.server";
import { checkPeriod } from "~/modules/content/standing-order-periods";
import { createPoll, openPoll } from "~/modules/polls/creation.server";
import { holdPollWithSet } from "~/modules/polls/encrypted/trustee-sets.server";
import { trusteeSetReady } from "./election-trustees.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { candidacies, elections, polls, positions } from "../../../db/schema";
import { foundingRoll } from "~/modules/founding/roll.server";
import { electionTextProblem } from "./text-fields";
import { plural } from "~/utils/plural";
import { RON_LABEL } from "~/modules/ballots/ron";
import { listCandidates } from "./candidates.server";
import { listPositions, lockedElection, type ElectionResult } from "./current-election.server";
import { pendingNominations } from "./nominations.server";

/**
 * When nominations close (or earlier, with the returning officer's reason), one ranked ballot per
 * position: its validly nominated candidates and RON (11.14, 11.15), on the roll of founding
 * members. A position nobody validly stood for gets no ballot: its nominations re-open.
 */
export async function openBallots(
  db: Db,
  actor: Actor,
  input: { closesAt: Date; reason?: string },
): Promise<ElectionResult<{ opened: string[]; reopened: string[]; rollSize: number }>> {
  const reasonLimit = electionTextProblem("reason", input.reason?.trim() ?? "");
  if (reasonLimit) return { ok: false, code: reasonLimit };
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  return db.transaction(async (tx) => {
    const election = await lockedElection(tx);
    if (!election) return { ok: false, code: "no_election" } as const;
    if (election.phase !== "nominations") return { ok: false, code: "wrong_phase" } as const;
    const early = Date.now() < election.nominationsCloseAt.getTime();
    if (early && !input.reason?.trim()) return { ok: false, code: "reason_missing" } as const;
    const period = checkPeriod(await standingOrderRules(), "ballot", {
      opensAt: new Date(),
      closesAt: input.closesAt,
      adopted: await standingOrdersAdopted(tx),
    });
    if (!period.ok) return { ok: false, code: period.code, detail: period.earliest.toISOString() } as const;
    const roll = await foundingRoll(tx);
    if (roll.length === 0) return { ok: false, code: "no_founding_members" } as const;
    // Trustees named for the election hold every ballot's key: none opens before all keys are in.
    if (election.trusteeSetId && !(await trusteeSetReady(tx, election.trusteeSetId))) return { ok: false, code: "trustee_keys_missing" } as const;
    const opened: string[] = [];
    const reopened: string[] = [];
    // Nominations their nominees never accepted lapse here: they are not candidacies, so they
    // are left off every paper, and the audit entry says whose they were.
    const lapsed = (await pendingNominations(tx, { electionId: election.id })).map((n) => ({
      position: n.positionTitle,
      candidacyId: n.candidacyId,
      nominee: n.nomineeId,
    }));
    for (const position of await listPositions(tx, election.id)) {
      const valid = (await listCandidates(tx, position)).filter((c) => c.valid);
      if (valid.length === 0) {
        reopened.push(position.title);
        continue;
      }
      // Two candidates with one name would be indistinguishable on the paper.
      const seen = new Map<string, number>();
      for (const c of valid) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
      const labels = valid.map((c, i) => ((seen.get(c.name) ?? 0) > 1 ? `${c.name} (${i + 1})` : c.name));
      // Fewer candidates than seats: the ballot fills as many seats as there are candidates
      // (RON can still win them); the rest stay empty and their nominations re-open (11.15).
      const seats = Math.min(position.seats, valid.length);
      const short =
        seats < position.seats
          ? ` Only ${valid.length} validly nominated for ${plural(position.seats, "seat")}: the other seats stay empty, and nominations for them re-open.`
          : "";
      const created = await createPoll(tx, actor, {
        title: `${election.title}: ${position.title}`,
        description:
          (position.seats > 1
            ? `${seats} ${seats === 1 ? "seat" : "seats"}, counted by ${countSheetWords.methodInSentence[seats === 1 ? "irv" : position.method] ?? position.method}.`
            : "One seat, counted by instant-runoff.") + short,
        method: seats === 1 ? "irv" : position.method,
        owner: "election",
        seats,
        options: [...labels.map((label) => ({ label })), { label: RON_LABEL, isRon: true }],
        closesAt: input.closesAt,
      });
      if (!created.ok) throw new Error(`ballot for ${position.title} refused: ${created.code}`);
      if (election.trusteeSetId && !(await holdPollWithSet(tx, election.trusteeSetId, created.pollId))) throw new Error("trustee keys went missing");
      const o = await openPoll(tx, actor, created.pollId, roll);
      if (!o.ok) throw new Error(`ballot for ${position.title} not opened: ${o.code}`);
      for (const [i, c] of valid.entries()) await tx.update(candidacies).set({ ballotPosition: i }).where(eq(candidacies.id, c.id));
      await tx.update(positions).set({ pollId: created.pollId }).where(eq(positions.id, position.id));
      opened.push(position.title);
    }
    await tx.update(elections).set({ phase: "ballot" }).where(eq(elections.id, election.id));
    await appendAudit(tx, {
      actor,
      action: "election.ballots_opened",
      subjectType: "election",
      subjectId: election.id,
      details: {
        opened,
        reopened,
        lapsedNominations: lapsed,
        rollSize: roll.length,
        closesAt: input.closesAt.toISOString(),
        ...(early ? { nominationsClosedEarlyBecause: input.reason } : {}),
      },
    });
    return { ok: true, opened, reopened, rollSize: roll.length } as const;
  });
}

/**
 * Where the election's ballots stand, from one read: when the last open ballot closes (null when
 * none is open) and whether the count is due (every ballot closed or past its closing time). Until
 * then none is counted: past its own closing time a ballot takes no more votes, and waits for the
 * others.
 */
export async function ballotTimes(db: DbOrTx, electionId: string, now = Date.now()): Promise<{ lastClose: Date | null; due: boolean; decrypting: number }> {
  const rows = await db
    .select({ status: polls.status, closesAt: polls.closesAt })
    .from(positions)
    .innerJoin(polls, eq(polls.id, positions.pollId))
    .where(eq(positions.electionId, electionId));
  const open = rows.filter((p) => p.status === "open").map((p) => p.closesAt.getTime());
  const decrypting = rows.filter((p) => p.status === "decrypting").length;
  return {
    lastClose: open.length > 0 ? new Date(Math.max(...open)) : null,
    // Ballots closed to voting that wait for their trustees (decision 047): not due for the
    // returning officer's count until the trustees have decrypted them.
    due: decrypting === 0 && rows.length > 0 && rows.every((p) => p.status === "closed" || p.closesAt.getTime() <= now),
    decrypting,
  };
}
