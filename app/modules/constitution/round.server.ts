/**
 * Voting rounds on the draft, on the poll engine (standing orders section 10): opening a round
 * (one ballot per pending clause, all questions on one frozen roll), casting a clause's ballot
 * (every question at once, so a ballot is never half cast), closing and deciding the round, and
 * the final adoption vote that makes the text a version.
 */
import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { appendAudit, appendAuditEntries, type Actor } from "~/modules/audit/audit.server";
import type { YesNoResult } from "~/modules/ballots";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { ballotsCastSql } from "~/modules/polls/turnout.server";
import { castBallot } from "~/modules/polls/casting.server";
import { closePoll, closePollBatch, closedPollDetails } from "~/modules/polls/closing.server";
import { createPoll, openPoll, openPollBatch } from "~/modules/polls/creation.server";
import { verifyPoll } from "~/modules/polls/verification.server";
import { holdWithScopeTrustees, readyScopeSets, scopeKeysReady } from "~/modules/polls/encrypted/scope-trustees.server";
import { countIfDecrypted } from "~/modules/polls/trustee-count.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { transactionTellingCommit } from "~/utils/commit-outcome.server";
import {
  amendments,
  amendmentSupporters,
  clauseDecisions,
  constitutionDrafts,
  constitutionVersions,
  movement,
  polls,
  pollVoters,
  voteItems,
  votingRounds,
  type AdoptedClause,
  type AdoptionRecord,
} from "../../../db/schema";
import { checkPeriod } from "~/modules/content/standing-order-periods";
import { amendedDocument, clauseDecisionMap, currentDraft, toEngine, type Draft } from "./drafting.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { foundingRoll } from "~/modules/founding/roll.server";
import { canMove } from "./phases";
import { prepareInBackground } from "./round-preparation";
import {
  competingLabels,
  decideRound,
  planRound,
  undecidedClauses,
  type AmendmentOutcome,
  type CountedItem,
  type PlannedItem,
  type UndecidedClause,
} from "./round";
import type { RoundProblem } from "./codes";

/** `earliest`: with period_too_short, the earliest closing time the standing orders allow. */
export type RoundResult<T = object> = ({ ok: true } & T) | { ok: false; code: RoundProblem; earliest?: Date };

export type VotingRound = typeof votingRounds.$inferSelect;

/**
 * Constitution votes run under the standing orders, so none may open before the founding
 * members have adopted them (standing orders 16).
 */
export async function standingOrdersAdopted(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ status: polls.status, result: polls.result })
    .from(movement)
    .innerJoin(polls, eq(polls.id, movement.standingOrdersPollId))
    .where(eq(movement.id, 1));
  const result = row?.result as PollResult | null | undefined;
  return row?.status === "closed" && result?.kind === "yes-no" && result.result.passed;
}

/**
 * The draft's row lock serialises the round commands with each other and with the drafting
 * commands (a second "open" waits, then finds the round open). NO KEY UPDATE, not UPDATE: rows
 * that merely point at the draft (a comment) take a key-share lock on it, and must not wait
 * for a round to open or close.
 */
export async function lockDraft(tx: DbOrTx): Promise<Draft | null> {
  const draft = await currentDraft(tx);
  if (!draft) return null;
  const [locked] = await tx.select().from(constitutionDrafts).where(eq(constitutionDrafts.id, draft.id)).for("no key update");
  return locked ?? null;
}

/** Clauses of the text as amended that no round has decided yet, in order (round.ts: undecidedClauses). */
export async function pendingClauses(db: DbOrTx, draftId: string): Promise<UndecidedClause[]> {
  const { amended } = await amendedDocument(db, draftId);
  const decisions = await clauseDecisionMap(db, draftId);
  const added = await db
    .select({ id: amendments.id, operation: amendments.operation, createdAt: amendments.createdAt })
    .from(amendments)
    .where(and(eq(amendments.draftId, draftId), eq(amendments.status, "carried")));
  const addedBy = new Map(added.map(toEngine).flatMap((a) => (a.kind === "insertAfter" ? [[a.clause.id, a.id] as const] : [])));
  return undecidedClauses(amended, decisions, addedBy);
}

