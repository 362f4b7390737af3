/**
 * Elections without dead ends (standing orders 11.14, 11.15): the seats an election left vacant
 * (won by "Re-open nominations", too few or no valid nominations) get a new nomination period of
 * their own, and a declared result is corrected only by a recorded recount. Each command is one
 * transaction with its audit entry.
 */
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { canonicalJson } from "~/modules/audit/chain";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { checkBallotChain, type PollResult } from "~/modules/polls/ballot-rules";
import { countStoredBallots, verifyPoll } from "~/modules/polls/verification.server";
import { loadRules } from "~/modules/polls/poll-rules.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { MAX_POLL_TITLE_LENGTH } from "~/utils/input-limits";
import { ballots, elections, polls, positions, recounts } from "../../../db/schema";
import { electionChain, positionById, type Election, type ElectionResult, type Position } from "./current-election.server";
import { winnersOf } from "./count.server";
import { electionTextProblem } from "./text-fields";

type Elected = { userId: string | null; name: string };
export type Recount = typeof recounts.$inferSelect;

const DAY_MS = 24 * 3600_000;

/** How long nominations must stay open, in days (the standing orders' `nomination_days`). */
export async function nominationDays(): Promise<number> {
  return (await standingOrderRules()).nominationDays;
}

export interface VacantPosition {
  /** The position of the first election whose seats these are. */
  positionId: string;
  title: string;
  /** The seats (numbered from 1) nobody holds. */
  seats: number[];
  /** How many seats the position has. */
  total: number;
  /** The people holding its other seats. */
  filled: string[];
  /** Why the seats are empty, for the page. */
  why: "no_ballot" | "ron_or_too_few";
}

export interface Vacancies {
  /** Whether every ballot of the latest round is counted and declared: only then are vacancies final. */
  settled: boolean;
  /** The latest round (the current election). */
  latest: Election | null;
  positions: VacantPosition[];
  /** Every position of the first election, with the seats filled so far and those still empty. */
  all: VacantPosition[];
}

/**
 * The seats still empty across the first election and the rounds of re-opened nominations after
 * it. A seat is filled by a person declared elected to it; a seat a declared count left to
 * "Re-open nominations" or had too few candidates for, or a position with no ballot at all, is
 * vacant.
 */
export async function vacancies(db: DbOrTx): Promise<Vacancies> {
  const chain = await electionChain(db);
  const latest = chain[chain.length - 1] ?? null;
  if (!latest) return { settled: false, latest, positions: [], all: [] };
  const all = await db
    .select()
    .from(positions)
    .where(
      inArray(
        positions.electionId,
        chain.map((e) => e.id),
      ),
    )
    .orderBy(asc(positions.sortOrder));
  const inLatest = all.filter((p) => p.electionId === latest.id);
  const settled = latest.phase === "counted" && inLatest.every((p) => !p.pollId || p.declaredAt);
  const out: VacantPosition[] = [];
  for (const root of all.filter((p) => p.electionId === chain[0]?.id)) {
    const holders = new Map<number, string>();
    // Seats whose ballot is not yet declared: not known to be vacant.
    const pending = new Set<number>();
    let anyBallot = false;
    for (const p of [root, ...all.filter((x) => x.fillsPositionId === root.id)]) {
      if (p.pollId) anyBallot = true;
      const seatNumbers = p.fillsSeats ?? Array.from({ length: root.seats }, (_, i) => i + 1);
      if (p.pollId && !p.declaredAt) for (const seat of seatNumbers) pending.add(seat);
      (p.declaredAt ? (p.elected ?? []) : []).forEach((e, i) => {
        const seat = seatNumbers[i];
        if (e.userId && seat !== undefined) holders.set(seat, e.name);
      });
    }
    const empty = Array.from({ length: root.seats }, (_, i) => i + 1).filter((seat) => !holders.has(seat) && !pending.has(seat));
    out.push({
      positionId: root.id,
      title: root.title,
      total: root.seats,
      seats: empty,
      filled: [...holders.values()],
      why: anyBallot ? "ron_or_too_few" : "no_ballot",
    });
  }
  return { settled, latest, positions: out.filter((p) => p.seats.length > 0), all: out };
}

/**
 * The organisers re-open nominations for exactly the vacant seats: a new nomination period, at
 * least as long as the standing orders ask, with one position per original position that has
 * vacant seats. Its ballot, count and declaration are those of any election; what it elects
 * adds to the seats already filled.
 */
