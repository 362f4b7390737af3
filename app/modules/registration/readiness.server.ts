import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { latestVersion } from "~/modules/constitution/round.server";
import type { DbOrTx } from "~/utils/db.server";
import { financialSchemeState } from "./financial-scheme.server";
import { checkReadiness } from "./readiness";
import type { ReadinessCheck, ReadinessInput } from "./readiness-types";
import { inArray } from "drizzle-orm";
import { officersChangedByRecount } from "~/modules/elections/recovery.server";
import { officerDetails } from "../../../db/schema";
import { registeredRoles, type RegisteredRole } from "~/modules/elections/officer-rules";
import { listEmblems, loadDraft, officerCompletion, officersDeclared, registeredNames } from "./registration.server";

/**
 * Gathers what the readiness checks read from the database. The checks themselves are pure
 * (readiness.ts); this is the only place that knows where each piece is kept.
 */

/**
 * The financial scheme as it would be exported (edited or generated) and whether the founding
 * members adopted that text; null text when there is no model to generate it from.
 */
async function scheme(db: DbOrTx): Promise<{ text: string | null; adopted: boolean }> {
  try {
    const state = await financialSchemeState(db);
    return { text: state.text, adopted: state.adopted };
  } catch (error) {
    // Only a missing model file means "no scheme"; a database error must not pass for one.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { text: null, adopted: false };
    throw error;
  }
}

/**
 * Offices a recount gave to someone else, and whether each new holder has saved their details
 * and confirmed the role's declaration since.
 */
async function officerChanges(
  db: DbOrTx,
  changes: Awaited<ReturnType<typeof officersChangedByRecount>>,
): Promise<NonNullable<ReadinessInput["officerChanges"]>> {
  const ids = [...new Set(changes.flatMap((c) => c.toIds))];
  const rows = ids.length ? await db.select().from(officerDetails).where(inArray(officerDetails.userId, ids)) : [];
  return changes.flatMap((c) => {
    if (!(registeredRoles as readonly string[]).includes(c.role)) return [];
    const role = c.role as RegisteredRole;
    const reconfirmed =
      c.toIds.length > 0 &&
      c.toIds.every((id) => {
        const row = rows.find((r) => r.userId === id);
        return Boolean(row && row.updatedAt.getTime() > c.at.getTime() && row.confirmations[role]);
      });
    return [{ role, from: c.from, to: c.to, reconfirmed }];
  });
}

export async function loadReadinessInput(db: DbOrTx): Promise<ReadinessInput> {
  const [draft, emblems, officers, declared, version, names, changes] = await Promise.all([
    loadDraft(db),
    listEmblems(db),
    officerCompletion(db),
    officersDeclared(db),
    latestVersion(db),
    registeredNames(db),
    officersChangedByRecount(db),
  ]);
  // Adopted versions keep each clause's `covers` list (copied from the draft's clauses at
  // adoption, constitution/round.server.ts adoptedClauses), so nothing is derived here.
  const financial = await scheme(db);
  const covered = version ? [...new Set(version.clauses.flatMap((clause) => clause.covers))] : [];
  return {
    details: draft.details,
    emblems: emblems.map((e) => ({ slot: e.slot, inspection: e.inspection, hasPicture: e.hasPicture, hasText: e.hasText, smallestTextPx: e.smallestTextPx })),
    officers: officers.map((o) => ({ role: o.role, userId: o.userId, name: o.name, detailsComplete: o.detailsComplete, confirmed: o.confirmed })),
    officersDeclared: declared,
    officerChanges: await officerChanges(db, changes),
    constitution: version ? { version: version.number, coveredItems: covered } : null,
    financialScheme: financial.text,
    financialSchemeAdopted: financial.adopted,
    registeredNames: names,
    onePerPerson: (await standingOrderRules()).onePerPerson,
  };
}

export async function loadReadiness(db: DbOrTx): Promise<ReadinessCheck[]> {
  return checkReadiness(await loadReadinessInput(db));
}