export async function openRound(
  db: Db,
  actor: Actor,
  input: { closesAt: Date; inBackground?: boolean },
): Promise<RoundResult<{ roundId: string; questions: number; rollSize: number; preparing: boolean }>> {
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  const rules = await standingOrderRules();
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    if (!canMove(draft.phase, "voting") || draft.adoptionPollId) return { ok: false, code: "wrong_phase" } as const;
    if (!(await standingOrdersAdopted(tx))) return { ok: false, code: "standing_orders_not_adopted" } as const;
    const period = checkPeriod(rules, "ballot", { opensAt: new Date(), closesAt: input.closesAt, adopted: true });
    if (!period.ok) return { ok: false, code: period.code, earliest: period.earliest } as const;
    const roll = await foundingRoll(tx);
    if (roll.length === 0) return { ok: false, code: "no_founding_members" } as const;
    // Trustees named for the constitution hold every question's key (decision 048).
    const trusteeSets = await readyScopeSets(tx, "constitution");
    if (!trusteeSets) return { ok: false, code: "trustee_keys_missing" } as const;
    const { amended } = await amendedDocument(tx, draft.id);
    const pending = new Set((await pendingClauses(tx, draft.id)).map((c) => c.id));
    if (pending.size === 0) return { ok: false, code: "nothing_pending" } as const;

    // Amendments go to the vote with enough supporters (7.4), or from the committee (7.10).
    const rows = await tx
      .select({ a: amendments, supporters: sql<number>`(select count(*)::int from ${amendmentSupporters} s where s.amendment_id = ${amendments.id})` })
      .from(amendments)
      .where(and(eq(amendments.draftId, draft.id), inArray(amendments.status, ["open", "undecided"])));
    const eligible = rows.filter((r) => r.a.byCommittee || r.supporters >= draft.supportersNeeded).map((r) => r.a);
    const numbers = new Map(eligible.map((a) => [a.id, a.number]));
    const { plans } = planRound(
      amended,
      eligible.map(toEngine),
      pending,
      { ordinaryMajority: rules.ordinaryMajority, entrenchedMajority: rules.entrenchedMajority, quorumPercent: rules.quorumPercent },
      new Map(eligible.map((a) => [a.id, a.clauseId])),
    );

    const [last] = await tx
      .select({ n: max(votingRounds.number) })
      .from(votingRounds)
      .where(eq(votingRounds.draftId, draft.id));
    const number = (last?.n ?? 0) + 1;
    const items = plans.flatMap((plan) => plan.items);
    // A large round's elections are made in the background, and voting opens when they are ready
    // (decision 049): minutes of credentials are not derived inside this transaction.
    const preparing = input.inBackground ?? prepareInBackground(items.length, roll.length);
    const [round] = await tx
      .insert(votingRounds)
      .values({ draftId: draft.id, number, rollSize: roll.length, quorumPercent: rules.quorumPercent, closesAt: input.closesAt, preparing })
      .returning({ id: votingRounds.id });
    if (!round) throw new Error("round not stored");
    const titles = new Map(amended.clauses.map((c, i) => [c.id, `Clause ${i + 1} (${c.title})`]));
    // Every question is an ordinary poll on the same frozen roll, opened in one batch.
    const opened = await openPollBatch(
      tx,
      actor,
      items.map((item) => {
        const nums = item.amendmentIds.map((id) => numbers.get(id) ?? 0);
        return {
          title: questionTitle(titles.get(item.clauseId) ?? item.clauseId, item, nums),
          method: item.kind === "competing" ? ("schulze" as const) : ("yes-no" as const),
          options: item.kind === "competing" ? competingLabels(nums).map((label) => ({ label })) : [],
          quorum: { numerator: rules.quorumPercent, denominator: 100 },
          majority: item.majority,
          closesAt: input.closesAt,
          owner: "clause" as const,
        };
      }),
      roll,
      trusteeSets,
      { deferElections: preparing },
    );
    if (!opened.ok) throw new Error(`round questions refused: ${opened.code}`);
    const itemRows = items.map((item, position) => ({
      pollId: opened.polls[position]!.pollId,
      roundId: round.id,
      clauseId: item.clauseId,
      position,
      kind: item.kind,
      amendmentIds: item.amendmentIds,
    }));
    for (let i = 0; i < itemRows.length; i += 1000) await tx.insert(voteItems).values(itemRows.slice(i, i + 1000));
    await tx.update(constitutionDrafts).set({ phase: "voting", updatedAt: new Date() }).where(eq(constitutionDrafts.id, draft.id));
    // Last: every audited write in the app waits for the audit log's lock, so it is taken only
    // once the work is done, and held just while this transaction commits. One entry for the
    // round, naming each question's poll and the lot seed it was given before anyone voted.
    await appendAudit(tx, {
      actor,
      action: "constitution.round_opened",
      subjectType: "constitution_draft",
      subjectId: draft.id,
      details: {
        round: number,
        clauses: plans.length,
        questions: items.length,
        rollSize: opened.rollSize,
        closesAt: input.closesAt.toISOString(),
        ...(preparing ? { preparing: true } : {}),
        quorumPercent: rules.quorumPercent,
        amendments: eligible.map((a) => a.number),
        polls: opened.polls.map((p) => ({ id: p.pollId, title: p.title, method: p.method, lotSeed: p.lotSeed })),
      },
    });
    return { ok: true, roundId: round.id, questions: items.length, rollSize: opened.rollSize, preparing } as const;
  });
}