export async function reopenNominations(
  db: Db,
  actor: Actor,
  input: { nominationsOpenAt: Date; nominationsCloseAt: Date },
): Promise<ElectionResult<{ electionId: string; positions: { title: string; seats: number[] }[] }>> {
  if (!(input.nominationsCloseAt.getTime() > input.nominationsOpenAt.getTime())) return { ok: false, code: "period_invalid" };
  const days = await nominationDays();
  if (input.nominationsCloseAt.getTime() - input.nominationsOpenAt.getTime() < days * DAY_MS)
    return { ok: false, code: "period_too_short", detail: String(days) };
  return db.transaction(async (tx) => {
    const current = (await electionChain(tx)).at(-1);
    if (!current) return { ok: false, code: "no_election" } as const;
    // The latest round, locked: two organisers re-opening at once make one round, not two.
    const [latest] = await tx.select().from(elections).where(eq(elections.id, current.id)).for("update");
    if (!latest || latest.phase !== "counted") return { ok: false, code: "wrong_phase" } as const;
    const vacant = await vacancies(tx);
    if (!vacant.settled) return { ok: false, code: "not_all_declared" } as const;
    if (vacant.positions.length === 0) return { ok: false, code: "nothing_vacant" } as const;
    const roots = await tx
      .select()
      .from(positions)
      .where(
        inArray(
          positions.id,
          vacant.positions.map((v) => v.positionId),
        ),
      );
    const [first] = (await electionChain(tx)).slice(0, 1);
    const [election] = await tx
      .insert(elections)
      .values({
        title: `${first?.title ?? latest.title}: re-opened nominations`.slice(0, MAX_POLL_TITLE_LENGTH),
        nominationsOpenAt: input.nominationsOpenAt,
        nominationsCloseAt: input.nominationsCloseAt,
        followsElectionId: latest.id,
      })
      .returning({ id: elections.id });
    if (!election) throw new Error("election not stored");
    const rows = vacant.positions.map((v) => {
      const root = roots.find((r) => r.id === v.positionId) as Position;
      return {
        electionId: election.id,
        title: root.title,
        registeredRole: root.registeredRole,
        seats: v.seats.length,
        method: v.seats.length === 1 ? ("irv" as const) : root.method,
        secondersRequired: root.secondersRequired,
        eligibility: root.eligibility,
        countedAfterOffices: root.countedAfterOffices,
        sortOrder: root.sortOrder,
        fillsPositionId: root.id,
        fillsSeats: v.seats,
      };
    });
    await tx.insert(positions).values(rows);
    const reopened = vacant.positions.map((v) => ({ title: v.title, seats: v.seats }));
    await appendAudit(tx, {
      actor,
      action: "election.nominations_reopened",
      subjectType: "election",
      subjectId: election.id,
      details: {
        follows: latest.id,
        positions: reopened,
        nominationsOpenAt: input.nominationsOpenAt.toISOString(),
        nominationsCloseAt: input.nominationsCloseAt.toISOString(),
      },
    });
    return { ok: true, electionId: election.id, positions: reopened } as const;
  });
}

/**
 * The returning officer's recount of a declared position, with a reason: the count run again
 * from the stored ballots, on the same rules and lot seed. If it agrees, that is recorded. If
 * not, its result and the people it elects replace the declaration shown; the declaration it
 * replaces stays on record in the recount (never deleted).
 */
