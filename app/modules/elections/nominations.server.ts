/**
 * Nominations for an officer election (standing orders 11.6 to 11.11): standing, nominating
 * another member and that member's answer, seconding, withdrawing. Each command is one
 * transaction with its audit entry.
 */
import { and, asc, eq, ilike, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { appendAudit } from "~/modules/audit/audit.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { queueMail } from "~/modules/mail/outbox.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { candidacies, elections, foundingMembers, movement, pollOptions, polls, positions, seconders, users } from "../../../db/schema";
import { wordCount } from "~/utils/word-count";
import { isFoundingMember, onFoundingRoll } from "~/modules/founding/roll.server";
import { nominationMail } from "~/modules/mail/templates";
import { electionTextProblem } from "./text-fields";
import { takingPartConflict } from "~/modules/roles/roles.server";
import { candidacyWithPosition } from "./candidates.server";
import { positionById, type Candidacy, type Election, type ElectionResult } from "./current-election.server";
import { declaredOfficers } from "./declaring.server";
import { formerMemberName } from "~/modules/users/messages";

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

function nominationsOpen(election: Election, now = Date.now()): boolean {
  return election.phase === "nominations" && election.nominationsOpenAt.getTime() <= now && now < election.nominationsCloseAt.getTime();
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
    nominatorName: r.nominatorName ?? formerMemberName,
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
