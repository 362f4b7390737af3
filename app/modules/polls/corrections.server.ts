/**
 * Corrections to a poll on the record (decision 028): cancelling it before it closes, and
 * extending its closing time. Each is one transaction with its audit entry; a cancelled poll's
 * voters are told by email through the outbox.
 */
import { and, eq, isNull } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { pollCancelledMail } from "~/modules/mail/templates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { textLimitProblem } from "~/utils/text-limits";
import { ballots, movement, pollChains, pollRoll, polls, users } from "../../../db/schema";
import { cancelRefusal, checkExtension } from "./corrections";
import type { CorrectionProblem, CorrectionResult } from "./corrections";

/** A correction's reason: given, and within the limits of official reasons. */
export function correctionReasonProblem(reason: string): CorrectionProblem | null {
  if (!reason.trim()) return "reason_missing";
  const problem = textLimitProblem(reason.trim(), MAX_CORRECTION_REASON_LENGTH);
  return problem ? `reason:${problem}` : null;
}

/**
 * Cancels a draft or open poll: it takes no more ballots and is never counted. Ballots already
 * cast are discarded unread (their number goes in the audit entry): a cancelled poll publishes
 * nothing, so keeping them would only keep what could pair a voter with a ballot. Taking the
 * poll's row for update waits for ballots being written (each holds a key-share lock on it);
 * ballots sent afterwards find the poll not open and are refused. The decision ballot and the
 * standing orders vote can then be opened again: the movement stops pointing at them.
 */
export async function cancelPoll(db: Db, actor: Actor, input: { pollId: string; reason: string; appUrl: string }): Promise<CorrectionResult> {
  const reasonRefused = correctionReasonProblem(input.reason);
  if (reasonRefused) return { ok: false, code: reasonRefused };
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const [poll] = await tx.select().from(polls).where(eq(polls.id, input.pollId)).for("update");
    if (!poll) return { ok: false, code: "not_found" } as const;
    if (poll.status !== "open" && poll.status !== "draft") return { ok: false, code: "not_open" } as const;
    const refusal = cancelRefusal(poll.owner);
    if (refusal) return { ok: false, code: refusal } as const;
    const discarded = await tx.delete(ballots).where(eq(ballots.pollId, poll.id)).returning({ receipt: ballots.receipt });
    await tx.delete(pollChains).where(eq(pollChains.pollId, poll.id));
    const cancelledAt = new Date();
    await tx.update(polls).set({ status: "cancelled", cancelledAt, cancelReason: reason }).where(eq(polls.id, poll.id));
    if (poll.owner === "decision") {
      await tx
        .update(movement)
        .set({ phase: "campaign", decisionPollId: null, updatedAt: cancelledAt })
        .where(and(eq(movement.id, 1), eq(movement.decisionPollId, poll.id)));
    }
    if (poll.owner === "standing_orders") {
      await tx
        .update(movement)
        .set({ standingOrdersPollId: null, updatedAt: cancelledAt })
        .where(and(eq(movement.id, 1), eq(movement.standingOrdersPollId, poll.id)));
    }
    const voters =
      poll.status === "open"
        ? await tx
            .select({ email: users.email })
            .from(pollRoll)
            .innerJoin(users, eq(users.id, pollRoll.userId))
            .where(and(eq(pollRoll.pollId, poll.id), isNull(users.erasedAt)))
        : [];
    const mail = pollCancelledMail({ title: poll.title, reason, link: `${input.appUrl}/polls/${poll.id}` });
    for (const v of voters) await queueMail(tx, { to: v.email, subject: mail.subject, text: mail.text, kind: "poll-cancelled" });
    await appendAudit(tx, {
      actor,
      action: "poll.cancelled",
      subjectType: "poll",
      subjectId: poll.id,
      details: {
        title: poll.title,
        owner: poll.owner,
        reason,
        wasOpen: poll.status === "open",
        ballotsDiscarded: discarded.length,
        voterEmails: voters.length,
      },
    });
    return { ok: true } as const;
  });
}

/**
 * Moves a draft or open poll's closing time later, with a reason (standing orders 5.7). Whether
 * the standing orders bind yet is the constitution's to say: the caller passes its check, which
 * is asked inside the transaction that moves the time.
 */
export async function extendPollClosing(
  db: Db,
  actor: Actor,
  input: { pollId: string; closesAt: Date; reason: string },
  standingOrdersAdopted: (tx: DbOrTx) => Promise<boolean>,
): Promise<CorrectionResult> {
  const reasonRefused = correctionReasonProblem(input.reason);
  if (reasonRefused) return { ok: false, code: reasonRefused };
  const reason = input.reason.trim();
  const rules = await standingOrderRules();
  return db.transaction(async (tx) => {
    const [poll] = await tx.select().from(polls).where(eq(polls.id, input.pollId)).for("update");
    if (!poll) return { ok: false, code: "not_found" } as const;
    if (poll.status !== "open" && poll.status !== "draft") return { ok: false, code: "not_open" } as const;
    const check = checkExtension(poll, input.closesAt, { now: new Date(), rules, standingOrdersAdopted: await standingOrdersAdopted(tx) });
    if (!check.ok) return check;
    await tx.update(polls).set({ closesAt: input.closesAt }).where(eq(polls.id, poll.id));
    await appendAudit(tx, {
      actor,
      action: "poll.closing_extended",
      subjectType: "poll",
      subjectId: poll.id,
      details: { title: poll.title, from: poll.closesAt.toISOString(), to: input.closesAt.toISOString(), reason },
    });
    return { ok: true } as const;
  });
}
