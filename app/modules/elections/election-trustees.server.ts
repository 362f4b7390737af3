/**
 * An officer election's trustees (decision 047): members the returning officer names while
 * nominations are open, who between them hold the key of every ballot of the election, so that
 * nobody running the server (organisers whose faction may be standing) can read a ballot or a
 * result on their own. One trustee set for the whole election: its ballots are all rankings, in
 * one group, so one key (or one shared key, with three or more trustees) serves them all.
 */
import { asc, desc, eq } from "drizzle-orm";
import { RFC_3526_2048 } from "~/modules/belenios/group-params";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { createTrusteeSet, setKeysComplete, setMembersOf, trusteeSetOf } from "~/modules/polls/encrypted/trustee-sets.server";
import { trusteeSetSummary, type TrusteeSetSummary } from "~/modules/polls/encrypted/trustee-set-summary.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { elections, polls, positions, trusteeSets } from "../../../db/schema";

export async function trusteeSetReady(db: DbOrTx, setId: string): Promise<boolean> {
  const set = await trusteeSetOf(db, setId);
  return set !== null && setKeysComplete(set, await setMembersOf(db, setId));
}

export type NameTrusteesResult =
  | { ok: true; trustees: number; threshold: number | null }
  | { ok: false; code: "no_election" | "wrong_phase" | "trustees_invalid" };

/**
 * Names the election's trustees (an empty list: the server holds the key again). Only while
 * nominations are open; naming them again replaces the set, and any key its members made for it.
 */
export async function nameElectionTrustees(db: Db, actor: Actor, input: { userIds: readonly string[]; threshold?: number }): Promise<NameTrusteesResult> {
  return db.transaction(async (tx) => {
    // The current election (the newest), locked: opening its ballots waits for this, or sees it.
    const [newest] = await tx.select({ id: elections.id }).from(elections).orderBy(desc(elections.createdAt)).limit(1);
    const [current] = newest ? await tx.select().from(elections).where(eq(elections.id, newest.id)).for("update") : [];
    if (!current) return { ok: false, code: "no_election" } as const;
    if (current.phase !== "nominations") return { ok: false, code: "wrong_phase" } as const;
    const previous = current.trusteeSetId;
    let setId: string | null = null;
    let threshold: number | null = null;
    if (input.userIds.length > 0) {
      // Every ballot of an election is a ranking: RFC-3526-2048, as Belenios prescribes.
      const made = await createTrusteeSet(tx, actor, {
        groupName: RFC_3526_2048.name,
        userIds: input.userIds,
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      });
      if (!made.ok) return made;
      setId = made.setId;
      threshold = made.threshold;
    }
    await tx.update(elections).set({ trusteeSetId: setId }).where(eq(elections.id, current.id));
    // A set no ballot ever used is only this election's: it goes with the change.
    if (previous) await tx.delete(trusteeSets).where(eq(trusteeSets.id, previous));
    await appendAudit(tx, {
      actor,
      action: "election.trustees_named",
      subjectType: "election",
      subjectId: current.id,
      details: { trustees: input.userIds.length, ...(threshold !== null ? { threshold } : {}) },
    });
    return { ok: true, trustees: input.userIds.length, threshold } as const;
  });
}

export type ElectionTrusteesSummary = TrusteeSetSummary;

export async function electionTrusteesSummary(
  db: DbOrTx,
  setId: string | null,
  userId: string | null,
  show = { names: true },
): Promise<ElectionTrusteesSummary | null> {
  return setId ? trusteeSetSummary(db, setId, userId, show) : null;
}

/** The election whose ballots a trustee set holds, for its members' page: its title. */
export async function electionOfTrusteeSet(db: DbOrTx, setId: string): Promise<{ title: string } | null> {
  const [row] = await db.select({ title: elections.title }).from(elections).where(eq(elections.trusteeSetId, setId));
  return row ?? null;
}

/** The ballots a trustee set holds, in the election's order: each position's poll, once opened. */
export async function ballotsOfTrusteeSet(db: DbOrTx, setId: string): Promise<{ pollId: string; title: string; status: string }[]> {
  return db
    .select({ pollId: polls.id, title: positions.title, status: polls.status })
    .from(positions)
    .innerJoin(elections, eq(elections.id, positions.electionId))
    .innerJoin(polls, eq(polls.id, positions.pollId))
    .where(eq(elections.trusteeSetId, setId))
    .orderBy(asc(positions.sortOrder));
}
