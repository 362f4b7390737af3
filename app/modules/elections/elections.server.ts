/**
 * Officer elections (standing orders section 11): setting up an election and its positions,
 * nominations (standing, seconding, withdrawing, hustings), opening one ranked ballot per
 * position on the poll engine, counting the offices before the committee, and declaring. Each
 * command is one transaction with its audit entry.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import type { RankedCountReport } from "~/modules/ballots";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { countSheetWords } from "~/modules/ballots/messages";
import { standingOrdersAdopted } from "~/modules/constitution/round.server";
import { checkPeriod } from "~/modules/content/standing-order-periods";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { queueMail } from "~/modules/mail/outbox.server";
import { closePoll, createPoll, openPoll, verifyPoll, type PollVerification } from "~/modules/polls/polls.server";
import { holdPollWithSet } from "~/modules/polls/encrypted/trustee-sets.server";
import { countDecryptedPoll } from "~/modules/polls/trustee-count.server";
import { trusteeSetReady } from "./election-trustees.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { candidacies, elections, foundingMembers, movement, hustingsQuestions, pollOptions, polls, positions, seconders, users } from "../../../db/schema";
import { wordCount } from "~/utils/word-count";
import { foundingRoll, isFoundingMember, onFoundingRoll } from "~/modules/founding/roll.server";
import { committeeTitle } from "./messages";
import { nominationMail } from "~/modules/mail/templates";
import { MAX_HUSTINGS_QUESTION_LENGTH } from "~/utils/input-limits";
import { electionTextProblem } from "./text-fields";
import { takingPartConflict } from "~/modules/roles/roles.server";
import { plural } from "~/utils/plural";
import type { ElectionProblem, CandidateView } from "./types";

export type Election = typeof elections.$inferSelect;
export type Position = typeof positions.$inferSelect;
export type Candidacy = typeof candidacies.$inferSelect;

export const RON_LABEL = "Re-open nominations";

export type ElectionResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; code: ElectionProblem; detail?: string; verification?: Extract<PollVerification, { ok: false }>["problem"] };

export async function currentElection(db: DbOrTx): Promise<Election | null> {
  const [row] = await db.select().from(elections).orderBy(desc(elections.createdAt)).limit(1);
  return row ?? null;
}

/**
 * The current election and the elections whose vacant seats it re-opened, oldest first: one
 * set of seats, filled over one or more rounds of nominations.
 */
export async function electionChain(db: DbOrTx): Promise<Election[]> {
  const chain: Election[] = [];
  let next = await currentElection(db);
  while (next) {
    chain.unshift(next);
    const follows: string | null = next.followsElectionId;
    if (!follows) break;
    const [row] = await db.select().from(elections).where(eq(elections.id, follows));
    next = row ?? null;
  }
  return chain;
}

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

async function lockedElection(tx: DbOrTx): Promise<Election | null> {
  const e = await currentElection(tx);
  if (!e) return null;
  const [row] = await tx.select().from(elections).where(eq(elections.id, e.id)).for("update");
  return row ?? null;
}

/**
 * The election row, shared-locked until the transaction ends. A member's nominating command
 * takes it before checking that nominations are open: opening the ballots takes it for update,
 * so either the command commits first (and the ballots are drawn up with it) or the command
 * waits and then finds nominations closed. Never a candidacy the ballot does not show.
 */
async function electionForNominating(tx: DbOrTx, electionId: string): Promise<Election | null> {
  const [row] = await tx.select().from(elections).where(eq(elections.id, electionId)).for("share");
  return row ?? null;
}

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

function nominationsOpen(election: Election, now = Date.now()): boolean {
  return election.phase === "nominations" && election.nominationsOpenAt.getTime() <= now && now < election.nominationsCloseAt.getTime();
}

export async function positionById(db: DbOrTx, positionId: string): Promise<{ position: Position; election: Election } | null> {
  if (!isUuid(positionId)) return null;
  const [row] = await db
    .select({ position: positions, election: elections })
    .from(positions)
    .innerJoin(elections, eq(elections.id, positions.electionId))
    .where(eq(positions.id, positionId));
  return row ?? null;
}

export interface StandInput {
  statement: string;
  consent: boolean;
  registeredOfficer: boolean;
  treasurerEligible: boolean;
}