/** Question titles are stored on the poll, so the polls pages and BLT files name them too. */
function questionTitle(clause: string, item: PlannedItem, numbers: readonly number[]): string {
  if (item.kind === "amendment") return `${clause}: amendment A${numbers[0] ?? "?"}`;
  if (item.kind === "competing") return `${clause}: competing amendments ${numbers.map((n) => `A${n}`).join(", ")}`;
  return `${clause}: adopt the clause as amended`;
}

export async function openRoundOf(db: DbOrTx, draftId: string): Promise<VotingRound | null> {
  const [round] = await db
    .select()
    .from(votingRounds)
    .where(and(eq(votingRounds.draftId, draftId), isNull(votingRounds.closedAt)))
    .orderBy(desc(votingRounds.number))
    .limit(1);
  return round ?? null;
}

export type VoteItem = typeof voteItems.$inferSelect;

export async function roundItems(db: DbOrTx, roundId: string, clauseId?: string): Promise<VoteItem[]> {
  const where = clauseId ? and(eq(voteItems.roundId, roundId), eq(voteItems.clauseId, clauseId)) : eq(voteItems.roundId, roundId);
  return db.select().from(voteItems).where(where).orderBy(asc(voteItems.position));
}

/** The clauses a member has cast their ballot on in this round: their progress between sittings. */
export async function clausesVoted(db: DbOrTx, roundId: string, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ clauseId: voteItems.clauseId })
    .from(voteItems)
    .innerJoin(pollVoters, and(eq(pollVoters.pollId, voteItems.pollId), eq(pollVoters.userId, userId)))
    .where(eq(voteItems.roundId, roundId));
  return new Set(rows.map((r) => r.clauseId));
}

export type ClauseAnswer = { pollId: string; choice?: string; ranking?: number[] };

export type CastClauseResult =
  | { ok: true; receipts: { pollId: string; receipt: string }[] }
  | {
      ok: false;
      code: "no_open_round" | "preparing" | "not_found" | "not_open" | "not_on_roll" | "already_voted" | "answer_missing" | "answer_invalid";
      pollId?: string;
    };

class CastAbort extends Error {
  constructor(readonly outcome: Extract<CastClauseResult, { ok: false }>) {
    super(outcome.code);
  }
}

/**
 * Casts every question of one clause's ballot in one transaction: either all are cast, or
 * none. Each answer still goes to its own poll, apart from the voter, with its own receipt.
 */
