/**
 * Appointing and removing organisers and the returning officer (docs/decisions/029-roles.md).
 * Each change is one transaction: the role, the audit entry, and the emails to the person and
 * the other organisers. A person's role is read from the database on every request, so their
 * sessions see the change on their next page.
 */
import { and, asc, desc, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { appendAudit } from "~/modules/audit/audit.server";
import { normaliseEmail } from "~/modules/auth/tokens";
import { queueMail } from "~/modules/mail/outbox.server";
import { roleChangeMail } from "~/modules/mail/templates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isEmailAddress } from "~/utils/email";
import { isUuid } from "~/utils/ids";
import { candidacies, elections, movement, positions, seconders, users } from "../../../db/schema";
import { isAllowed, type Principal } from "~/utils/permissions";
import { conflictRefusal, roleMailWords, roleProblemMessages, waitingNotice, type RoleProblem, type WaitingNotice } from "./messages";
import type { RoleFacts, Waiting } from "./waiting-for";
import { appointableRoles, conflictsFor, removalProblem, type AppointableRole, type Capacity, type RemovalProblem } from "./role-rules";

export interface RoleHolder {
  id: string;
  name: string;
  email: string;
}

export interface RoleHolders {
  organisers: RoleHolder[];
  returningOfficer: RoleHolder | null;
}

export async function roleHolders(db: DbOrTx): Promise<RoleHolders> {
  const rows = await db
    .select({ id: users.id, name: users.displayName, email: users.email, role: users.role })
    .from(users)
    .where(and(ne(users.role, "member"), isNull(users.erasedAt)))
    .orderBy(asc(users.displayName), asc(users.email));
  return {
    organisers: rows.filter((r) => r.role === "organiser").map(({ role: _r, ...h }) => h),
    returningOfficer: rows.filter((r) => r.role === "returning_officer").map(({ role: _r, ...h }) => h)[0] ?? null,
  };
}

/** The returning officer's name, for the pages' "waiting for" notices; null if there is none. */
export async function returningOfficerName(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.role, "returning_officer")).limit(1);
  return row?.name ?? null;
}

/**
 * The election still under way, if any: from its set-up until every ballot's result is declared.
 * `lock` takes its row for update, so no one stands, nominates or seconds while a returning
 * officer is appointed (those commands take it for share).
 */
async function runningElection(tx: DbOrTx, lock = false): Promise<{ id: string } | null> {
  const [latest] = await tx.select({ id: elections.id, phase: elections.phase }).from(elections).orderBy(desc(elections.createdAt)).limit(1);
  if (!latest) return null;
  if (lock) await tx.select({ id: elections.id }).from(elections).where(eq(elections.id, latest.id)).for("update");
  if (latest.phase !== "counted") return { id: latest.id };
  const [undeclared] = await tx
    .select({ id: positions.id })
    .from(positions)
    .where(and(eq(positions.electionId, latest.id), isNotNull(positions.pollId), isNull(positions.declaredAt)))
    .limit(1);
  return undeclared ? { id: latest.id } : null;
}

export async function isElectionRunning(db: DbOrTx): Promise<boolean> {
  return (await runningElection(db)) !== null;
}

/** The office a person holds (organiser or returning officer), as the rules count it. */
export async function heldOffices(tx: DbOrTx, userId: string): Promise<Capacity[]> {
  const [row] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return row && row.role !== "member" ? [row.role] : [];
}

/** The parts a person has taken in an election: stood (accepted), nominated someone else, seconded. */
async function electionParts(tx: DbOrTx, userId: string, electionId: string): Promise<Capacity[]> {
  const inElection = (column: typeof candidacies.positionId) =>
    sql`${column} in (select ${positions.id} from ${positions} where ${positions.electionId} = ${electionId})`;
  const stood = await tx
    .select({ id: candidacies.id })
    .from(candidacies)
    .where(and(inElection(candidacies.positionId), eq(candidacies.userId, userId), isNotNull(candidacies.consentedAt)))
    .limit(1);
  const nominated = await tx
    .select({ id: candidacies.id })
    .from(candidacies)
    .where(and(inElection(candidacies.positionId), eq(candidacies.nominatedBy, userId), ne(candidacies.userId, userId)))
    .limit(1);
  const seconded = await tx
    .select({ id: seconders.candidacyId })
    .from(seconders)
    .innerJoin(candidacies, eq(candidacies.id, seconders.candidacyId))
    .where(and(inElection(candidacies.positionId), eq(seconders.userId, userId)))
    .limit(1);
  return [
    ...(stood.length ? ["candidate" as const] : []),
    ...(nominated.length ? ["nominator" as const] : []),
    ...(seconded.length ? ["seconder" as const] : []),
  ];
}