/**
 * A founding member stands (nominating themselves, 11.6) with a statement and their consent; a
 * registered office needs the 11.9 agreement, treasurer also the 11.10 declaration. Standing
 * again after withdrawing restores the candidacy with its seconders. Standing where someone else's
 * nomination awaits your answer accepts that nomination.
 */
export async function stand(
  db: Db,
  member: { id: string; email: string },
  positionId: string,
  input: StandInput,
): Promise<ElectionResult<{ candidacyId: string }>> {
  return takeUpCandidacy(db, member, positionId, input, "stand");
}

/**
 * The nominee accepts another member's nomination (11.6: "The candidate must accept the
 * nomination"), with the same statement, consent and declarations as standing.
 */
export async function acceptNomination(
  db: Db,
  member: { id: string; email: string },
  positionId: string,
  input: StandInput,
): Promise<ElectionResult<{ candidacyId: string }>> {
  return takeUpCandidacy(db, member, positionId, input, "accept");
}

/** A nomination made by someone else that its nominee has not answered. */
function isPendingNomination(c: Pick<Candidacy, "status" | "consentedAt">): boolean {
  return c.status === "standing" && c.consentedAt === null;
}

async function takeUpCandidacy(
  db: Db,
  member: { id: string; email: string },
  positionId: string,
  input: StandInput,
  mode: "stand" | "accept",
): Promise<ElectionResult<{ candidacyId: string }>> {
  // Characters and the longest word first, before any other work (input-limits.ts).
  const statementLimit = electionTextProblem("statement", input.statement.trim());
  if (statementLimit) return { ok: false, code: statementLimit };
  const rules = await standingOrderRules();
  const maxWords = rules.candidateStatementMaxWords;
  const statement = input.statement.replace(/\r\n?/g, "\n").trim();
  if (wordCount(statement) > maxWords) return { ok: false, code: "statement_too_long", detail: String(maxWords) };
  if (!input.consent) return { ok: false, code: "consent_missing" };
  return db.transaction(async (tx) => {
    const found = await positionById(tx, positionId);
    if (!found) return { ok: false, code: "not_found" } as const;
    const { position } = found;
    const election = await electionForNominating(tx, found.election.id);
    if (!election || !nominationsOpen(election)) return { ok: false, code: "nominations_closed" } as const;
    if (!(await isFoundingMember(tx, member.id))) return { ok: false, code: "not_founding_member" } as const;
    if (await takingPartConflict(tx, member.id, "candidate")) return { ok: false, code: "returning_officer_takes_no_part" } as const;
    // One request at a time per member and election, so two standing at once for two registered
    // offices cannot both pass the one-office check below before either is stored.
    // (The two-key form cannot meet the one-key locks used elsewhere, such as the audit chain's.)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${election.id}), hashtext(${member.id}))`);
    const [existing] = await tx
      .select()
      .from(candidacies)
      .where(and(eq(candidacies.positionId, positionId), eq(candidacies.userId, member.id)))
      .for("update");
    const accepting = existing !== undefined && isPendingNomination(existing);
    if (mode === "accept" && !accepting) return { ok: false, code: "no_nomination" } as const;
    if (position.registeredRole && !input.registeredOfficer) return { ok: false, code: "declaration_missing" } as const;
    if (position.registeredRole === "treasurer" && !input.treasurerEligible) return { ok: false, code: "eligibility_missing" } as const;
    if (position.registeredRole && rules.onePerPerson) {
      // 11.3 and 11.8: one registered office per person, so one candidacy for them at a time.
      // Nominations not yet accepted are not candidacies, so they do not count.
      const [other] = await tx
        .select({ title: positions.title })
        .from(candidacies)
        .innerJoin(positions, eq(positions.id, candidacies.positionId))
        .where(
          and(
            eq(candidacies.userId, member.id),
            eq(candidacies.status, "standing"),
            isNotNull(candidacies.consentedAt),
            eq(positions.electionId, election.id),
            isNotNull(positions.registeredRole),
            sql`${positions.id} <> ${position.id}`,
          ),
        );
      if (other) return { ok: false, code: "already_standing_for_office", detail: other.title } as const;
      // In a round of re-opened nominations, an office declared in an earlier round is held already.
      if (election.followsElectionId && (await declaredOfficers(tx)).some((o) => o.userId === member.id))
        return { ok: false, code: "already_holds_office" } as const;
    }
    const declarations = {
      registeredOfficer: Boolean(position.registeredRole && input.registeredOfficer),
      treasurerEligible: position.registeredRole === "treasurer" && input.treasurerEligible,
    };
    const values = { statement, consentedAt: new Date(), declarations, status: "standing" as const, withdrawnAt: null };
    // A nomination the member declined, then standing themselves: they are now their own nominator.
    const selfNominated = !existing || (existing.consentedAt === null && !accepting);
    const [row] = await tx
      .insert(candidacies)
      .values({ positionId, userId: member.id, nominatedBy: member.id, ...values })
      .onConflictDoUpdate({ target: [candidacies.positionId, candidacies.userId], set: selfNominated ? { ...values, nominatedBy: member.id } : values })
      .returning({ id: candidacies.id });
    if (!row) throw new Error("candidacy not stored");
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: accepting ? "election.nomination_accepted" : "election.stood",
      subjectType: "candidacy",
      subjectId: row.id,
      details: { position: position.title, declarations, ...(accepting ? { nominatedBy: existing?.nominatedBy ?? null } : {}) },
    });
    return { ok: true, candidacyId: row.id } as const;
  });
}