export async function castClauseBallot(db: Db, userId: string, clauseId: string, answers: readonly ClauseAnswer[]): Promise<CastClauseResult> {
  const draft = await currentDraft(db);
  const round = draft && draft.phase === "voting" ? await openRoundOf(db, draft.id) : null;
  if (!round) return { ok: false, code: "no_open_round" };
  if (round.preparing) return { ok: false, code: "preparing" };
  const items = await roundItems(db, round.id, clauseId);
  if (items.length === 0) return { ok: false, code: "not_found" };
  try {
    // A failure at the commit is thrown as CommitOutcomeUnknown: the ballot may be stored.
    return await transactionTellingCommit(db, async (tx) => {
      const receipts: { pollId: string; receipt: string }[] = [];
      for (const item of items) {
        const answer = answers.find((a) => a.pollId === item.pollId);
        if (!answer) throw new CastAbort({ ok: false, code: "answer_missing", pollId: item.pollId });
        const cast = await castBallot(tx, {
          pollId: item.pollId,
          userId,
          ...(answer.choice ? { choice: answer.choice } : {}),
          ...(answer.ranking ? { ranking: answer.ranking } : {}),
        });
        if (!cast.ok) {
          const code =
            cast.code === "not_found" || cast.code === "not_open" || cast.code === "not_on_roll" || cast.code === "already_voted"
              ? cast.code
              : "answer_invalid";
          throw new CastAbort({ ok: false, code, pollId: item.pollId });
        }
        receipts.push({ pollId: item.pollId, receipt: cast.receipt });
      }
      return { ok: true as const, receipts };
    });
  } catch (error) {
    if (error instanceof CastAbort) return error.outcome;
    throw error;
  }
}

/**
 * Closes every question of the open round (any the poll closer already closed at their closing
 * time are read back), decides them (round.ts), and records the amendments' and clauses'
 * outcomes. The draft moves to "closed".
 */
export async function closeRound(db: Db, actor: Actor, options: { reason?: string } = {}): Promise<RoundResult<{ roundNumber: number }>> {
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    const round = canMove(draft.phase, "closed") ? await openRoundOf(tx, draft.id) : null;
    if (!round) return { ok: false, code: "no_open_round" } as const;
    // Nobody has voted yet: its ballot papers are still being made (decision 049).
    if (round.preparing) return { ok: false, code: "preparing" } as const;
    const items = await roundItems(tx, round.id);
    const pollIds = items.map((item) => item.pollId);
    // Every question still open is closed and counted together; any the poll closer already
    // closed at the closing time is read back.
    const batch = await closePollBatch(tx, pollIds);
    if (!batch.ok) throw new Error(`question ${batch.pollId} not closed: ${batch.code}`);
    if (batch.missing.length > 0) throw new Error(`questions ${batch.missing.join(", ")} not found`);
    const closedNow = batch.closed.map((closed) => ({
      actor,
      action: "poll.closed",
      subjectType: "poll",
      subjectId: closed.pollId,
      details: closedPollDetails(closed, options),
    }));
    // Questions held by trustees (decision 048) are counted as they are decrypted; the round is
    // decided only once every one is, by the poll closer (or this button) after the last share.
    let waiting = 0;
    for (const pollId of pollIds) if (!(await countIfDecrypted(tx, actor, pollId))) waiting += 1;
    if (waiting > 0) {
      await appendAuditEntries(tx, closedNow);
      return { ok: false, code: "decrypting" } as const;
    }
    const questions = new Map((await tx.select().from(polls).where(inArray(polls.id, pollIds))).map((p) => [p.id, p]));
    const counted: CountedItem[] = items.map((item) => {
      const poll = questions.get(item.pollId);
      if (!poll?.result) throw new Error(`question ${item.pollId} has no result`);
      return {
        item: { kind: item.kind, clauseId: item.clauseId, amendmentIds: item.amendmentIds, majority: poll.majority },
        result: poll.result as PollResult,
        rollSize: poll.rollSize,
        ballotCount: poll.ballotCount,
      };
    });
    const outcome = decideRound(counted, round.quorumPercent);
    const byStatus = new Map<AmendmentOutcome, string[]>();
    for (const [id, status] of outcome.amendments) byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
    for (const [status, ids] of byStatus) await tx.update(amendments).set({ status }).where(inArray(amendments.id, ids));
    const decided = [...outcome.clauses].flatMap(([clauseId, decision]) =>
      decision === "pending" ? [] : [{ draftId: draft.id, clauseId, decision, roundId: round.id }],
    );
    if (decided.length > 0) await tx.insert(clauseDecisions).values(decided);
    await tx.update(votingRounds).set({ closedAt: new Date() }).where(eq(votingRounds.id, round.id));
    await tx.update(constitutionDrafts).set({ phase: "closed", updatedAt: new Date() }).where(eq(constitutionDrafts.id, draft.id));
    // Last, as in openRound: the audit log's lock is held only while this transaction commits.
    // Each poll closed here gets its own "poll.closed" entry with its chain heads, as it would
    // from the poll closer, then the round's entry.
    await appendAuditEntries(tx, [
      ...closedNow,
      {
        actor,
        action: "constitution.round_closed",
        subjectType: "constitution_draft",
        subjectId: draft.id,
        details: {
          round: round.number,
          ...(options.reason ? { closedEarlyBecause: options.reason } : {}),
          amendments: Object.fromEntries(outcome.amendments),
          clauses: Object.fromEntries(outcome.clauses),
        },
      },
    ]);
    return { ok: true, roundNumber: round.number } as const;
  });
}

