/**
 * Trustees named for a part of the road (decision 048): the members who hold the key of every
 * poll that part opens from then on (the decision ballot, the standing orders, a constitution's
 * clause questions and adoption vote, the financial scheme), so that nobody running the server
 * can read a ballot or a result on their own. The part says which groups its polls are in; the
 * members make one key (or one shared key) per group, on their set's page, before its first poll
 * opens. The engine knows scopes only as names: each phase module says which is its own.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import type { DbOrTx } from "~/utils/db.server";
import { polls, scopeTrusteeSets, trusteeSets } from "../../../../db/schema";
import { groupForMethod } from "./poll-trustees.server";
import { createTrusteeSet, holdPollWithSet, setKeysComplete, setMembersOf, trusteeSetOf } from "./trustee-sets.server";
import { trusteeSetSummary, type TrusteeSetSummary } from "./trustee-set-summary.server";

export type TrusteeScope = "decision" | "standing_orders" | "constitution" | "financial_scheme";

export const trusteeScopes: readonly TrusteeScope[] = ["decision", "standing_orders", "constitution", "financial_scheme"];

export function isTrusteeScope(value: string): value is TrusteeScope {
  return (trusteeScopes as readonly string[]).includes(value);
}

/**
 * The Belenios groups a scope's polls are in, by the methods its owner uses: the decision is
 * ranked (instant-runoff), the constitution has Yes/No questions and ranked ones (competing
 * amendments, Schulze), the others are Yes/No. One set (one key) per group.
 */
export function scopeGroups(scope: TrusteeScope): string[] {
  const methods: Record<TrusteeScope, readonly string[]> = {
    decision: ["irv"],
    standing_orders: ["yes-no"],
    constitution: ["yes-no", "schulze"],
    financial_scheme: ["yes-no"],
  };
  return methods[scope].map((method) => groupForMethod(method).name);
}

/** The sets named for a scope, one per group, in the order of the groups' names. */
export async function scopeSets(db: DbOrTx, scope: TrusteeScope): Promise<{ groupName: string; setId: string }[]> {
  return db
    .select({ groupName: scopeTrusteeSets.groupName, setId: scopeTrusteeSets.setId })
    .from(scopeTrusteeSets)
    .where(eq(scopeTrusteeSets.scope, scope))
    .orderBy(asc(scopeTrusteeSets.groupName));
}

/** The scope a set was named for, if it was named for one (an election's set is not). */
export async function scopeOfSet(db: DbOrTx, setId: string): Promise<TrusteeScope | null> {
  const [row] = await db.select({ scope: scopeTrusteeSets.scope }).from(scopeTrusteeSets).where(eq(scopeTrusteeSets.setId, setId));
  return row && isTrusteeScope(row.scope) ? row.scope : null;
}

export type NameScopeResult = { ok: true; trustees: number; threshold: number | null } | { ok: false; code: "trustees_invalid" };

/**
 * Names the scope's trustees: one set per group its polls are in, with the same members in the
 * same order (an empty list: the server holds the key again). Naming again replaces the sets for
 * the polls not yet opened; a set some poll was opened with stays with that poll. For the
 * caller's transaction, once it has checked that the part may still change its trustees.
 */
export async function nameScopeTrustees(
  tx: DbOrTx,
  actor: Actor,
  scope: TrusteeScope,
  groups: readonly string[],
  input: { userIds: readonly string[]; threshold?: number },
): Promise<NameScopeResult> {
  const previous = await scopeSets(tx, scope);
  await tx.delete(scopeTrusteeSets).where(eq(scopeTrusteeSets.scope, scope));
  // A set no poll ever used is only this scope's: it goes with the change.
  for (const { setId } of previous) await tx.delete(trusteeSets).where(and(eq(trusteeSets.id, setId), isNull(trusteeSets.usedAt)));
  let threshold: number | null = null;
  if (input.userIds.length > 0) {
    for (const groupName of groups) {
      const made = await createTrusteeSet(tx, actor, {
        groupName,
        userIds: input.userIds,
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      });
      if (!made.ok) return made;
      threshold = made.threshold;
      await tx.insert(scopeTrusteeSets).values({ scope, groupName, setId: made.setId });
    }
  }
  await appendAudit(tx, {
    actor,
    action: "trustees.named",
    subjectType: "trustee_scope",
    subjectId: scope,
    details: { trustees: input.userIds.length, keys: input.userIds.length > 0 ? groups.length : 0, ...(threshold !== null ? { threshold } : {}) },
  });
  return { ok: true, trustees: input.userIds.length, threshold };
}

/** Whether every key the scope's trustees must make is made (true with no trustees named). */
export async function scopeKeysReady(db: DbOrTx, scope: TrusteeScope): Promise<boolean> {
  for (const { setId } of await scopeSets(db, scope)) {
    const set = await trusteeSetOf(db, setId);
    if (!set || !setKeysComplete(set, await setMembersOf(db, setId))) return false;
  }
  return true;
}

/**
 * The scope's sets by group, for polls opened in a batch (openPollBatch); empty with no trustees
 * named; null while a key is still to come.
 */
export async function readyScopeSets(db: DbOrTx, scope: TrusteeScope): Promise<Map<string, string> | null> {
  if (!(await scopeKeysReady(db, scope))) return null;
  return new Map((await scopeSets(db, scope)).map((s) => [s.groupName, s.setId]));
}

/**
 * Before a poll of the scope opens: it is held by the scope's set of the group its method puts it
 * in, if trustees are named ("held"), or by the server ("server"). "keys_missing" while a key is
 * still to come: the caller refuses to open, and says so.
 */
export async function holdWithScopeTrustees(tx: DbOrTx, scope: TrusteeScope, pollId: string): Promise<"server" | "held" | "keys_missing"> {
  const sets = await scopeSets(tx, scope);
  if (sets.length === 0) return "server";
  const [poll] = await tx.select({ method: polls.method }).from(polls).where(eq(polls.id, pollId));
  if (!poll) throw new Error("poll not found");
  const groupName = groupForMethod(poll.method).name;
  const set = sets.find((s) => s.groupName === groupName);
  // Trustees named for the scope but no key in this group: never quietly the server's.
  if (!set) return "keys_missing";
  return (await holdPollWithSet(tx, set.setId, pollId)) ? "held" : "keys_missing";
}

/** The polls opened with a set's keys, oldest first: what its members will decrypt. */
export async function pollsOfSet(db: DbOrTx, setId: string): Promise<{ pollId: string; title: string; status: string }[]> {
  return db
    .select({ pollId: polls.id, title: polls.title, status: polls.status })
    .from(polls)
    .where(eq(polls.trusteeSetId, setId))
    .orderBy(asc(polls.createdAt), asc(polls.title));
}

/** Each of the scope's sets, summarised for the page that names them; empty with none named. */
export async function scopeTrusteesSummary(db: DbOrTx, scope: TrusteeScope, userId: string | null, show = { names: true }): Promise<TrusteeSetSummary[]> {
  const summaries: TrusteeSetSummary[] = [];
  for (const { setId } of await scopeSets(db, scope)) {
    const summary = await trusteeSetSummary(db, setId, userId, show);
    if (summary) summaries.push(summary);
  }
  return summaries;
}