/**
 * A founding member nominates another member on the roll (11.6). Until the nominee accepts, the
 * nomination is not a candidacy: no seconders, no place on the ballot, and it lapses when
 * nominations close. The nominator is not a seconder (11.6: seconders are "other" members, "not
 * the candidate or the nominator"). The nominee is told by email.
 */
export async function nominate(
  db: Db,
  member: { id: string; email: string },
  positionId: string,
  nomineeInput: string,
  options: { appUrl: string },
): Promise<ElectionResult<{ candidacyId: string; nomineeName: string }>> {
  if (!isUuid(nomineeInput)) return { ok: false, code: "nominee_missing" };
  // The database reads an id in either case, so compare (and record) it in one.
  const nomineeId = nomineeInput.toLowerCase();
  if (nomineeId === member.id.toLowerCase()) return { ok: false, code: "self_nomination" };
  return db.transaction(async (tx) => {
    const found = await positionById(tx, positionId);
    if (!found) return { ok: false, code: "not_found" } as const;
    const { position } = found;
    const election = await electionForNominating(tx, found.election.id);
    if (!election || !nominationsOpen(election)) return { ok: false, code: "nominations_closed" } as const;
    if (!(await isFoundingMember(tx, member.id))) return { ok: false, code: "not_founding_member" } as const;
    if (!(await isFoundingMember(tx, nomineeId))) return { ok: false, code: "nominee_not_on_roll" } as const;
    if (await takingPartConflict(tx, member.id, "nominator")) return { ok: false, code: "returning_officer_takes_no_part" } as const;
    if (await takingPartConflict(tx, nomineeId, "candidate")) return { ok: false, code: "nominee_is_returning_officer" } as const;
    const [nominee] = await tx.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, nomineeId));
    const [nominator] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, member.id));
    if (!nominee || !nominator) return { ok: false, code: "nominee_not_on_roll" } as const;
    // One candidacy per person and position: a pending nomination, a candidacy, or one the person
    // declined or withdrew from (theirs to take up again by standing, not anyone else's).
    const [row] = await tx
      .insert(candidacies)
      .values({ positionId, userId: nomineeId, nominatedBy: member.id, consentedAt: null, status: "standing" })
      .onConflictDoNothing({ target: [candidacies.positionId, candidacies.userId] })
      .returning({ id: candidacies.id });
    if (!row) return { ok: false, code: "already_nominated", detail: nominee.name } as const;
    const [m] = await tx.select({ name: movement.name }).from(movement).limit(1);
    const link = `${options.appUrl.replace(/\/$/, "")}/elections/positions/${position.id}`;
    const mail = nominationMail({
      nomineeName: nominee.name,
      nominatorName: nominator.name,
      positionTitle: position.title,
      movementName: m?.name ?? "Breakaway",
      link,
      closesAt: election.nominationsCloseAt,
    });
    await queueMail(tx, { to: nominee.email, subject: mail.subject, text: mail.text, kind: "election-nomination" });
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "election.nominated",
      subjectType: "candidacy",
      subjectId: row.id,
      details: { position: position.title, nominee: nomineeId },
    });
    return { ok: true, candidacyId: row.id, nomineeName: nominee.name } as const;
  });
}

