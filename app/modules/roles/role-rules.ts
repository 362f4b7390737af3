/**
 * Who may hold which roles at once, as data (docs/decisions/029-roles.md). The roles page checks
 * an appointment against it, and the elections module checks standing, nominating and seconding
 * against the same table, so the two can never disagree. Pure: the database facts come in.
 *
 * A person holds one of the offices a session carries (member, organiser, returning officer) and,
 * while an election runs, may also take part in it as a candidate, a nominator or a seconder.
 */
import type { Role } from "../../../db/schema/users";

/** The roles the Roles page appoints: each one person's `users.role`. */
export const appointableRoles = ["organiser", "returning_officer"] as const satisfies readonly Role[];
export type AppointableRole = (typeof appointableRoles)[number];

/** What someone can be, for the rules: an office, or a part taken in the election that is running. */
export type Capacity = AppointableRole | "candidate" | "nominator" | "seconder";

/** Why two capacities may not be held together: each has its sentence in messages.ts. */
export type ConflictReason = "independent_of_organisers" | "runs_the_election";

/**
 * Pairs nobody may hold at once. The returning officer runs the ballots independently of the
 * organisers, who set up elections and polls; and does not stand, nominate or second in the
 * election they run, nor can anyone who has done so become its returning officer.
 */
export const incompatibleCapacities: readonly { readonly pair: readonly [Capacity, Capacity]; readonly reason: ConflictReason }[] = [
  { pair: ["returning_officer", "organiser"], reason: "independent_of_organisers" },
  { pair: ["returning_officer", "candidate"], reason: "runs_the_election" },
  { pair: ["returning_officer", "nominator"], reason: "runs_the_election" },
  { pair: ["returning_officer", "seconder"], reason: "runs_the_election" },
];

export interface Conflict {
  /** What the person already is. */
  held: Capacity;
  /** What they were to become. */
  wanted: Capacity;
  reason: ConflictReason;
}

/** Every rule that taking on `wanted` would break, given what the person already `holds`. */
export function conflictsFor(wanted: Capacity, holds: readonly Capacity[]): Conflict[] {
  return incompatibleCapacities.flatMap(({ pair: [a, b], reason }) => {
    const other = a === wanted ? b : b === wanted ? a : null;
    return other !== null && holds.includes(other) ? [{ held: other, wanted, reason }] : [];
  });
}

/** Why a role cannot be taken away. */
export type RemovalProblem = "last_organiser" | "election_running";

/**
 * Whether a role can be taken away: the movement always keeps one organiser (an organiser
 * cannot remove the last one, themselves included); the returning officer can be removed
 * without a successor only while no election runs (during one, appoint a successor instead:
 * that replaces them, so the election is never left without one).
 */
export function removalProblem(role: AppointableRole, facts: { organisers: number; electionRunning: boolean }): RemovalProblem | null {
  if (role === "organiser") return facts.organisers <= 1 ? "last_organiser" : null;
  return facts.electionRunning ? "election_running" : null;
}
