import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { decisionInvitationMail } from "~/modules/mail/templates";
import { closePoll } from "~/modules/polls/closing.server";
import { createPoll, openPoll } from "~/modules/polls/creation.server";
import { verifyPoll } from "~/modules/polls/verification.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { holdWithScopeTrustees, scopeKeysReady } from "~/modules/polls/encrypted/scope-trustees.server";
import { countIfDecrypted } from "~/modules/polls/trustee-count.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { movement, pledges, polls, users, type Phase } from "../../../db/schema";
import { decisionOptions } from "./decision-wording";
import { DECISION_METHOD } from "./decision-trustees.server";

/** Which phase each option of the decision ballot leads to, by its position on the ballot. */
const outcomeByPosition: DecidedPhase[] = ["stayed", "joined_other", "founding"];

/** The phases the members' decision leads to. */
export type DecidedPhase = Exclude<Phase, "campaign" | "decision">;

export type OpenDecisionResult =
  | { ok: true; pollId: string; rollSize: number }
  | { ok: false; code: "no_movement" | "decision_before_deadline" | "not_campaign" | "no_pledgers" | "closes_in_past" | "trustee_keys_missing" };

/**
 * At the deadline: every confirmed pledger gets an account (if they have none), the roll is
 * frozen, the ranked decision ballot opens, and each pledger is invited by email. One transaction.
 */
export async function openDecisionBallot(db: Db, actor: Actor, input: { closesAt: Date; appUrl: string }): Promise<OpenDecisionResult> {
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(movement).where(eq(movement.id, 1)).for("update");
    if (!m) return { ok: false, code: "no_movement" } as const;
    if (m.phase !== "campaign") return { ok: false, code: "not_campaign" } as const;
    if (m.deadline.getTime() > Date.now()) return { ok: false, code: "decision_before_deadline" } as const;
    const pledgers = await tx
      .select({ id: pledges.id, email: pledges.email, name: pledges.name, userId: pledges.userId })
      .from(pledges)
      .where(and(isNotNull(pledges.confirmedAt), isNull(pledges.withdrawnAt), isNull(pledges.erasedAt)));
    if (pledgers.length === 0) return { ok: false, code: "no_pledgers" } as const;
    // Trustees named for the decision hold its key (decision 048): it does not open before every key is in.
    if (!(await scopeKeysReady(tx, "decision"))) return { ok: false, code: "trustee_keys_missing" } as const;
    const roll = await ensureAccounts(tx, pledgers);
    const created = await createPoll(tx, actor, {
      title: `What next? The members' decision on ${m.partyName}`,
      description: "The deadline has passed. Rank the options: the one preferred by a majority of those voting decides what we do.",
      method: DECISION_METHOD,
      owner: "decision",
      options: decisionOptions.map((label) => ({ label })),
      publication: "separate-lists",
      closesAt: input.closesAt,
    });
    if (!created.ok) throw new Error(`decision poll refused: ${created.code}`);
    const held = await holdWithScopeTrustees(tx, "decision", created.pollId);
    if (held === "keys_missing") throw new Error("decision trustees' keys went missing");
    const opened = await openPoll(
      tx,
      actor,
      created.pollId,
      roll.map((r) => r.userId),
    );
    if (!opened.ok) throw new Error(`decision poll not opened: ${opened.code}`);
    await tx.update(movement).set({ phase: "decision", decisionPollId: created.pollId, updatedAt: new Date() }).where(eq(movement.id, 1));
    for (const person of roll) {
      const mail = decisionInvitationMail({
        name: person.name,
        movementName: m.name,
        partyName: m.partyName,
        pollLink: `${input.appUrl}/polls/${created.pollId}`,
        signInLink: `${input.appUrl}/login?redirectTo=${encodeURIComponent(`/polls/${created.pollId}`)}`,
        email: person.email,
        closesAt: input.closesAt,
      });
      await queueMail(tx, { to: person.email, subject: mail.subject, text: mail.text, kind: "decision-invitation" });
    }
    await appendAudit(tx, {
      actor,
      action: "campaign.decision_opened",
      subjectType: "poll",
      subjectId: created.pollId,
      details: { rollSize: opened.rollSize, closesAt: input.closesAt.toISOString() },
    });
    return { ok: true, pollId: created.pollId, rollSize: opened.rollSize } as const;
  });
}

/** Creates member accounts for pledgers who have none, and links them to their pledges. */
async function ensureAccounts(tx: DbOrTx, pledgers: { id: string; email: string; name: string; userId: string | null }[]) {
  const missing = pledgers.filter((p) => !p.userId);
  for (let i = 0; i < missing.length; i += 1000) {
    const batch = missing.slice(i, i + 1000);
    await tx
      .insert(users)
      .values(batch.map((p) => ({ email: p.email, displayName: p.name, role: "member" as const })))
      .onConflictDoNothing({ target: users.email });
    const accounts = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        inArray(
          users.email,
          batch.map((p) => p.email),
        ),
      );
    const byEmail = new Map(accounts.map((a) => [a.email, a.id]));
    for (const p of batch) {
      const userId = byEmail.get(p.email);
      if (userId) {
        p.userId = userId;
        await tx.update(pledges).set({ userId }).where(eq(pledges.id, p.id));
      }
    }
  }
  return pledgers.flatMap((p) => (p.userId ? [{ userId: p.userId, email: p.email, name: p.name }] : []));
}

export type SettleResult =
  | { ok: true; phase: DecidedPhase }
  | { ok: false; code: "no_decision" | "not_closed" | "decrypting" | "no_winner" | "verification_failed" };

/**
 * Once the decision ballot's closing time has passed: closes and counts it (if the poll closer
 * has not already called this), checks the count against the ballots, and moves the movement to
 * the phase the members chose. One transaction.
 */
export async function settleDecision(db: Db, actor: Actor): Promise<SettleResult> {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(movement).where(eq(movement.id, 1)).for("update");
    if (!m?.decisionPollId || m.phase !== "decision") return { ok: false, code: "no_decision" } as const;
    const [due] = await tx.select().from(polls).where(eq(polls.id, m.decisionPollId));
    if (due?.status === "open" && due.closesAt.getTime() <= Date.now()) await closePoll(tx, actor, due.id);
    // Held by trustees (decision 048): closed to voting, it is counted once they have decrypted it.
    if (!(await countIfDecrypted(tx, actor, m.decisionPollId))) return { ok: false, code: "decrypting" } as const;
    const [poll] = await tx.select().from(polls).where(eq(polls.id, m.decisionPollId));
    if (!poll || poll.status !== "closed") return { ok: false, code: "not_closed" } as const;
    // A result its own ballots do not reproduce decides nothing (decision 027).
    if (!(await verifyPoll(tx, poll.id)).ok) return { ok: false, code: "verification_failed" } as const;
    const result = poll.result as PollResult;
    const winner = result.kind === "ranked" ? result.report.elected[0] : undefined;
    const position = winner === undefined ? -1 : (decisionOptions as readonly string[]).indexOf(winner);
    const phase = outcomeByPosition[position];
    if (!phase) return { ok: false, code: "no_winner" } as const;
    await tx.update(movement).set({ phase, updatedAt: new Date() }).where(eq(movement.id, 1));
    await appendAudit(tx, { actor, action: "campaign.decision_settled", subjectType: "movement", subjectId: "1", details: { winner, phase } });
    return { ok: true, phase } as const;
  });
}
