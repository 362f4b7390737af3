import { systemActor, type Actor } from "../../app/modules/audit/audit.server";
import { createElection } from "../../app/modules/elections/setup.server";
import type { Db } from "../../app/utils/db.server";

/**
 * The officer election open for nominations since a minute ago, as the tests' starting point:
 * the registered offices only unless the options add a committee or a campaigns officer. Closing
 * in an hour unless `nominationsCloseAt` says otherwise (tests that go on to open the ballots
 * give the period the standing orders set, tests/support/periods.ts).
 */
export async function electionOpenForNominations(
  db: Db,
  options: { actor?: Actor; nominationsCloseAt?: Date; committeeSeats?: number; campaignsOfficer?: boolean } = {},
): Promise<void> {
  const created = await createElection(db, options.actor ?? systemActor(), {
    title: "Interim officers",
    nominationsOpenAt: new Date(Date.now() - 60_000),
    nominationsCloseAt: options.nominationsCloseAt ?? new Date(Date.now() + 3600_000),
    campaignsOfficer: options.campaignsOfficer ?? false,
    committeeSeats: options.committeeSeats ?? 0,
  });
  if (!created.ok) throw new Error(`election: ${created.code}`);
}
