import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { deadlineExtendedMail } from "~/modules/mail/templates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { toLondonLocal } from "~/utils/london-time";
import { staleSave, type Shown, type StaleSave } from "~/utils/stale-edit";
import { textLimitProblem, type TextProblem } from "~/utils/text-limits";
import { auditLog, demands, movement, pledges, type DemandResponse } from "../../../db/schema";

export type ManageResult =
  | { ok: true }
  | { ok: false; code: "not_found" | "after_deadline" | "before_deadline" | "no_movement" | "deadline_pledged" }
  | StaleSave;

/** The campaign settings as their form shows them: what its version is a fingerprint of. */
export function settingsShown(m: { name: string; partyName: string; statement: string; deadline: Date } | null): Shown {
  return { name: m?.name ?? "", partyName: m?.partyName ?? "", statement: m?.statement ?? "", deadline: m ? toLondonLocal(m.deadline) : "" };
}

/** A demand as its form shows it. */
export function demandShown(d: { title: string; body: string }): Shown {
  return { title: d.title, body: d.body };
}

async function lockMovement(tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) {
  const [m] = await tx.select().from(movement).where(eq(movement.id, 1)).for("update");
  return m ?? null;
}

async function confirmedPledgeCount(tx: DbOrTx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(pledges)
    .where(and(isNotNull(pledges.confirmedAt), isNull(pledges.withdrawnAt), isNull(pledges.erasedAt)));
  return row?.n ?? 0;
}

/**
 * Name, party, statement and deadline: editable until the deadline, every change audited. The
 * deadline to another future date only while nobody has pledged against it (then: extendDeadline);
 * to now or earlier, ending the campaign, at any time before it.
 */
export async function saveSettings(
  db: Db,
  actor: Actor,
  input: { name: string; partyName: string; statement: string; deadline: Date },
  /** The form's version (optimistic concurrency): a save from a stale page is refused, nothing written. */
  version?: string,
): Promise<ManageResult> {
  return db.transaction(async (tx) => {
    const m = await lockMovement(tx);
    if (m && (m.phase !== "campaign" || m.deadline.getTime() <= Date.now())) return { ok: false, code: "after_deadline" } as const;
    const stale = staleSave(version, settingsShown(m));
    if (stale) return stale;
    // Once someone has pledged against the deadline, it is not quietly moved to another future
    // date here: later goes by the recorded extension (a reason, every pledger told:
    // extendDeadline). Ending the campaign now (the deadline set to now or earlier, when the
    // party answers early) stays possible: that is visible to all at once. Compared to the
    // minute, as the form shows it.
    const deadlineMoved = m !== null && toLondonLocal(m.deadline) !== toLondonLocal(input.deadline);
    if (deadlineMoved && input.deadline.getTime() > Date.now() && (await confirmedPledgeCount(tx)) > 0) return { ok: false, code: "deadline_pledged" } as const;
    if (!m) {
      await tx.insert(movement).values({ ...input, id: 1 });
    } else {
      await tx
        .update(movement)
        .set({ ...input, deadline: deadlineMoved ? input.deadline : m.deadline, updatedAt: new Date() })
        .where(eq(movement.id, 1));
    }
    await appendAudit(tx, {
      actor,
      action: "campaign.settings_changed",
      subjectType: "movement",
      subjectId: "1",
      details: {
        ...input,
        deadline: input.deadline.toISOString(),
        previous: m ? { name: m.name, partyName: m.partyName, deadline: m.deadline.toISOString() } : null,
      },
    });
    return { ok: true } as const;
  });
}

async function editableDemands(tx: Parameters<Parameters<Db["transaction"]>[0]>[0]): Promise<ManageResult | null> {
  const m = await lockMovement(tx);
  if (!m) return { ok: false, code: "no_movement" };
  if (m.phase !== "campaign" || m.deadline.getTime() <= Date.now()) return { ok: false, code: "after_deadline" };
  return null;
}

export async function addDemand(db: Db, actor: Actor, input: { title: string; body: string }): Promise<ManageResult> {
  return db.transaction(async (tx) => {
    const refused = await editableDemands(tx);
    if (refused) return refused;
    const [last] = await tx.select({ p: sql<number>`coalesce(max(${demands.position}), 0)::int` }).from(demands);
    const [row] = await tx
      .insert(demands)
      .values({ ...input, position: (last?.p ?? 0) + 1 })
      .returning({ id: demands.id });
    await appendAudit(tx, { actor, action: "campaign.demand_added", subjectType: "demand", subjectId: String(row?.id), details: input });
    return { ok: true } as const;
  });
}

export async function editDemand(db: Db, actor: Actor, id: number, input: { title: string; body: string }, version?: string): Promise<ManageResult> {
  return db.transaction(async (tx) => {
    const refused = await editableDemands(tx);
    if (refused) return refused;
    // Demands are edited under the movement's lock (editableDemands), so the check and the write are one step.
    const [before] = await tx.select().from(demands).where(eq(demands.id, id));
    if (!before) return { ok: false, code: "not_found" } as const;
    const stale = staleSave(version, demandShown(before));
    if (stale) return stale;
    await tx.update(demands).set(input).where(eq(demands.id, id));
    await appendAudit(tx, {
      actor,
      action: "campaign.demand_changed",
      subjectType: "demand",
      subjectId: String(id),
      details: { ...input, previous: { title: before.title, body: before.body } },
    });
    return { ok: true } as const;
  });
}