/**
 * The first rule of role-rules.ts that taking part in the election as `part` would break for this
 * person (the returning officer takes no part in it), or null. For the elections module, in its
 * own transaction, after it has taken the election row.
 */
export async function takingPartConflict(tx: DbOrTx, userId: string, part: "candidate" | "nominator" | "seconder") {
  return conflictsFor(part, await heldOffices(tx, userId))[0] ?? null;
}

export type RoleChangeResult = { ok: true; name: string; replaced: string | null } | { ok: false; problem: RoleProblem | "conflict"; message: string };

const refuse = (problem: RoleProblem): RoleChangeResult => ({ ok: false, problem, message: roleProblemMessages[problem] });

export interface RoleActor {
  id: string;
  email: string;
  name: string;
}

/** One lock for every change of role, so two organisers removing each other cannot both succeed. */
export async function lockRoles(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('breakaway.roles'))`);
}

async function notify(
  tx: DbOrTx,
  input: {
    person: { id: string; name: string; email: string };
    change: "appointed" | "removed";
    role: AppointableRole;
    actor: RoleActor;
    appUrl: string;
    alsoTo?: { name: string; email: string } | null;
  },
) {
  const [m] = await tx.select({ name: movement.name }).from(movement).limit(1);
  const organisers = await tx
    .select({ id: users.id, name: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.role, "organiser"), isNull(users.erasedAt)));
  const common = {
    movementName: m?.name ?? "Breakaway",
    personName: input.person.name,
    change: input.change,
    role: roleMailWords(input.role),
    byName: input.actor.name,
    link: `${input.appUrl.replace(/\/$/, "")}/roles`,
  };
  const toPerson = roleChangeMail({ ...common, recipientName: input.person.name, toThePerson: true });
  await queueMail(tx, { to: input.person.email, subject: toPerson.subject, text: toPerson.text, kind: "role-change" });
  if (input.alsoTo) {
    const replaced = roleChangeMail({ ...common, personName: input.alsoTo.name, recipientName: input.alsoTo.name, toThePerson: true, change: "removed" });
    await queueMail(tx, { to: input.alsoTo.email, subject: replaced.subject, text: replaced.text, kind: "role-change" });
  }
  for (const o of organisers) {
    if (o.id === input.person.id || o.id === input.actor.id) continue;
    const mail = roleChangeMail({ ...common, recipientName: o.name, toThePerson: false });
    await queueMail(tx, { to: o.email, subject: mail.subject, text: mail.text, kind: "role-change" });
  }
}

/**
 * An organiser appoints someone with an account to a role. Appointing a returning officer
 * replaces the one there was (they become a member), so once there is one there always is.
 */
export async function appointRole(
  db: Db,
  actor: RoleActor,
  input: { email: string; role: AppointableRole },
  options: { appUrl: string },
): Promise<RoleChangeResult> {
  const typed = input.email.trim();
  if (!typed) return refuse("email_missing");
  if (!isEmailAddress(typed)) return refuse("email_invalid");
  if (!(appointableRoles as readonly string[]).includes(input.role)) throw new Error("unknown role");
  return db.transaction(async (tx) => {
    await lockRoles(tx);
    const election = await runningElection(tx, input.role === "returning_officer");
    const [person] = await tx
      .select({ id: users.id, name: users.displayName, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.email, normaliseEmail(typed)), isNull(users.erasedAt)));
    if (!person) return refuse("no_account");
    if (person.role === input.role) return refuse("already_holds");
    const holds: Capacity[] = [...(person.role === "member" ? [] : [person.role]), ...(election ? await electionParts(tx, person.id, election.id) : [])];
    const conflict = conflictsFor(input.role, holds)[0];
    if (conflict) return { ok: false, problem: "conflict", message: conflictRefusal(person.name, input.role, conflict.held, conflict.reason) } as const;
    let replaced: { id: string; name: string; email: string } | null = null;
    if (input.role === "returning_officer") {
      const [current] = await tx.select({ id: users.id, name: users.displayName, email: users.email }).from(users).where(eq(users.role, "returning_officer"));
      if (current) {
        replaced = current;
        await tx.update(users).set({ role: "member" }).where(eq(users.id, current.id));
        await appendAudit(tx, {
          actor: { id: actor.id, label: actor.email },
          action: "role.removed",
          subjectType: "user",
          subjectId: current.id,
          details: { role: input.role, replacedBy: person.id },
        });
      }
    }
    await tx.update(users).set({ role: input.role }).where(eq(users.id, person.id));
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.email },
      action: "role.appointed",
      subjectType: "user",
      subjectId: person.id,
      details: { role: input.role, previousRole: person.role, ...(replaced ? { replaces: replaced.id } : {}) },
    });
    await notify(tx, { person, change: "appointed", role: input.role, actor, appUrl: options.appUrl, alsoTo: replaced });
    return { ok: true, name: person.name, replaced: replaced?.name ?? null } as const;
  });
}

/**
 * Whether this person may stop holding their role, by any route (removal from Roles, or removing
 * their own information): the same rules, under the same lock, so that two organisers leaving at
 * once cannot both go. Call inside the transaction that makes the change.
 */
export async function leavingRoleProblem(tx: DbOrTx, person: { role: string }): Promise<RemovalProblem | null> {
  if (!(appointableRoles as readonly string[]).includes(person.role)) return null;
  await lockRoles(tx);
  const [organisers] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.role, "organiser"));
  return removalProblem(person.role as AppointableRole, { organisers: organisers?.n ?? 0, electionRunning: (await runningElection(tx)) !== null });
}

/** An organiser removes someone from a role (they become a member), within the rules of removalProblem. */
export async function removeRole(
  db: Db,
  actor: RoleActor,
  input: { userId: string; role: AppointableRole },
  options: { appUrl: string },
): Promise<RoleChangeResult> {
  if (!isUuid(input.userId) || !(appointableRoles as readonly string[]).includes(input.role)) return refuse("not_holder");
  return db.transaction(async (tx) => {
    await lockRoles(tx);
    const [person] = await tx
      .select({ id: users.id, name: users.displayName, email: users.email, role: users.role })
      .from(users)
      .where(eq(users.id, input.userId.toLowerCase()));
    if (!person || person.role !== input.role) return refuse("not_holder");
    const [organisers] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.role, "organiser"));
    const problem = removalProblem(input.role, { organisers: organisers?.n ?? 0, electionRunning: (await runningElection(tx)) !== null });
    if (problem) return refuse(problem);
    await tx.update(users).set({ role: "member" }).where(eq(users.id, person.id));
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.email },
      action: "role.removed",
      subjectType: "user",
      subjectId: person.id,
      details: { role: input.role },
    });
    await notify(tx, { person, change: "removed", role: input.role, actor, appUrl: options.appUrl });
    return { ok: true, name: person.name, replaced: null } as const;
  });
}

/**
 * The "waiting for" notice of a page, as this viewer sees it: `decide` is the page's rule from
 * waiting-for.ts, given who the returning officer is and whether the viewer is them.
 */
export async function waitingNoticeFor(db: DbOrTx, principal: Principal, decide: (roles: RoleFacts) => Waiting | null): Promise<WaitingNotice | null> {
  const waiting = decide({ returningOfficer: await returningOfficerName(db), viewerIsReturningOfficer: principal === "returning_officer" });
  return waiting ? waitingNotice(waiting, { canAppoint: isAllowed(principal, "roles.manage") }) : null;
}
