/**
 * Trustee sets (decision 047): trustees named once for many polls of one group, such as an
 * officer election's ballots. The members make their key before the first poll opens, exactly as
 * a poll's own trustees do (one key each, or with three or more one shared key by the threshold
 * ceremony); each poll opened with the set then gets a copy of what they gave, in poll_trustees,
 * so that closing, shuffling, decrypting and the public record are those of any poll held by
 * trustees (poll-trustees.server.ts). A trustee's key file serves every poll of the set.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { groupByName } from "~/modules/belenios/group-params";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { polls, pollTrustees, trusteeSetMembers, trusteeSets, users } from "../../../../db/schema";
import { defaultThreshold, validThreshold } from "../trustee-threshold";
import { checkTrusteeMessage, keyAuditDetails, MAX_TRUSTEES, trusteeColumns, type KeyProblem, type TrusteeRow } from "./poll-trustees.server";
import { ceremonyStep, keyTurnOf, type CeremonyStep } from "./threshold-ceremony.server";

export interface TrusteeSet {
  id: string;
  groupName: string;
  threshold: number | null;
  usedAt: Date | null;
}

export type NameSetProblem = "trustees_invalid";

/** Names a new set: 1 to 7 distinct members, and (with three or more) how many must decrypt. */
export async function createTrusteeSet(
  tx: DbOrTx,
  actor: Actor,
  input: { groupName: string; userIds: readonly string[]; threshold?: number },
): Promise<{ ok: true; setId: string; threshold: number | null } | { ok: false; code: NameSetProblem }> {
  const n = input.userIds.length;
  if (n === 0 || n > MAX_TRUSTEES || new Set(input.userIds).size !== n) return { ok: false, code: "trustees_invalid" };
  const threshold = input.threshold ?? defaultThreshold(n);
  if (threshold !== null && !validThreshold(threshold, n)) return { ok: false, code: "trustees_invalid" };
  const [set] = await tx
    .insert(trusteeSets)
    .values({ groupName: groupByName(input.groupName).name, threshold, createdBy: actor.id })
    .returning({ id: trusteeSets.id });
  if (!set) throw new Error("trustee set not made");
  await tx.insert(trusteeSetMembers).values(input.userIds.map((userId, i) => ({ setId: set.id, position: i + 1, userId })));
  return { ok: true, setId: set.id, threshold };
}

export async function trusteeSetOf(db: DbOrTx, setId: string): Promise<TrusteeSet | null> {
  if (!isUuid(setId)) return null;
  const [set] = await db
    .select({ id: trusteeSets.id, groupName: trusteeSets.groupName, threshold: trusteeSets.threshold, usedAt: trusteeSets.usedAt })
    .from(trusteeSets)
    .where(eq(trusteeSets.id, setId));
  return set ?? null;
}

export async function setMembersOf(db: DbOrTx, setId: string): Promise<TrusteeRow[]> {
  return db
    .select(trusteeColumns(trusteeSetMembers))
    .from(trusteeSetMembers)
    .innerJoin(users, eq(users.id, trusteeSetMembers.userId))
    .where(eq(trusteeSetMembers.setId, setId))
    .orderBy(asc(trusteeSetMembers.position));
}

/** Whether every member has given their key (with a threshold: the whole ceremony is done). */
export function setKeysComplete(set: Pick<TrusteeSet, "threshold">, rows: readonly TrusteeRow[]): boolean {
  return set.threshold === null ? rows.every((r) => r.publicKey) : ceremonyStep(rows) === "complete";
}

/**
 * A member gives their key, or takes a ceremony step, until the first poll opens with the set;
 * from then on the polls' records hold the keys, which cannot change.
 */
