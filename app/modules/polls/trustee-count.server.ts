/**
 * The close of a poll held by named trustees (decision 045): each trustee's shuffle (ranked polls)
 * and partial decryption, checked and kept as it arrives; with the last decryption the result is
 * computed, counted by the same rules as any poll, and the poll is closed.
 */
import { eq } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { parsePartialDecryption, parseResult, parseSizedEncryptedTally, parseTrustees, serializeResult } from "~/modules/belenios/serialize";
import { computeResult } from "~/modules/belenios/tally";
import { synthesizeFactors } from "~/modules/belenios/trustees";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { pollElections, polls, type PollOwner } from "../../../db/schema";
import type { PollResult } from "./ballot-rules";
import { electionOf, outcomeOf } from "./encrypted/poll-elections.server";
import { checkedPartialDecryption, checkedShuffle, decryptableTally, taskOf, trusteeProgressOf, type ShareProblem } from "./encrypted/poll-trustees.server";
import { countDecrypted, loadRules } from "./polls.server";

export type ShareKind = "shuffle" | "decryption";

export type ShareResult = { ok: true; counted: boolean; owner?: PollOwner } | { ok: false; code: ShareProblem };

/**
 * A trustee sends their shuffle or partial decryption. Refused unless it is their turn and its
 * proofs hold; nothing is kept from a refused share. With the last partial decryption the poll's
 * result is decrypted, counted and published (`counted: true`).
 */
export async function submitTrusteeShare(
  db: DbOrTx,
  actor: Actor & { id: string },
  pollId: string,
  kind: ShareKind,
  text: string,
  /** For a shuffle: how many shuffles there were when the trustee began (another may have landed since). */
  shuffledBefore?: number,
): Promise<ShareResult> {
  if (!isUuid(pollId)) return { ok: false, code: "not_found" };
  return db.transaction(async (tx) => {
    // Shares of one poll are taken one at a time: each is checked against the ones before it.
    const [poll] = await tx.select().from(polls).where(eq(polls.id, pollId)).for("update");
    if (!poll) return { ok: false, code: "not_found" } as const;
    // The election and its trustees; its list of public credentials is not needed here.
    const pollElection = await electionOf(tx, pollId, { credentials: false });
    const progress = pollElection && poll.status === "decrypting" ? await trusteeProgressOf(tx, pollId, pollElection.election) : null;
    const trustee = progress?.trustees.find((t) => t.userId === actor.id);
    if (progress && !trustee) return { ok: false, code: "not_trustee" } as const;
    if (!pollElection || !progress || !trustee) return { ok: false, code: "not_decrypting" } as const;
    const task = taskOf(poll, trustee, progress.trustees, progress);
    if (task.kind === "done") return { ok: false, code: "already_done" } as const;
    if (task.kind !== (kind === "shuffle" ? "shuffle" : "decrypt")) return { ok: false, code: "not_your_turn" } as const;

    if (kind === "shuffle") {
      // With a threshold, trustees shuffle in any order: one who began before another's shuffle
      // landed has shuffled what is no longer the last list, and must begin again from the new one.
      if (shuffledBefore !== undefined && shuffledBefore !== progress.shuffles.length) return { ok: false, code: "overtaken" } as const;
      const checked = checkedShuffle(progress, text);
      if (!checked.ok) return checked;
      const shuffles = [...progress.shuffles, { owner: trustee.position, shuffle: checked.canonical }];
      await tx.update(pollElections).set({ shuffles }).where(eq(pollElections.pollId, pollId));
      await appendAudit(tx, { actor, action: "poll.trustee_shuffled", subjectType: "poll", subjectId: pollId, details: { trustee: trustee.position } });
      return { ok: true, counted: false } as const;
    }

    const checked = checkedPartialDecryption(progress, trustee.position, text);
    if (!checked.ok) return checked;
    const partialDecryptions = [...progress.partialDecryptions, { owner: trustee.position, pd: checked.canonical }];
    await tx.update(pollElections).set({ partialDecryptions }).where(eq(pollElections.pollId, pollId));
    await appendAudit(tx, { actor, action: "poll.trustee_decrypted", subjectType: "poll", subjectId: pollId, details: { trustee: trustee.position } });
    if (partialDecryptions.length < progress.needed) return { ok: true, counted: false } as const;

    // Enough trustees have decrypted (all, or k of them): combine their factors into the result.
    const { election } = pollElection;
    const tally = decryptableTally(progress);
    const factors = synthesizeFactors(
      election,
      parseTrustees(pollElection.trusteesRaw),
      tally,
      partialDecryptions.map((p) => ({ owner: p.owner, pd: parsePartialDecryption(p.pd) })),
    );
    const { totalWeight } = parseSizedEncryptedTally(progress.sizedTally);
    await tx.update(pollElections).set({ result: serializeResult(computeResult(election, tally, factors, totalWeight)) }).where(eq(pollElections.pollId, pollId));
    // A free-standing poll is counted now. An owned poll is counted by its owner, in its own order
    // (decision 027: an election's offices before its committee), which it does once it is called.
    if (poll.owner !== null) return { ok: true, counted: false, owner: poll.owner } as const;
    const counted = await countDecryptedPoll(tx, actor, pollId);
    if (!counted.ok) throw new Error(`decrypted poll not counted: ${counted.code}`);
    return { ok: true, counted: true } as const;
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
  const [row] = await tx.select({ result: pollElections.result }).from(pollElections).where(eq(pollElections.pollId, pollId));
  const pollElection = await electionOf(tx, pollId, { credentials: false });
  if (!row?.result || !pollElection) return { ok: false, code: "not_decrypted" };
  const loaded = await loadRules(tx, pollId);
  if (!loaded) throw new Error("the poll's rules are gone");
  const result = countDecrypted(loaded.rules, outcomeOf(pollElection.election, parseResult(row.result)), poll.rollSize);
  await tx.update(polls).set({ status: "closed", result }).where(eq(polls.id, pollId));
  const partials = await tx.select({ pds: pollElections.partialDecryptions }).from(pollElections).where(eq(pollElections.pollId, pollId));
  await appendAudit(tx, {
    actor,
    action: "poll.decrypted",
    subjectType: "poll",
    subjectId: pollId,
    details: { trustees: partials[0]?.pds?.length ?? 0, outcome: result.kind === "yes-no" ? result.result.code : result.report.elected },
  });
  return { ok: true, result };
}
