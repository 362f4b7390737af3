/** What the Emblems page (routes/registration.emblems.tsx) shows: each emblem uploaded, with its answers. */
import type { DbOrTx } from "~/utils/db.server";
import { listEmblems } from "./registration.server";

export async function emblemsPageView(db: DbOrTx) {
  const emblems = await listEmblems(db);
  return { emblems: emblems.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })) };
}
