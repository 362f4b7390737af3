/**
 * What the Roles page shows (routes/roles.tsx): who holds which role, and the rules. Every
 * signed-in person may read it (who the returning officer is, is a public fact in a party); only
 * organisers see the addresses and why a holder cannot be removed now.
 */
import type { DbOrTx } from "~/utils/db.server";
import { ruleSentence } from "./messages";
import { incompatibleCapacities, removalProblem, type AppointableRole } from "./role-rules";
import { isElectionRunning, roleHolders, type RoleHolder } from "./roles.server";

export async function rolesPageView(db: DbOrTx, viewerId: string, canManage: boolean) {
  const holders = await roleHolders(db);
  const electionRunning = await isElectionRunning(db);
  const facts = { organisers: holders.organisers.length, electionRunning };
  const shown = (h: RoleHolder, role: AppointableRole) => ({
    id: h.id,
    name: h.name,
    email: canManage ? h.email : null,
    me: h.id === viewerId,
    // Why this holder cannot be removed now, if they cannot (role-rules.ts).
    kept: canManage ? removalProblem(role, facts) : null,
  });
  return {
    canManage,
    organisers: holders.organisers.map((h) => shown(h, "organiser")),
    returningOfficer: holders.returningOfficer ? shown(holders.returningOfficer, "returning_officer") : null,
    rules: incompatibleCapacities.map(({ pair: [role, other], reason }) => ruleSentence(role, other, reason)),
  };
}

export type RolesPageView = Awaited<ReturnType<typeof rolesPageView>>;
/** A holder as the page shows them. */
export type ShownHolder = RolesPageView["organisers"][number];
