/**
 * What the home page (routes/_index.tsx) shows: the campaign as it stands, the visitor's next
 * steps, a notice after signing out or erasure, and in the demo the people to sign in as. The
 * next steps and the demo's people are peers of the road (docs/architecture.md): the page passes them in.
 */
import { countConfirmedPledges, getMovement, listDemands } from "~/modules/campaign/campaign.server";
import type { SessionUser } from "~/utils/context.server";
import type { DbOrTx } from "~/utils/db.server";
import type { AppEnv } from "~/utils/env.server";
import { outboxPageAvailable } from "~/utils/features.server";
import type { HomeNotice } from "./home-messages";
import { campaignStatusNow } from "./status-line.server";

export interface HomeParts<Steps> {
  /** The signed-in person's next steps, worded (next-steps). */
  nextSteps: (db: DbOrTx, user: SessionUser) => Promise<Steps>;
  /** The demo's people to sign in as (demo), shown where the demo's mailbox is. */
  demoEmails: string[];
}

export async function homePageView<Steps>(db: DbOrTx, env: AppEnv, user: SessionUser | null, search: URLSearchParams, parts: HomeParts<Steps>) {
  const [m, demands, pledged, demoMailbox, campaignStatus, steps] = await Promise.all([
    getMovement(db),
    listDemands(db),
    countConfirmedPledges(db),
    outboxPageAvailable(env, db),
    // Where the campaign stands, derived from the state (decision 039).
    campaignStatusNow(db),
    // Signed in: their own tasks first, derived afresh from the state (modules/next-steps).
    user ? parts.nextSteps(db, user) : null,
  ]);
  return {
    steps,
    movement: m ? { name: m.name, partyName: m.partyName, statement: m.statement, deadline: m.deadline.toISOString() } : null,
    campaignStatus,
    demandCount: demands.length,
    pledged,
    user: user ? { displayName: user.displayName, role: user.role } : null,
    notice: homeNotice(search),
    demo: demoMailbox && env.demoMode ? parts.demoEmails : null,
  };
}

/** Why the page was opened, from its address. */
function homeNotice(search: URLSearchParams): HomeNotice | null {
  if (search.get("removed")) return "removed";
  if (search.get("signedOut") === "everywhere") return "signedOutEverywhere";
  return search.get("signedOut") ? "signedOut" : null;
}