/** The nominee declines a nomination: it is kept, marked withdrawn, and nobody may make it again. */
export async function declineNomination(db: Db, member: { id: string; email: string }, positionId: string): Promise<ElectionResult> {
  if (!isUuid(positionId)) return { ok: false, code: "not_found" };
  return db.transaction(async (tx) => {
    const found = await positionById(tx, positionId);
    if (!found) return { ok: false, code: "not_found" } as const;
    // The election first, then the candidacy: the order standing and accepting take them in.
    const election = await electionForNominating(tx, found.election.id);
    const [existing] = await tx
      .select()
      .from(candidacies)
      .where(and(eq(candidacies.positionId, positionId), eq(candidacies.userId, member.id)))
      .for("update");
    if (!existing || !isPendingNomination(existing)) return { ok: false, code: "no_nomination" } as const;
    if (!election || !nominationsOpen(election)) return { ok: false, code: "nominations_closed" } as const;
    await tx.update(candidacies).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(candidacies.id, existing.id));
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "election.nomination_declined",
      subjectType: "candidacy",
      subjectId: existing.id,
      details: { position: found.position.title, nominatedBy: existing.nominatedBy },
    });
    return { ok: true } as const;
  });
}

export interface NominationView {
  candidacyId: string;
  positionId: string;
  positionTitle: string;
  nomineeId: string;
  nomineeName: string;
  nominatorName: string;
}

/** Nominations awaiting their nominee's answer: for one position, or for one nominee. */
export async function pendingNominations(db: DbOrTx, scope: { positionId: string } | { electionId: string; nomineeId?: string }): Promise<NominationView[]> {
  const nominator = alias(users, "nominator");
  const where =
    "positionId" in scope
      ? eq(candidacies.positionId, scope.positionId)
      : and(eq(positions.electionId, scope.electionId), scope.nomineeId ? eq(candidacies.userId, scope.nomineeId) : undefined);
  const rows = await db
    .select({ c: candidacies, positionTitle: positions.title, nomineeName: users.displayName, nominatorName: nominator.displayName })
    .from(candidacies)
    .innerJoin(positions, eq(positions.id, candidacies.positionId))
    .innerJoin(users, eq(users.id, candidacies.userId))
    .leftJoin(nominator, eq(nominator.id, candidacies.nominatedBy))
    .where(and(where, eq(candidacies.status, "standing"), isNull(candidacies.consentedAt)))
    .orderBy(asc(positions.sortOrder), asc(users.displayName));
  return rows.map((r) => ({
    candidacyId: r.c.id,
    positionId: r.c.positionId,
    positionTitle: r.positionTitle,
    nomineeId: r.c.userId,
    nomineeName: r.nomineeName,
    nominatorName: r.nominatorName ?? "A former member",
  }));
}

export const NOMINEE_SEARCH_LIMIT = 20;

/**
 * Founding members a member may nominate, found by name or membership number: only accepted
 * founding members, only their name and number (what founding members see of each other), never
 * the searcher themselves. One more row than the limit tells the caller to ask for a narrower search.
 */
