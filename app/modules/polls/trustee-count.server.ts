/**
 * The close of a poll held by named trustees (decisions 045-047): each trustee's shuffle (ranked
 * polls) and partial decryption, checked and kept as it arrives; with the last one needed the
 * result is computed, then counted by the same rules as any poll (by its owner, for an owned poll),
 * and the poll is closed.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { parseResult, parseSizedEncryptedTally, parseTrusteePublicKey } from "~/modules/belenios/serialize";
import type { Db, DbOrTx } from "~/utils/db.server";
import { describeFailure } from "~/utils/errors";
import { isUuid } from "~/utils/ids";
import { pollElections, polls, pollTrustees, type PollOwner } from "../../../db/schema";
import type { PollResult } from "./ballot-rules";
import { electionOf, outcomeOf } from "./encrypted/poll-elections.server";
import { checkPartialDecryptionInPool, checkShuffleInPool, combineSharesInPool } from "./encrypted/ballot-pool.server";
import { lastShuffleText, taskOf, trusteeProgressOf, type ShareProblem, type TrusteeProgress, type TrusteeTask } from "./encrypted/poll-trustees.server";
import type { ShareBasis } from "./encrypted/share-checks";
import { AUTOMATIC_CLOSE } from "./closer.server";
import { countDecrypted } from "./decrypted-count";
import { loadRules } from "./poll-rules.server";

export type ShareKind = "shuffle" | "decryption";

export type ShareResult = { ok: true; counted: boolean; owner?: PollOwner } | { ok: false; code: ShareProblem };

/** Where the trustees are, for the checks in the worker threads: the published tally and the last shuffle. */
function basisOf(progress: TrusteeProgress): ShareBasis {
  return { encryptedTally: progress.encryptedTally, lastShuffle: lastShuffleText(progress) };
}

/** The poll, and this trustee's place in its progress, read as it stands; or why there is nothing to take. */
async function shareContext(db: DbOrTx, actor: { id: string }, pollId: string, lock: boolean) {
  const query = db.select().from(polls).where(eq(polls.id, pollId));
  const [poll] = lock ? await query.for("update") : await query;
  if (!poll) return { ok: false, code: "not_found" } as const;
  // The election and its trustees; its list of public credentials is not needed here.
  const pollElection = await electionOf(db, pollId, { credentials: false });
  const progress = pollElection && poll.status === "decrypting" ? await trusteeProgressOf(db, pollId, pollElection.election) : null;
  const trustee = progress?.trustees.find((t) => t.userId === actor.id);
  if (progress && !trustee) return { ok: false, code: "not_trustee" } as const;
  if (!pollElection || !progress || !trustee) return { ok: false, code: "not_decrypting" } as const;
  return { ok: true, poll, pollElection, progress, trustee, task: taskOf(poll, trustee, progress.trustees, progress) } as const;
}

/**
 * A trustee sends their shuffle or partial decryption. Refused unless it is their turn and its
 * proofs hold; nothing is kept from a refused share. Its proofs are checked in a worker thread and
 * outside any transaction (a shuffle of 10,000 rankings takes minutes to check); then, in one
 * transaction, the share is kept only if nothing changed meanwhile. With the last partial
 * decryption needed the result is decrypted (finishDecryption) and, for a free-standing poll,
 * counted and published (`counted: true`).
 */
