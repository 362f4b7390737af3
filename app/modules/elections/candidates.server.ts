/** An election's candidacies as the pages and the commands read them: who stands, who seconds them, and whether validly. */
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { candidacies, elections, positions, seconders, users } from "../../../db/schema";
import { validity } from "./ballot-paper";
import type { Position } from "./current-election.server";
import type { CandidateView } from "./types";

export async function candidacyWithPosition(tx: DbOrTx, candidacyId: string) {
  if (!isUuid(candidacyId)) return null;
  const [row] = await tx
    .select({ candidacy: candidacies, position: positions, election: elections })
    .from(candidacies)
    .innerJoin(positions, eq(positions.id, candidacies.positionId))
    .innerJoin(elections, eq(elections.id, positions.electionId))
    .where(eq(candidacies.id, candidacyId));
  return row ?? null;
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
