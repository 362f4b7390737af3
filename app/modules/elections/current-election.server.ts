/**
 * Officer elections (standing orders section 11): the election now running, the rounds of
 * nominations it re-opened its vacant seats in, and its positions: what every election command
 * and page starts from.
 */
import { asc, desc, eq } from "drizzle-orm";
import type { PollVerification } from "~/modules/polls/verification.server";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { candidacies, elections, positions } from "../../../db/schema";
import type { ElectionProblem } from "./types";

export type Election = typeof elections.$inferSelect;
export type Position = typeof positions.$inferSelect;
export type Candidacy = typeof candidacies.$inferSelect;

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

export async function lockedElection(tx: DbOrTx): Promise<Election | null> {
  const e = await currentElection(tx);
  if (!e) return null;
  const [row] = await tx.select().from(elections).where(eq(elections.id, e.id)).for("update");
  return row ?? null;
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

export async function listPositions(db: DbOrTx, electionId: string): Promise<Position[]> {
  return db.select().from(positions).where(eq(positions.electionId, electionId)).orderBy(asc(positions.sortOrder));
}