/** The final vote on the whole text (10.5), once every clause is decided. */
export async function openAdoptionVote(db: Db, actor: Actor, input: { closesAt: Date }): Promise<RoundResult<{ pollId: string }>> {
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  const rules = await standingOrderRules();
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    if (draft.phase !== "closed") return { ok: false, code: "wrong_phase" } as const;
    if (draft.adoptionPollId) return { ok: false, code: "adoption_already_open" } as const;
    if ((await pendingClauses(tx, draft.id)).length > 0) return { ok: false, code: "still_pending" } as const;
    const period = checkPeriod(rules, "ballot", { opensAt: new Date(), closesAt: input.closesAt, adopted: await standingOrdersAdopted(tx) });
    if (!period.ok) return { ok: false, code: period.code, earliest: period.earliest } as const;
    const roll = await foundingRoll(tx);
    if (roll.length === 0) return { ok: false, code: "no_founding_members" } as const;
    if (!(await scopeKeysReady(tx, "constitution"))) return { ok: false, code: "trustee_keys_missing" } as const;
    const created = await createPoll(tx, actor, {
      title: draft.baseVersion ? `Adopt version ${draft.baseVersion + 1} of the constitution` : "Adopt the constitution as a whole",
      description: "The final vote on the constitution made of all the clauses adopted (standing orders 10.5).",
      method: "yes-no",
      owner: "adoption",
      options: [],
      quorum: { numerator: rules.quorumPercent, denominator: 100 },
      majority: rules.adoptionMajority,
      closesAt: input.closesAt,
    });
    if (!created.ok) throw new Error(`adoption vote refused: ${created.code}`);
    if ((await holdWithScopeTrustees(tx, "constitution", created.pollId)) === "keys_missing") throw new Error("constitution trustees' keys went missing");
    const opened = await openPoll(tx, actor, created.pollId, roll);
    if (!opened.ok) throw new Error(`adoption vote not opened: ${opened.code}`);
    await tx.update(constitutionDrafts).set({ adoptionPollId: created.pollId, updatedAt: new Date() }).where(eq(constitutionDrafts.id, draft.id));
    await appendAudit(tx, {
      actor,
      action: "constitution.adoption_vote_opened",
      subjectType: "constitution_draft",
      subjectId: draft.id,
      details: { pollId: created.pollId, rollSize: opened.rollSize },
    });
    return { ok: true, pollId: created.pollId } as const;
  });
}

/**
 * Closes the adoption vote (or reads it back if the poll closer got there first). If it is
 * carried, the adopted clauses become the next version with its adoption record (10.6).
 */
