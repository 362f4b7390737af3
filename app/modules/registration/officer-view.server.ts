/**
 * What the officer's details page shows (routes/registration.officer.tsx): a declared officer's
 * own details and declarations; for the organisers, every officer's progress and, when they open
 * one, that officer's details (recorded as read when they are someone else's). Null when the
 * person asked for is not a declared officer.
 */
import { formatDateTime } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { editVersion } from "~/utils/stale-edit";
import { roleTitles } from "./messages";
import { recordOfficerDetailsOpened } from "./private-reads.server";
import { loadOfficerDetails, officerCompletion, officerShown, rolesHeldBy, type OfficerCompletion } from "./registration.server";

export async function officerPageView(db: Db, user: { id: string; email: string }, organiser: boolean, person: string | null) {
  const roles = await rolesHeldBy(db, user.id);
  const own = roles.length > 0 ? await loadOfficerDetails(db, user.id) : null;
  // Organisers see every officer's progress, and one officer's details only when they open them.
  let officers: OfficerCompletion[] = [];
  let opened: { name: string; roles: string[]; fullName: string; homeAddress: string; email: string; confirmed: Record<string, string> } | null = null;
  if (organiser) {
    officers = await officerCompletion(db);
    const held = officers.filter((o) => o.userId === person);
    if (person && held.length > 0) {
      const details = await loadOfficerDetails(db, person);
      // Someone else's private details are recorded as read; an organiser who is an officer
      // opening their own is shown what they typed themselves, which records nothing anyone
      // needs to account for (they see the same on their own part of the page unrecorded).
      if (person !== user.id) await recordOfficerDetailsOpened(db, { id: user.id, label: user.email }, { userId: person, roles: held.map((o) => o.role) });
      opened = {
        name: held[0]!.name,
        roles: held.map((o) => roleTitles[o.role]),
        fullName: details?.fullName ?? "",
        homeAddress: details?.homeAddress ?? "",
        email: details?.email ?? "",
        confirmed: Object.fromEntries(
          held.flatMap((o) => (details?.confirmations[o.role] ? [[roleTitles[o.role], formatDateTime(details.confirmations[o.role]!)]] : [])),
        ),
      };
    } else if (person) return null;
  }
  return {
    roles,
    own: own ? { fullName: own.fullName, homeAddress: own.homeAddress, email: own.email, confirmations: own.confirmations } : null,
    // What the officer's form was loaded with (optimistic concurrency, app/utils/stale-edit.ts).
    version: editVersion(officerShown(own, roles)),
    officers: officers.map((o) => ({ userId: o.userId, name: o.name, role: roleTitles[o.role], detailsComplete: o.detailsComplete, confirmed: o.confirmed })),
    organiser,
    opened,
  };
}