export async function findNominees(
  db: DbOrTx,
  searcherId: string,
  query: string,
): Promise<{ userId: string; name: string; membershipNumber: number | null }[]> {
  const q = query.trim().replace(/^#/, "");
  if (!q) return [];
  const byNumber = /^\d{1,9}$/.test(q);
  const rows = await db
    .select({ userId: foundingMembers.userId, name: users.displayName, membershipNumber: foundingMembers.membershipNumber })
    .from(foundingMembers)
    .innerJoin(users, eq(users.id, foundingMembers.userId))
    .where(
      and(
        onFoundingRoll,
        sql`${foundingMembers.userId} <> ${searcherId}`,
        byNumber ? eq(foundingMembers.membershipNumber, Number(q)) : ilike(users.displayName, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      ),
    )
    .orderBy(asc(users.displayName), asc(foundingMembers.membershipNumber))
    .limit(NOMINEE_SEARCH_LIMIT + 1);
  return rows;
}

async function candidacyWithPosition(tx: DbOrTx, candidacyId: string) {
  if (!isUuid(candidacyId)) return null;
  const [row] = await tx
    .select({ candidacy: candidacies, position: positions, election: elections })
    .from(candidacies)
    .innerJoin(positions, eq(positions.id, candidacies.positionId))
    .innerJoin(elections, eq(elections.id, positions.electionId))
    .where(eq(candidacies.id, candidacyId));
  return row ?? null;
}

/** Seconding (11.6): another founding member, not the candidate nor their nominator. */
export async function setSeconding(db: Db, member: { id: string; email: string }, candidacyId: string, on: boolean): Promise<ElectionResult> {
  return db.transaction(async (tx) => {
    const found = await candidacyWithPosition(tx, candidacyId);
    if (!found) return { ok: false, code: "not_found" } as const;
    const election = await electionForNominating(tx, found.election.id);
    if (!election || !nominationsOpen(election)) return { ok: false, code: "nominations_closed" } as const;
    if (!(await isFoundingMember(tx, member.id))) return { ok: false, code: "not_founding_member" } as const;
    if (found.candidacy.userId === member.id || found.candidacy.nominatedBy === member.id) return { ok: false, code: "own_candidacy" } as const;
    if (on && (await takingPartConflict(tx, member.id, "seconder"))) return { ok: false, code: "returning_officer_takes_no_part" } as const;
    // A nomination its nominee has not accepted (pending, declined or lapsed) is nobody standing:
    // there is nobody to second.
    if (on && found.candidacy.consentedAt === null) return { ok: false, code: "nomination_pending" } as const;
    const changed = on
      ? await tx.insert(seconders).values({ candidacyId, userId: member.id }).onConflictDoNothing().returning({ id: seconders.userId })
      : await tx
          .delete(seconders)
          .where(and(eq(seconders.candidacyId, candidacyId), eq(seconders.userId, member.id)))
          .returning({ id: seconders.userId });
    if (changed.length > 0) {
      await appendAudit(tx, {
        actor: { id: member.id, label: member.email },
        action: on ? "election.seconded" : "election.seconding_withdrawn",
        subjectType: "candidacy",
        subjectId: candidacyId,
      });
    }
    return { ok: true } as const;
  });
}

/**
 * A candidate withdraws (11.11). During nominations they leave the list; once the ballot is
 * open they stay on the paper, and the count skips them.
 */
export async function withdrawCandidacy(db: Db, member: { id: string; email: string }, candidacyId: string): Promise<ElectionResult> {
  return db.transaction(async (tx) => {
    const found = await candidacyWithPosition(tx, candidacyId);
    if (!found) return { ok: false, code: "not_found" } as const;
    if (found.candidacy.userId !== member.id) return { ok: false, code: "not_candidate" } as const;
    if (isPendingNomination(found.candidacy)) return { ok: false, code: "nomination_pending" } as const;
    if (found.election.phase === "counted" || found.candidacy.status === "withdrawn") return { ok: false, code: "wrong_phase" } as const;
    // Once voting on the ballot has closed (its trustees decrypting it, decision 047), the count
    // goes ahead as the ballot stood: a withdrawal then would change the rules of a closed vote.
    if (found.election.phase === "ballot" && found.position.pollId !== null) {
      const [ballot] = await tx.select({ status: polls.status }).from(polls).where(eq(polls.id, found.position.pollId));
      if (ballot && ballot.status !== "open") return { ok: false, code: "wrong_phase" } as const;
    }
    await tx.update(candidacies).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(candidacies.id, candidacyId));
    const onBallot = found.election.phase === "ballot" && found.position.pollId !== null && found.candidacy.ballotPosition !== null;
    if (onBallot && found.position.pollId !== null && found.candidacy.ballotPosition !== null) {
      await tx
        .update(pollOptions)
        .set({ withdrawn: true })
        .where(and(eq(pollOptions.pollId, found.position.pollId), eq(pollOptions.position, found.candidacy.ballotPosition)));
    }
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "election.withdrew",
      subjectType: "candidacy",
      subjectId: candidacyId,
      details: { position: found.position.title, stillOnBallot: onBallot },
    });
    return { ok: true } as const;
  });
}

export const HUSTINGS_MAX_LENGTH = MAX_HUSTINGS_QUESTION_LENGTH;

