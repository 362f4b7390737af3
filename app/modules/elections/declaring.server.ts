/** Declaring an officer election's results (the declaration itself, as PDF, is declaration.server.ts), and who holds the offices since. */
import { and, asc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { verifyPoll } from "~/modules/polls/verification.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { positions } from "../../../db/schema";
import { electionChain, positionById, type ElectionResult } from "./current-election.server";
import { winners } from "./count.server";

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

/** The positions of the election chain whose result is declared (registration's electedPeople). */
export function declaredPositions(chain: readonly { id: string }[]): SQL | undefined {
  return and(
    inArray(
      positions.electionId,
      chain.map((e) => e.id),
    ),
    isNotNull(positions.declaredAt),
  );
}

/**
 * The declared positions that fill a registered role: the offices the registration pack names
 * (declaredOfficers here, officersDeclared in registration).
 */
export function declaredRegisteredPositions(chain: readonly { id: string }[]): SQL | undefined {
  return and(declaredPositions(chain), isNotNull(positions.registeredRole));
}

/** Declared holders of the registered offices: for the registration pack and the officer rules. */
export async function declaredOfficers(db: DbOrTx): Promise<{ role: string; userId: string; name: string }[]> {
  const chain = await electionChain(db);
  if (chain.length === 0) return [];
  const rows = await db.select().from(positions).where(declaredRegisteredPositions(chain)).orderBy(asc(positions.sortOrder));
  return rows.flatMap((p) =>
    (p.elected ?? []).flatMap((e) => (e.userId && p.registeredRole ? [{ role: p.registeredRole, userId: e.userId, name: e.name }] : [])),
  );
}
