/**
 * Setting up an officer election (standing orders section 11): the ready-made positions and the
 * organisers' own. Each command is one transaction with its audit entry.
 */
import { eq, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { standingOrdersAdopted } from "~/modules/constitution/round.server";
import { checkPeriod } from "~/modules/content/standing-order-periods";
import type { Db } from "~/utils/db.server";
import { elections, positions } from "../../../db/schema";
import { committeeTitle } from "./messages";
import { electionTextProblem } from "./text-fields";
import { currentElection, lockedElection, type ElectionResult } from "./current-election.server";

export interface NewElection {
  title: string;
  nominationsOpenAt: Date;
  nominationsCloseAt: Date;
  campaignsOfficer: boolean;
  committeeSeats: number;
}

/**
 * Starts an election with the ready-made positions: the three offices the Electoral Commission
 * registers (11.1), optionally a campaigns officer, and the interim committee, counted last.
 */
export async function createElection(db: Db, actor: Actor, input: NewElection): Promise<ElectionResult<{ electionId: string }>> {
  const titleLimit = electionTextProblem("electionTitle", input.title.trim());
  if (titleLimit) return { ok: false, code: titleLimit };
  if (!input.title.trim()) return { ok: false, code: "title_missing" };
  if (!(input.nominationsCloseAt.getTime() > input.nominationsOpenAt.getTime())) return { ok: false, code: "period_invalid" };
  if (!Number.isInteger(input.committeeSeats) || input.committeeSeats < 0 || input.committeeSeats > 50) return { ok: false, code: "seats_invalid" };
  const rules = await standingOrderRules();
  const secondersRequired = rules.secondersRequired;
  return db.transaction(async (tx) => {
    const existing = await currentElection(tx);
    if (existing && existing.phase !== "counted") return { ok: false, code: "election_exists" } as const;
    const period = checkPeriod(rules, "nominations", {
      opensAt: input.nominationsOpenAt,
      closesAt: input.nominationsCloseAt,
      adopted: await standingOrdersAdopted(tx),
    });
    if (!period.ok) return { ok: false, code: period.code, detail: period.earliest.toISOString() } as const;
    const [election] = await tx
      .insert(elections)
      .values({ title: input.title.trim(), nominationsOpenAt: input.nominationsOpenAt, nominationsCloseAt: input.nominationsCloseAt })
      .returning({ id: elections.id });
    if (!election) throw new Error("election not stored");
    const ready = [
      { title: "Leader", registeredRole: "leader" },
      { title: "Nominating officer", registeredRole: "nominating-officer" },
      { title: "Treasurer", registeredRole: "treasurer" },
      ...(input.campaignsOfficer ? [{ title: "Campaigns officer", registeredRole: "campaigns-officer" }] : []),
    ];
    const rows: (typeof positions.$inferInsert)[] = ready.map((p, i) => ({
      electionId: election.id,
      title: p.title,
      registeredRole: p.registeredRole,
      seats: 1,
      method: "irv",
      secondersRequired,
      eligibility: "Founding members. Nobody may stand for more than one of the registered offices (standing orders 11.3, 11.8).",
      sortOrder: (i + 1) * 10,
    }));
    if (input.committeeSeats > 0) {
      rows.push({
        electionId: election.id,
        title: committeeTitle(input.committeeSeats),
        registeredRole: null,
        seats: input.committeeSeats,
        method: input.committeeSeats === 1 ? "irv" : rules.severalSeatsMethod,
        secondersRequired,
        eligibility: "Founding members, including candidates for an office; anyone elected to an office is left out of this count (11.8).",
        countedAfterOffices: true,
        sortOrder: 100,
      });
    }
    await tx.insert(positions).values(rows);
    await appendAudit(tx, {
      actor,
      action: "election.created",
      subjectType: "election",
      subjectId: election.id,
      details: { title: input.title.trim(), positions: rows.map((r) => r.title), nominationsCloseAt: input.nominationsCloseAt.toISOString() },
    });
    return { ok: true, electionId: election.id } as const;
  });
}

/** Adds a position of the organisers' own (a chair, a secretary, another committee). */
export async function addPosition(
  db: Db,
  actor: Actor,
  input: { title: string; seats: number; secondersRequired: number; eligibility: string },
): Promise<ElectionResult<{ positionId: string }>> {
  const textLimit = electionTextProblem("positionTitle", input.title.trim()) ?? electionTextProblem("eligibility", input.eligibility.trim());
  const rules = await standingOrderRules();
  if (textLimit) return { ok: false, code: textLimit };
  if (!input.title.trim()) return { ok: false, code: "title_missing" };
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > 50) return { ok: false, code: "seats_invalid" };
  if (!Number.isInteger(input.secondersRequired) || input.secondersRequired < 0 || input.secondersRequired > 50) return { ok: false, code: "seats_invalid" };
  return db.transaction(async (tx) => {
    const election = await lockedElection(tx);
    if (!election) return { ok: false, code: "no_election" } as const;
    if (election.phase !== "nominations") return { ok: false, code: "wrong_phase" } as const;
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${positions.sortOrder}), 0)::int` })
      .from(positions)
      .where(eq(positions.electionId, election.id));
    const [row] = await tx
      .insert(positions)
      .values({
        electionId: election.id,
        title: input.title.trim(),
        seats: input.seats,
        method: input.seats === 1 ? "irv" : rules.severalSeatsMethod,
        secondersRequired: input.secondersRequired,
        eligibility: input.eligibility.trim(),
        countedAfterOffices: true,
        sortOrder: (last?.n ?? 0) + 10,
      })
      .returning({ id: positions.id });
    if (!row) throw new Error("position not stored");
    await appendAudit(tx, {
      actor,
      action: "election.position_added",
      subjectType: "position",
      subjectId: row.id,
      details: { title: input.title.trim(), seats: input.seats },
    });
    return { ok: true, positionId: row.id } as const;
  });
}