export async function askQuestion(db: Db, member: { id: string; email: string }, candidacyId: string, question: string): Promise<ElectionResult> {
  const tooLong = electionTextProblem("question", question.trim());
  if (tooLong) return { ok: false, code: tooLong };
  const text = question.replace(/\r\n?/g, "\n").trim();
  if (!text) return { ok: false, code: "question_empty" };
  return db.transaction(async (tx) => {
    const found = await candidacyWithPosition(tx, candidacyId);
    if (!found) return { ok: false, code: "not_found" } as const;
    if (found.candidacy.consentedAt === null) return { ok: false, code: "nomination_pending" } as const;
    if (found.election.phase === "counted") return { ok: false, code: "wrong_phase" } as const;
    if (!(await isFoundingMember(tx, member.id))) return { ok: false, code: "not_founding_member" } as const;
    const [row] = await tx.insert(hustingsQuestions).values({ candidacyId, askedBy: member.id, question: text }).returning({ id: hustingsQuestions.id });
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "election.question_asked",
      subjectType: "candidacy",
      subjectId: candidacyId,
      details: { questionId: row?.id },
    });
    return { ok: true } as const;
  });
}

export async function answerQuestion(db: Db, member: { id: string; email: string }, questionId: string, answer: string): Promise<ElectionResult> {
  const tooLong = electionTextProblem("answer", answer.trim());
  if (tooLong) return { ok: false, code: tooLong };
  const text = answer.replace(/\r\n?/g, "\n").trim();
  if (!text) return { ok: false, code: "answer_empty" };
  if (!isUuid(questionId)) return { ok: false, code: "not_found" };
  return db.transaction(async (tx) => {
    const [q] = await tx.select().from(hustingsQuestions).where(eq(hustingsQuestions.id, questionId));
    if (!q) return { ok: false, code: "not_found" } as const;
    const found = await candidacyWithPosition(tx, q.candidacyId);
    if (!found || found.candidacy.userId !== member.id) return { ok: false, code: "not_candidate" } as const;
    await tx.update(hustingsQuestions).set({ answer: text, answeredAt: new Date() }).where(eq(hustingsQuestions.id, questionId));
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "election.question_answered",
      subjectType: "candidacy",
      subjectId: q.candidacyId,
      details: { questionId },
    });
    return { ok: true } as const;
  });
}

/** Whether a candidacy is validly nominated, and if not, why (shown to the returning officer). */
export function validity(
  c: Pick<Candidacy, "status" | "consentedAt" | "declarations">,
  position: Pick<Position, "registeredRole" | "secondersRequired">,
  secondedBy: number,
): CandidateView["problems"] {
  const problems: CandidateView["problems"] = [];
  if (c.status === "withdrawn") problems.push("withdrawn");
  if (!c.consentedAt) problems.push("no_consent");
  if (position.registeredRole && !c.declarations.registeredOfficer) problems.push("no_declaration");
  if (position.registeredRole === "treasurer" && !c.declarations.treasurerEligible) problems.push("no_eligibility");
  if (secondedBy < position.secondersRequired) problems.push("too_few_seconders");
  return problems;
}

export async function listCandidates(db: DbOrTx, position: Position): Promise<CandidateView[]> {
  const rows = await db
    .select({ c: candidacies, name: users.displayName })
    .from(candidacies)
    .innerJoin(users, eq(users.id, candidacies.userId))
    // Nominations never accepted (pending, declined or lapsed) are not candidacies (11.6).
    .where(and(eq(candidacies.positionId, position.id), isNotNull(candidacies.consentedAt)))
    .orderBy(asc(users.displayName), asc(candidacies.createdAt));
  const ids = rows.map((r) => r.c.id);
  const seconding = ids.length
    ? await db
        .select({ candidacyId: seconders.candidacyId, name: users.displayName })
        .from(seconders)
        .innerJoin(users, eq(users.id, seconders.userId))
        .where(inArray(seconders.candidacyId, ids))
        .orderBy(asc(seconders.createdAt))
    : [];
  return rows.map(({ c, name }) => {
    const names = seconding.filter((s) => s.candidacyId === c.id).map((s) => s.name);
    const problems = validity(c, position, names.length);
    return {
      id: c.id,
      userId: c.userId,
      nominatedBy: c.nominatedBy,
      name,
      statement: c.statement,
      status: c.status,
      consented: c.consentedAt !== null,
      declarations: c.declarations,
      seconders: names,
      secondersRequired: position.secondersRequired,
      valid: problems.length === 0,
      problems,
    };
  });
}

