/**
 * What the Registration page shows (routes/registration._index.tsx): where the founding stands
 * and the viewer's registered roles for everyone, and for those who manage registration each
 * part of the application with its status and progress.
 */
import { latestVersion } from "~/modules/constitution/round.server";
import type { Db } from "~/utils/db.server";
import { isAllowed, type Principal } from "~/utils/permissions";
import { draftSectionIds, sectionAnswered, type DraftSection } from "./draft-form";
import { financialSchemeState } from "./financial-scheme.server";
import type { PartStatus } from "./messages";
import { loadReadiness } from "./readiness.server";
import { listEmblems, loadDraft, officerCompletion, officersDeclared, registeredNamesSummary, rolesHeldBy } from "./registration.server";
import { schemeSections, schemeStatus } from "./scheme-status";

/** Sections every application answers; the others are needed only in some cases. */
const requiredSections: readonly DraftSection[] = [
  "register",
  "party-type",
  "name",
  "headquarters",
  "accounting-units",
  "financial-year",
  "assets",
  "third-party",
];

function status(done: number, total: number): PartStatus {
  return done === 0 ? "not-started" : done >= total ? "complete" : "in-progress";
}

export async function registrationHubView(db: Db, viewer: { principal: Principal; userId: string | null }) {
  const [roles, version, declared] = await Promise.all([viewer.userId ? rolesHeldBy(db, viewer.userId) : [], latestVersion(db), officersDeclared(db)]);
  // Where the founding stands, so everyone can see whether registration has started.
  const stage = { adopted: version !== null, officersDeclared: declared };
  if (!isAllowed(viewer.principal, "registration.manage")) return { manage: null, roles, stage };
  const [draft, emblems, names, officers, checks, scheme] = await Promise.all([
    loadDraft(db),
    listEmblems(db),
    registeredNamesSummary(db, 0),
    officerCompletion(db),
    loadReadiness(db),
    // Null when the model scheme file is missing: the readiness checks report that as a fail.
    financialSchemeState(db).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }),
  ]);
  const fails = checks.filter((c) => c.status === "fail").length;
  const answered = draftSectionIds.filter((s) => sectionAnswered(draft.details, s));
  const requiredAnswered = requiredSections.filter((s) => answered.includes(s)).length;
  const officersDone = officers.filter((o) => o.detailsComplete && o.confirmed).length;
  return {
    roles,
    stage,
    manage: {
      details: {
        status: answered.length === 0 ? "not-started" : status(requiredAnswered, requiredSections.length),
        answered: answered.length,
        total: draftSectionIds.length,
      },
      emblems: { status: emblems.length > 0 ? "complete" : "not-started", count: emblems.length },
      names: { status: names.total > 0 ? "complete" : "not-started", count: names.total },
      officers: { status: officers.length === 0 ? "not-started" : status(officersDone, officers.length), done: officersDone, total: officers.length },
      // From the scheme's state: complete only once adopted by ballot (decision 039).
      scheme: schemeStatus({
        modelRead: scheme !== null,
        adopted: scheme?.adopted ?? false,
        ballot: Boolean(scheme?.ballot),
        edited: scheme?.edited ?? false,
        sectionsAnswered: schemeSections.filter((s) => answered.includes(s)).length,
        treasurerNamed: Boolean(scheme?.treasurerName),
      }),
      // The pack is ready to file once the constitution is adopted and no check fails. Whether
      // its PDF is already rendered is not shown: knowing costs as much as gathering the pack.
      documents: { status: !stage.adopted ? "not-started" : fails > 0 ? "in-progress" : "complete" },
      readiness: {
        fail: fails,
        warning: checks.filter((c) => c.status === "warning").length,
        pass: checks.filter((c) => c.status === "pass").length,
      },
    } satisfies Record<string, unknown>,
  };
}

export type RegistrationHubView = Awaited<ReturnType<typeof registrationHubView>>;