export async function removeDemand(db: Db, actor: Actor, id: number): Promise<ManageResult> {
  return db.transaction(async (tx) => {
    const refused = await editableDemands(tx);
    if (refused) return refused;
    const [gone] = await tx.delete(demands).where(eq(demands.id, id)).returning();
    if (!gone) return { ok: false, code: "not_found" } as const;
    await renumber(tx);
    await appendAudit(tx, { actor, action: "campaign.demand_removed", subjectType: "demand", subjectId: String(id), details: { title: gone.title } });
    return { ok: true } as const;
  });
}

/** Moves a demand one place up or down the list. */
export async function moveDemand(db: Db, actor: Actor, id: number, direction: "up" | "down"): Promise<ManageResult> {
  return db.transaction(async (tx) => {
    const refused = await editableDemands(tx);
    if (refused) return refused;
    const list = await tx.select().from(demands).orderBy(asc(demands.position));
    const i = list.findIndex((d) => d.id === id);
    if (i < 0) return { ok: false, code: "not_found" } as const;
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= list.length) return { ok: true } as const;
    [list[i], list[j]] = [list[j]!, list[i]!];
    for (const [k, d] of list.entries())
      await tx
        .update(demands)
        .set({ position: k + 1 })
        .where(eq(demands.id, d.id));
    await appendAudit(tx, { actor, action: "campaign.demand_moved", subjectType: "demand", subjectId: String(id), details: { direction } });
    return { ok: true } as const;
  });
}

async function renumber(tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) {
  const list = await tx.select({ id: demands.id }).from(demands).orderBy(asc(demands.position));
  for (const [k, d] of list.entries())
    await tx
      .update(demands)
      .set({ position: k + 1 })
      .where(eq(demands.id, d.id));
}

/** The party's response to one demand: recorded at or after the deadline, published at once. */
export async function recordResponse(
  db: Db,
  actor: Actor,
  id: number,
  input: { response: DemandResponse; note: string; evidenceUrl: string | null },
): Promise<ManageResult> {
  return db.transaction(async (tx) => {
    const m = await lockMovement(tx);
    if (!m) return { ok: false, code: "no_movement" } as const;
    if (m.deadline.getTime() > Date.now()) return { ok: false, code: "before_deadline" } as const;
    const [row] = await tx
      .update(demands)
      .set({ response: input.response, responseNote: input.note, responseEvidenceUrl: input.evidenceUrl, respondedAt: new Date() })
      .where(eq(demands.id, id))
      .returning({ id: demands.id });
    if (!row) return { ok: false, code: "not_found" } as const;
    await appendAudit(tx, { actor, action: "campaign.response_recorded", subjectType: "demand", subjectId: String(id), details: input });
    return { ok: true } as const;
  });
}

export type ExtendDeadlineResult =
  | { ok: true; emailed: number }
  | { ok: false; code: "no_movement" | "decision_opened" | "not_later" | "reason_missing" | `reason:${TextProblem}` };

/**
 * Moves the campaign's deadline later, with a reason (decision 028): also after it has passed, as
 * long as the members' decision ballot has not opened (until then nobody has been asked to decide,
 * and the pledges still stand; once it is open, its roll and question are fixed, and the way back
 * is to cancel that ballot). Audited, shown on the campaign page, and every confirmed pledger is
 * told by email through the outbox.
 */
export async function extendDeadline(db: Db, actor: Actor, input: { deadline: Date; reason: string; appUrl: string }): Promise<ExtendDeadlineResult> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, code: "reason_missing" };
  const tooLong = textLimitProblem(reason, MAX_CORRECTION_REASON_LENGTH);
  if (tooLong) return { ok: false, code: `reason:${tooLong}` };
  return db.transaction(async (tx) => {
    const m = await lockMovement(tx);
    if (!m) return { ok: false, code: "no_movement" } as const;
    if (m.phase !== "campaign" || m.decisionPollId) return { ok: false, code: "decision_opened" } as const;
    if (input.deadline.getTime() <= Math.max(m.deadline.getTime(), Date.now())) return { ok: false, code: "not_later" } as const;
    await tx.update(movement).set({ deadline: input.deadline, updatedAt: new Date() }).where(eq(movement.id, 1));
    const pledgers = await tx
      .select({ email: pledges.email })
      .from(pledges)
      .where(and(isNotNull(pledges.confirmedAt), isNull(pledges.withdrawnAt), isNull(pledges.erasedAt)));
    for (const p of pledgers) {
      const mail = deadlineExtendedMail({
        movementName: m.name,
        partyName: m.partyName,
        from: m.deadline,
        to: input.deadline,
        reason,
        campaignLink: `${input.appUrl}/campaign`,
      });
      await queueMail(tx, { to: p.email, subject: mail.subject, text: mail.text, kind: "deadline-extended" });
    }
    await appendAudit(tx, {
      actor,
      action: "campaign.deadline_extended",
      subjectType: "movement",
      subjectId: "1",
      details: { from: m.deadline.toISOString(), to: input.deadline.toISOString(), reason, pledgersEmailed: pledgers.length },
    });
    return { ok: true, emailed: pledgers.length } as const;
  });
}

/** The deadline's extensions, newest first, for the campaign page. */
export async function deadlineExtensions(db: DbOrTx): Promise<{ from: string; to: string; reason: string }[]> {
  const rows = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.action, "campaign.deadline_extended"))
    .orderBy(desc(auditLog.id));
  return rows.map((r) => ({ from: String(r.details.from ?? ""), to: String(r.details.to ?? ""), reason: String(r.details.reason ?? "") }));
}