export async function recount(
  db: Db,
  actor: Actor,
  positionId: string,
  reason: string,
): Promise<ElectionResult<{ outcome: "confirmed" | "corrected"; elected: Elected[]; previous: Elected[] }>> {
  const why = reason.trim();
  const limit = electionTextProblem("reason", why);
  if (limit) return { ok: false, code: limit };
  if (!why) return { ok: false, code: "reason_missing" };
  return db.transaction(async (tx) => {
    const found = await positionById(tx, positionId);
    if (!found) return { ok: false, code: "not_found" } as const;
    const [position] = await tx.select().from(positions).where(eq(positions.id, found.position.id)).for("update");
    if (!position?.pollId) return { ok: false, code: "not_declared" } as const;
    const loaded = await loadRules(tx, position.pollId);
    if (loaded?.poll.status !== "closed") return { ok: false, code: "not_counted" } as const;
    // Before a declaration only when the stored count fails its check (the only way on from a
    // result that cannot be declared); after one, whenever the returning officer asks.
    if (!position.declaredAt && (await verifyPoll(tx, position.pollId)).ok) return { ok: false, code: "not_declared" } as const;
    const rows = await tx.select().from(ballots).where(eq(ballots.pollId, position.pollId));
    if (!checkBallotChain(rows, loaded.poll.chainHead).ok) return { ok: false, code: "ballots_unsealed" } as const;
    // In receipt order, as they were counted at the close.
    const sorted = [...rows].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
    // An encrypted poll is counted again from its public record (every proof checked first).
    const counted = countStoredBallots(loaded, sorted);
    if ("problem" in counted) return { ok: false, code: "ballots_unsealed" } as const;
    const fresh = counted;
    const elected = await winnersOf(tx, position, fresh);
    const previous = position.elected ?? (await winnersOf(tx, position, loaded.poll.result as PollResult | null));
    const agrees = canonicalJson(fresh) === canonicalJson(loaded.poll.result) && canonicalJson(elected) === canonicalJson(previous);
    const outcome = agrees ? ("confirmed" as const) : ("corrected" as const);
    const [row] = await tx
      .insert(recounts)
      .values({
        positionId: position.id,
        reason: why,
        outcome,
        previousDeclaredAt: position.declaredAt,
        previousElected: previous,
        previousResult: loaded.poll.result,
        elected,
        result: fresh,
      })
      .returning({ id: recounts.id });
    const names = (list: Elected[]) => list.map((e) => e.name);
    await appendAudit(tx, {
      actor,
      action: "election.recounted",
      subjectType: "position",
      subjectId: position.id,
      details: { position: position.title, reason: why, outcome, recount: row?.id, elected: names(elected) },
    });
    if (!agrees) {
      await tx.update(polls).set({ result: fresh }).where(eq(polls.id, position.pollId));
      // Not yet declared: the corrected count is what the returning officer then declares.
      if (position.declaredAt) await tx.update(positions).set({ elected }).where(eq(positions.id, position.id));
      await appendAudit(tx, {
        actor,
        action: position.declaredAt ? "election.declaration_corrected" : "election.count_corrected",
        subjectType: "position",
        subjectId: position.id,
        details: {
          position: position.title,
          reason: why,
          recount: row?.id,
          superseded: names(previous),
          declaredAt: position.declaredAt?.toISOString() ?? null,
          elected: names(elected),
        },
      });
    }
    return { ok: true, outcome, elected, previous } as const;
  });
}

/** A position's recounts, oldest first. */
export async function recountsOf(db: DbOrTx, positionIds: readonly string[]): Promise<Recount[]> {
  if (positionIds.length === 0) return [];
  return db
    .select()
    .from(recounts)
    .where(inArray(recounts.positionId, [...positionIds]))
    .orderBy(asc(recounts.recountedAt));
}

/** The latest recount that corrected a position's declaration, if any. */
export async function latestCorrection(db: DbOrTx, positionId: string): Promise<Recount | null> {
  const [row] = await db
    .select()
    .from(recounts)
    .where(and(eq(recounts.positionId, positionId), eq(recounts.outcome, "corrected")))
    .orderBy(desc(recounts.recountedAt))
    .limit(1);
  return row ?? null;
}

/**
 * Registered offices whose holder a recount changed: the officer's details and declarations on
 * the registration were made by, or for, someone else.
 */
export async function officersChangedByRecount(db: DbOrTx): Promise<{ role: string; from: string[]; to: string[]; toIds: string[]; at: Date }[]> {
  const chain = await electionChain(db);
  if (chain.length === 0) return [];
  const rows = await db
    .select({ r: recounts, role: positions.registeredRole })
    .from(recounts)
    .innerJoin(positions, eq(positions.id, recounts.positionId))
    .where(
      and(
        inArray(
          positions.electionId,
          chain.map((e) => e.id),
        ),
        eq(recounts.outcome, "corrected"),
        isNotNull(positions.registeredRole),
      ),
    )
    .orderBy(asc(recounts.recountedAt));
  const people = (list: Elected[]) => list.flatMap((e) => (e.userId ? [e.name] : []));
  return rows.flatMap(({ r, role }) => {
    const from = people(r.previousElected);
    const to = people(r.elected);
    const toIds = r.elected.flatMap((e) => (e.userId ? [e.userId] : []));
    return role && canonicalJson(from) !== canonicalJson(to) ? [{ role, from, to, toIds, at: r.recountedAt }] : [];
  });
}