export async function submitTrusteeShare(
  db: Db,
  actor: Actor & { id: string },
  pollId: string,
  kind: ShareKind,
  text: string,
  /** For a shuffle: how many shuffles there were when the trustee began (another may have landed since). */
  shuffledBefore?: number,
): Promise<ShareResult> {
  if (!isUuid(pollId)) return { ok: false, code: "not_found" };
  const before = await shareContext(db, actor, pollId, false);
  if (!before.ok) return before;
  const refused = refusal(before.task, kind);
  if (refused) return { ok: false, code: refused };
  // With a threshold, trustees shuffle in any order: one who began before another's shuffle
  // landed has shuffled what is no longer the last list, and must begin again from the new one.
  if (kind === "shuffle" && shuffledBefore !== undefined && shuffledBefore !== before.progress.shuffles.length) return { ok: false, code: "overtaken" };
  const { election } = before.pollElection;
  const basis = basisOf(before.progress);
  const checked =
    kind === "shuffle"
      ? await checkShuffleInPool(election, basis, text)
      : await checkPartialDecryptionInPool(election, basis, parseTrusteePublicKey(before.trustee.publicKey ?? "").publicKey, text);
  if (!checked.ok) return checked;

  const kept = await db.transaction(async (tx) => {
    // Shares of one poll are kept one at a time, each against the state it was checked on.
    const now = await shareContext(tx, actor, pollId, true);
    if (!now.ok) return now;
    const refusedNow = refusal(now.task, kind);
    if (refusedNow) return { ok: false, code: refusedNow } as const;
    if (now.progress.shuffles.length !== before.progress.shuffles.length) return { ok: false, code: "overtaken" } as const;
    const { position } = now.trustee;
    if (kind === "shuffle") {
      await tx
        .update(pollElections)
        .set({ shuffles: [...now.progress.shuffles, { owner: position, shuffle: checked.canonical }] })
        .where(eq(pollElections.pollId, pollId));
      await appendAudit(tx, { actor, action: "poll.trustee_shuffled", subjectType: "poll", subjectId: pollId, details: { trustee: position } });
      return { ok: true, enough: false } as const;
    }
    const partialDecryptions = [...now.progress.partialDecryptions, { owner: position, pd: checked.canonical }];
    await tx.update(pollElections).set({ partialDecryptions }).where(eq(pollElections.pollId, pollId));
    await appendAudit(tx, { actor, action: "poll.trustee_decrypted", subjectType: "poll", subjectId: pollId, details: { trustee: position } });
    return { ok: true, enough: partialDecryptions.length >= now.progress.needed } as const;
  });
  if (!kept.ok) return kept;
  if (!kept.enough) return { ok: true, counted: false };
  const finished = await finishDecryption(db, actor, pollId);
  return { ok: true, counted: finished.counted, ...(finished.owner ? { owner: finished.owner } : {}) };
}

/** Why this trustee cannot send this kind of share now, if they cannot. */
function refusal(task: TrusteeTask, kind: ShareKind): ShareProblem | null {
  if (task.kind === "done") return "already_done";
  if (task.kind !== (kind === "shuffle" ? "shuffle" : "decrypt")) return "not_your_turn";
  return null;
}

/**
 * Once enough trustees have decrypted: combines their shares into the result, in a worker thread
 * (every share is checked again), keeps it, and counts a free-standing poll. An owned poll is
 * counted by its owner, in its own order (decision 027: an election's offices before its
 * committee), which is called after (decision 047). Safe to call again: the poll closer does, for
 * a poll left with its shares but no result (a server stopped in between).
 */
export async function finishDecryption(db: Db, actor: Actor, pollId: string): Promise<{ counted: boolean; owner: PollOwner | null }> {
  const [poll] = await db.select({ status: polls.status, owner: polls.owner }).from(polls).where(eq(polls.id, pollId));
  const pollElection = await electionOf(db, pollId, { credentials: false });
  const progress = poll?.status === "decrypting" && pollElection ? await trusteeProgressOf(db, pollId, pollElection.election) : null;
  if (!poll || !pollElection || !progress || progress.partialDecryptions.length < progress.needed) return { counted: false, owner: poll?.owner ?? null };
  const { totalWeight } = parseSizedEncryptedTally(progress.sizedTally);
  const result = await combineSharesInPool(pollElection.election, pollElection.trusteesRaw, basisOf(progress), progress.partialDecryptions, totalWeight);
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: polls.status }).from(polls).where(eq(polls.id, pollId)).for("update");
    if (locked?.status !== "decrypting") return { counted: false, owner: poll.owner };
    await tx.update(pollElections).set({ result }).where(eq(pollElections.pollId, pollId));
    if (poll.owner !== null) return { counted: false, owner: poll.owner };
    const counted = await countDecryptedPoll(tx, actor, pollId);
    if (!counted.ok) throw new Error(`decrypted poll not counted: ${counted.code}`);
    return { counted: true, owner: null };
  });
}