export async function settleAdoption(
  db: Db,
  actor: Actor,
  options: { reason?: string } = {},
): Promise<RoundResult<{ adopted: boolean; version: number | null }>> {
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx);
    if (!draft) return { ok: false, code: "no_draft" } as const;
    if (!draft.adoptionPollId) return { ok: false, code: "no_adoption_vote" } as const;
    if (draft.adoptedVersion !== null) return { ok: false, code: "already_adopted" } as const;
    const closed = await closePoll(tx, actor, draft.adoptionPollId, options);
    if (!closed.ok && closed.code !== "not_open") throw new Error(`adoption vote not closed: ${closed.code}`);
    // Held by trustees (decision 048): closed to voting, it is settled once they have decrypted it.
    if (!(await countIfDecrypted(tx, actor, draft.adoptionPollId))) return { ok: false, code: "decrypting" } as const;
    const [poll] = await tx.select().from(polls).where(eq(polls.id, draft.adoptionPollId));
    const result = poll?.result as PollResult | null | undefined;
    if (!poll || result?.kind !== "yes-no") throw new Error("adoption vote has no result");
    // A result its own ballots do not reproduce adopts nothing (decision 027).
    if (!(await verifyPoll(tx, poll.id)).ok) return { ok: false, code: "verification_failed" } as const;
    if (!result.result.passed) {
      // Recorded as failed and released, so that the committee can open a new adoption vote:
      // a vote that misses its quorum or its two thirds is never a dead end.
      await tx
        .update(constitutionDrafts)
        .set({ adoptionPollId: null, failedAdoptionPollIds: [...draft.failedAdoptionPollIds, poll.id], updatedAt: new Date() })
        .where(eq(constitutionDrafts.id, draft.id));
      const { tally, turnout, code } = result.result;
      await appendAudit(tx, {
        actor,
        action: "constitution.adoption_failed",
        subjectType: "constitution_draft",
        subjectId: draft.id,
        details: {
          pollId: poll.id,
          code,
          yes: tally.yes,
          no: tally.no,
          abstain: tally.abstain,
          turnout,
          rollSize: poll.rollSize,
          attempt: draft.failedAdoptionPollIds.length + 1,
        },
      });
      return { ok: true, adopted: false, version: null } as const;
    }
    const record = await adoptionRecord(tx, draft, { pollId: poll.id, rollSize: poll.rollSize, chainHead: poll.chainHead, vote: result.result });
    const clauses = await adoptedClauses(tx, draft.id);
    const [last] = await tx.select({ n: max(constitutionVersions.number) }).from(constitutionVersions);
    const version = (last?.n ?? 0) + 1;
    await tx.insert(constitutionVersions).values({ number: version, draftId: draft.id, adoptedAt: new Date(record.adoptedAt), clauses, record });
    await tx.update(constitutionDrafts).set({ adoptedVersion: version, updatedAt: new Date() }).where(eq(constitutionDrafts.id, draft.id));
    await appendAudit(tx, {
      actor,
      action: "constitution.adopted",
      subjectType: "constitution_version",
      subjectId: String(version),
      details: { draftId: draft.id, clauses: clauses.length, yes: result.result.tally.yes, no: result.result.tally.no },
    });
    return { ok: true, adopted: true, version } as const;
  });
}

/** The text as amended, without the clauses the members rejected (10.4). */
export async function adoptedClauses(db: DbOrTx, draftId: string): Promise<AdoptedClause[]> {
  const { original, amended } = await amendedDocument(db, draftId);
  const decisions = await clauseDecisionMap(db, draftId);
  return amended.clauses
    .filter((c) => decisions.get(c.id) !== "rejected")
    .map((c) => ({ id: c.id, title: c.title, text: c.text, entrenched: c.entrenched, covers: original.covers.get(c.id) ?? [] }));
}

async function adoptionRecord(
  tx: DbOrTx,
  draft: Draft,
  vote: { pollId: string; rollSize: number; chainHead: string; vote: YesNoResult },
): Promise<AdoptionRecord> {
  const rounds = await tx.select().from(votingRounds).where(eq(votingRounds.draftId, draft.id)).orderBy(asc(votingRounds.number));
  const { amended } = await amendedDocument(tx, draft.id);
  const decisions = await clauseDecisionMap(tx, draft.id);
  // Each clause's stage 2 question: the latest round that asked it.
  const questions = await tx
    .select({ clauseId: voteItems.clauseId, result: polls.result, majority: polls.majority, round: votingRounds.number })
    .from(voteItems)
    .innerJoin(polls, eq(polls.id, voteItems.pollId))
    .innerJoin(votingRounds, eq(votingRounds.id, voteItems.roundId))
    .where(and(eq(votingRounds.draftId, draft.id), eq(voteItems.kind, "clause")))
    .orderBy(asc(votingRounds.number));
  const byClause = new Map(questions.map((q) => [q.clauseId, q]));
  const failed = await failedAdoptionVotes(tx, draft);
  return {
    draftId: draft.id,
    adoptedAt: new Date().toISOString(),
    rounds: rounds.map((r) => ({
      number: r.number,
      openedAt: r.openedAt.toISOString(),
      closedAt: (r.closedAt ?? r.closesAt).toISOString(),
      rollSize: r.rollSize,
    })),
    clauses: amended.clauses.map((c) => {
      const q = byClause.get(c.id);
      const result = q?.result as PollResult | undefined;
      const tally = result?.kind === "yes-no" ? result.result.tally : { yes: 0, no: 0, abstain: 0 };
      return {
        id: c.id,
        title: c.title,
        decision: decisions.get(c.id) ?? "pending",
        yes: tally.yes,
        no: tally.no,
        abstain: tally.abstain,
        majority: q?.majority ?? "simple",
      };
    }),
    adoptionVote: {
      pollId: vote.pollId,
      rollSize: vote.rollSize,
      yes: vote.vote.tally.yes,
      no: vote.vote.tally.no,
      abstain: vote.vote.tally.abstain,
      turnout: vote.vote.turnout,
      majority: vote.vote.majority,
      chainHead: vote.chainHead,
    },
    failedAdoptionVotes: failed,
  };
}

