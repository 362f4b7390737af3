/** What the Application details page (routes/registration.details.tsx) shows: the draft as the forms' values, and the elected people to choose from. */
import type { DbOrTx } from "~/utils/db.server";
import { editVersion } from "~/utils/stale-edit";
import { draftSectionIds, draftToValues, sectionValues, type DraftSection } from "./draft-form";
import { electedPeople, loadDraft } from "./registration.server";

export async function detailsPageView(db: DbOrTx) {
  const [draft, people] = await Promise.all([loadDraft(db), electedPeople(db)]);
  const values = draftToValues(draft.details);
  // Each section's form carries the version of what it shows (optimistic concurrency, app/utils/stale-edit.ts).
  const versions = Object.fromEntries(draftSectionIds.map((s) => [s, editVersion(sectionValues(values, s))])) as Record<DraftSection, string>;
  return { values, versions, people, updatedAt: draft.updatedAt?.toISOString() ?? null };
}