export async function listPositions(db: DbOrTx, electionId: string): Promise<Position[]> {
  return db.select().from(positions).where(eq(positions.electionId, electionId)).orderBy(asc(positions.sortOrder));
}

export async function hustingsFor(db: DbOrTx, candidacyIds: readonly string[]) {
  if (candidacyIds.length === 0) return [];
  return db
    .select({ q: hustingsQuestions, asker: users.displayName })
    .from(hustingsQuestions)
    .leftJoin(users, eq(users.id, hustingsQuestions.askedBy))
    .where(inArray(hustingsQuestions.candidacyId, [...candidacyIds]))
    .orderBy(asc(hustingsQuestions.askedAt));
}

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

/** The returning officer declares a position's result: recorded, and the officers made known. */
export async function declare(db: Db, actor: Actor, positionId: string): Promise<ElectionResult<{ elected: { userId: string | null; name: string }[] }>> {
  return db.transaction(async (tx) => {
    const found = await positionById(tx, positionId);
    if (!found) return { ok: false, code: "not_found" } as const;
    if (found.election.phase !== "counted" || !found.position.pollId) return { ok: false, code: "not_counted" } as const;
    if (found.position.declaredAt) return { ok: false, code: "already_declared" } as const;
    // A result its own ballots do not reproduce is never declared (decision 027).
    const verified = await verifyPoll(tx, found.position.pollId);
    if (!verified.ok) return { ok: false, code: "verification_failed", verification: verified.problem } as const;
    const elected = await winners(tx, found.position);
    await tx.update(positions).set({ declaredAt: new Date(), elected }).where(eq(positions.id, positionId));
    await appendAudit(tx, {
      actor,
      action: "election.declared",
      subjectType: "position",
      subjectId: positionId,
      details: { position: found.position.title, elected: elected.map((e) => e.name) },
    });
    return { ok: true, elected } as const;
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

/** Declared holders of the registered offices: for the registration pack and the officer rules. */
export async function declaredOfficers(db: DbOrTx): Promise<{ role: string; userId: string; name: string }[]> {
  const chain = await electionChain(db);
  if (chain.length === 0) return [];
  const rows = await db
    .select()
    .from(positions)
    .where(
      and(
        inArray(
          positions.electionId,
          chain.map((e) => e.id),
        ),
        isNotNull(positions.registeredRole),
        isNotNull(positions.declaredAt),
      ),
    )
    .orderBy(asc(positions.sortOrder));
  return rows.flatMap((p) =>
    (p.elected ?? []).flatMap((e) => (e.userId && p.registeredRole ? [{ role: p.registeredRole, userId: e.userId, name: e.name }] : [])),
  );
}

export async function candidateCounts(db: DbOrTx, electionId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ positionId: candidacies.positionId, n: count() })
    .from(candidacies)
    .innerJoin(positions, eq(positions.id, candidacies.positionId))
    .where(and(eq(positions.electionId, electionId), eq(candidacies.status, "standing"), isNotNull(candidacies.consentedAt)))
    .groupBy(candidacies.positionId);
  return new Map(rows.map((r) => [r.positionId, r.n]));
}

/** Who stands for which registered office now: the holdings a nominee's warning is worked out on. */
export async function registeredCandidacies(db: DbOrTx, electionId: string): Promise<{ userId: string; role: string }[]> {
  const rows = await db
    .select({ userId: candidacies.userId, role: positions.registeredRole })
    .from(candidacies)
    .innerJoin(positions, eq(positions.id, candidacies.positionId))
    .where(
      and(eq(positions.electionId, electionId), eq(candidacies.status, "standing"), isNotNull(candidacies.consentedAt), isNotNull(positions.registeredRole)),
    );
  return rows.flatMap((r) => (r.role ? [{ userId: r.userId, role: r.role }] : []));
}

/** The candidacies, among `ids`, that this member seconds. */
export async function secondedBy(db: DbOrTx, userId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: seconders.candidacyId })
    .from(seconders)
    .where(and(eq(seconders.userId, userId), inArray(seconders.candidacyId, [...ids])));
  return rows.map((r) => r.id);
}

export { isFoundingMember };