export type FailedAdoptionVote = NonNullable<AdoptionRecord["failedAdoptionVotes"]>[number];

/** The draft's adoption votes that were counted and not carried, oldest first. */
export async function failedAdoptionVotes(db: DbOrTx, draft: Pick<Draft, "failedAdoptionPollIds">): Promise<FailedAdoptionVote[]> {
  if (draft.failedAdoptionPollIds.length === 0) return [];
  const rows = await db.select().from(polls).where(inArray(polls.id, draft.failedAdoptionPollIds));
  const byId = new Map(rows.map((p) => [p.id, p]));
  return draft.failedAdoptionPollIds.flatMap((id) => {
    const poll = byId.get(id);
    const result = poll?.result as PollResult | null | undefined;
    if (!poll || result?.kind !== "yes-no") return [];
    const { tally, turnout, majority, code } = result.result;
    return [
      {
        pollId: id,
        closedAt: (poll.closedAt ?? poll.closesAt).toISOString(),
        rollSize: poll.rollSize,
        yes: tally.yes,
        no: tally.no,
        abstain: tally.abstain,
        turnout,
        majority,
        code,
        chainHead: poll.chainHead,
      },
    ];
  });
}

export async function latestVersion(db: DbOrTx) {
  const [row] = await db.select().from(constitutionVersions).orderBy(desc(constitutionVersions.number)).limit(1);
  return row ?? null;
}

export async function listVersions(db: DbOrTx) {
  return db
    .select({ number: constitutionVersions.number, adoptedAt: constitutionVersions.adoptedAt })
    .from(constitutionVersions)
    .orderBy(asc(constitutionVersions.number));
}

export async function versionByNumber(db: DbOrTx, number: number) {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const [row] = await db.select().from(constitutionVersions).where(eq(constitutionVersions.number, number));
  return row ?? null;
}

export interface QuestionResult {
  pollId: string;
  clauseId: string;
  kind: PlannedItem["kind"];
  amendmentIds: string[];
  title: string;
  majority: string;
  rollSize: number;
  ballotCount: number;
  result: PollResult | null;
  status: string;
}

/** Every question of every round of the draft, with its result once closed. */
export async function roundResults(db: DbOrTx, draftId: string) {
  const rounds = await db.select().from(votingRounds).where(eq(votingRounds.draftId, draftId)).orderBy(asc(votingRounds.number));
  const rows = await db
    .select({ item: voteItems, poll: polls, ballotsCast: ballotsCastSql() })
    .from(voteItems)
    .innerJoin(polls, eq(polls.id, voteItems.pollId))
    .innerJoin(votingRounds, eq(votingRounds.id, voteItems.roundId))
    .where(eq(votingRounds.draftId, draftId))
    .orderBy(asc(voteItems.position));
  return rounds.map((round) => ({
    round,
    questions: rows
      .filter((r) => r.item.roundId === round.id)
      .map(
        ({ item, poll, ballotsCast }): QuestionResult => ({
          pollId: poll.id,
          clauseId: item.clauseId,
          kind: item.kind,
          amendmentIds: item.amendmentIds,
          title: poll.title,
          majority: poll.majority,
          rollSize: poll.rollSize,
          ballotCount: ballotsCast,
          result: poll.status === "closed" ? (poll.result as PollResult) : null,
          status: poll.status,
        }),
      ),
  }));
}