export type CountDecryptedResult = { ok: true; result: PollResult } | { ok: false; code: "not_found" | "not_decrypting" | "not_decrypted" };

/**
 * Counts a poll whose trustees have decrypted its result, by its rules as they stand now (an
 * office holder withdrawn from a committee ballot after voting closed is left out, as 11.8 says),
 * and closes it. For the poll's owner to call, in its own order; nothing to do for a poll still
 * waiting for its trustees (not_decrypted) or no longer waiting (not_decrypting).
 */
export async function countDecryptedPoll(tx: DbOrTx, actor: Actor, pollId: string): Promise<CountDecryptedResult> {
  const [poll] = await tx.select().from(polls).where(eq(polls.id, pollId)).for("update");
  if (!poll) return { ok: false, code: "not_found" };
  if (poll.status !== "decrypting") return { ok: false, code: "not_decrypting" };
  const [row] = await tx
    .select({ result: pollElections.result, shares: sql<number>`coalesce(jsonb_array_length(${pollElections.partialDecryptions}), 0)` })
    .from(pollElections)
    .where(eq(pollElections.pollId, pollId));
  const pollElection = await electionOf(tx, pollId, { credentials: false });
  if (!row?.result || !pollElection) return { ok: false, code: "not_decrypted" };
  const loaded = await loadRules(tx, pollId);
  if (!loaded) throw new Error("the poll's rules are gone");
  const result = countDecrypted(loaded.rules, outcomeOf(pollElection.election, parseResult(row.result)), poll.rollSize);
  await tx.update(polls).set({ status: "closed", result }).where(eq(polls.id, pollId));
  await appendAudit(tx, {
    actor,
    action: "poll.decrypted",
    subjectType: "poll",
    subjectId: pollId,
    details: { trustees: row.shares, outcome: result.kind === "yes-no" ? result.result.code : result.report.elected },
  });
  return { ok: true, result };
}

/**
 * For an owner settling its poll after closing it: true when the poll has its result (counted
 * now if its trustees have decrypted it); false while it waits for them (decision 048).
 */
export async function countIfDecrypted(tx: DbOrTx, actor: Actor, pollId: string): Promise<boolean> {
  const [poll] = await tx.select({ status: polls.status }).from(polls).where(eq(polls.id, pollId));
  if (poll?.status !== "decrypting") return true;
  return (await countDecryptedPoll(tx, actor, pollId)).ok;
}

/** The poll closer's sweep: polls with every share needed but no result yet (finishDecryption); how many it counted. */
export async function finishStalledDecryptions(db: Db): Promise<number> {
  const stalled = await db
    .select({ id: polls.id })
    .from(polls)
    .innerJoin(pollElections, eq(pollElections.pollId, polls.id))
    .where(
      and(
        eq(polls.status, "decrypting"),
        isNull(pollElections.result),
        sql`coalesce(jsonb_array_length(${pollElections.partialDecryptions}), 0) >= coalesce(${polls.trusteeThreshold}, (select count(*) from ${pollTrustees} t where t.poll_id = ${polls.id}))`,
      ),
    );
  let counted = 0;
  for (const { id } of stalled) {
    // One poll that fails (logged by kind only) does not hold up the others.
    try {
      if ((await finishDecryption(db, AUTOMATIC_CLOSE, id)).counted) counted += 1;
    } catch (error) {
      console.error(`finishing a decryption: ${describeFailure(error)}`);
    }
  }
  return counted;
}