export async function giveSetKey(
  db: DbOrTx,
  actor: Actor & { id: string },
  setId: string,
  text: string,
): Promise<{ ok: true; position: number; fingerprint: string | null; step?: CeremonyStep } | { ok: false; code: KeyProblem }> {
  if (!isUuid(setId)) return { ok: false, code: "not_found" };
  return db.transaction(async (tx) => {
    const [set] = await tx.select().from(trusteeSets).where(eq(trusteeSets.id, setId)).for("update");
    if (!set) return { ok: false, code: "not_found" } as const;
    const rows = await setMembersOf(tx, setId);
    const mine = rows.find((r) => r.userId === actor.id);
    if (!mine) return { ok: false, code: "not_trustee" } as const;
    if (set.usedAt) return { ok: false, code: "not_draft" } as const;
    const checked = checkTrusteeMessage(groupByName(set.groupName), set.threshold, rows, mine.position, text);
    if (!checked.ok) return checked;
    await tx
      .update(trusteeSetMembers)
      .set(checked.update)
      .where(and(eq(trusteeSetMembers.setId, setId), eq(trusteeSetMembers.userId, actor.id)));
    await appendAudit(tx, {
      actor,
      action: "trustees.key_given",
      subjectType: "trustee_set",
      subjectId: setId,
      details: keyAuditDetails(mine.position, checked),
    });
    return { ok: true, position: mine.position, fingerprint: checked.fingerprint, ...(checked.step ? { step: checked.step } : {}) } as const;
  });
}

/** A set whose keys are all made, ready to hold polls: its threshold and its members' rows. */
export interface ReadySet {
  setId: string;
  threshold: number | null;
  rows: TrusteeRow[];
}

/**
 * The set, locked, if every key is made (null while one is still to come); marked as used, since
 * the caller is about to open polls with it: from then on its keys cannot change.
 */
export async function takeReadySet(tx: DbOrTx, setId: string): Promise<ReadySet | null> {
  const [set] = await tx.select().from(trusteeSets).where(eq(trusteeSets.id, setId)).for("update");
  if (!set) throw new Error("trustee set not found");
  const rows = await setMembersOf(tx, setId);
  if (!setKeysComplete(set, rows)) return null;
  await tx
    .update(trusteeSets)
    .set({ usedAt: new Date() })
    .where(and(eq(trusteeSets.id, setId), isNull(trusteeSets.usedAt)));
  return { setId, threshold: set.threshold, rows };
}

/** Each poll's trustees become the set's members, with the keys they gave (rows for poll_trustees). */
export function trusteeRowsFor(set: ReadySet, pollIds: readonly string[]) {
  return pollIds.flatMap((pollId) =>
    set.rows.map((r) => ({
      pollId,
      position: r.position,
      userId: r.userId,
      publicKey: r.publicKey,
      keyGivenAt: r.keyGivenAt,
      certificate: r.certificate,
      polynomial: r.polynomial,
      decryptionKey: r.decryptionKey,
    })),
  );
}

/**
 * Before a poll of the set opens: its trustees become the set's members, with the keys they
 * gave; openPoll then builds its election from them. False while a key is still to come.
 */
export async function holdPollWithSet(tx: DbOrTx, setId: string, pollId: string): Promise<boolean> {
  const set = await takeReadySet(tx, setId);
  if (!set) return false;
  await tx.insert(pollTrustees).values(trusteeRowsFor(set, [pollId]));
  await tx.update(polls).set({ trusteeThreshold: set.threshold, trusteeSetId: setId }).where(eq(polls.id, pollId));
  return true;
}

/** Sets this member belongs to that wait for them at the step they are at, for the Polls page. */
export async function trusteeSetTasksOf(db: DbOrTx, userId: string): Promise<{ setId: string }[]> {
  const mine = await db
    .select({ setId: trusteeSetMembers.setId })
    .from(trusteeSetMembers)
    .innerJoin(trusteeSets, eq(trusteeSets.id, trusteeSetMembers.setId))
    .where(and(eq(trusteeSetMembers.userId, userId), isNull(trusteeSets.usedAt)));
  const tasks: { setId: string }[] = [];
  for (const { setId } of mine) {
    const set = await trusteeSetOf(db, setId);
    const rows = await setMembersOf(db, setId);
    const me = rows.find((r) => r.userId === userId);
    if (set && me && keyTurnOf(set.threshold, rows, me)) tasks.push({ setId });
  }
  return tasks;
}
