/** What the Trustees page (routes/trustees._index.tsx) shows: who holds the key of each vote on the road (decision 048). */
import type { DbOrTx } from "~/utils/db.server";
import { isAllowed, type Principal } from "~/utils/permissions";
import { scopeTrusteesSummary, type TrusteeScope } from "./encrypted/scope-trustees.server";

/** Each part the page shows, with its trustee sets; and whether this viewer may name trustees. */
export async function trusteesPageView(db: DbOrTx, viewer: { principal: Principal; userId: string | null }, shown: readonly TrusteeScope[]) {
  const canName = isAllowed(viewer.principal, "trustees.name");
  // Names are for signed-in people, as on the Elections page.
  const parts = await Promise.all(
    shown.map(async (scope) => ({ scope, sets: await scopeTrusteesSummary(db, scope, viewer.userId, { names: viewer.userId !== null }) })),
  );
  return { parts, canName };
}
