import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { latestVersion } from "~/modules/constitution/round.server";
import { draftSectionIds, sectionAnswered, type DraftSection } from "~/modules/registration/draft-form";
import { partStatusLabels, registrationText, roleTitles, sectionTitles, type PartStatus } from "~/modules/registration/messages";
import { financialSchemeState } from "~/modules/registration/financial-scheme.server";
import { schemeSections, schemeStatus } from "~/modules/registration/scheme-status";
import { loadReadiness } from "~/modules/registration/readiness.server";
import { listEmblems, loadDraft, officerCompletion, officersDeclared, registeredNamesSummary, rolesHeldBy } from "~/modules/registration/registration.server";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = () => [{ title: "Registration - Breakaway" }];

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

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const [roles, version, declared] = await Promise.all([
    auth ? rolesHeldBy(context.db, auth.user.id) : [],
    latestVersion(context.db),
    officersDeclared(context.db),
  ]);
  // Where the founding stands, so everyone can see whether registration has started.
  const stage = { adopted: version !== null, officersDeclared: declared };
  if (!isAllowed(principalOf(context), "registration.manage")) return { manage: null, roles, stage };
  const [draft, emblems, names, officers, checks, scheme] = await Promise.all([
    loadDraft(context.db),
    listEmblems(context.db),
    registeredNamesSummary(context.db, 0),
    officerCompletion(context.db),
    loadReadiness(context.db),
    // Null when the model scheme file is missing: the readiness checks report that as a fail.
    financialSchemeState(context.db).catch((error: unknown) => {
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

function Status({ status }: { status: string }) {
  const s = status as PartStatus;
  return (
    <strong className={`status-tag${s === "complete" ? " status-tag--open" : s === "not-started" ? " status-tag--closed" : ""}`}>{partStatusLabels[s]}</strong>
  );
}

export default function RegistrationHub() {
  const { manage, roles, stage } = useLoaderData<typeof loader>();
  const officerLink =
    roles.length > 0 ? (
      <p>
        You are the party&apos;s {roles.map((r) => roleTitles[r].toLowerCase()).join(" and ")}.{" "}
        <Link to="/registration/officer">Give your details and confirm your declaration</Link>.
      </p>
    ) : null;
  if (!manage) {
    return (
      <div className="page">
        <h1>Registration</h1>
        <p className="lead">{registrationText.visitorLead}</p>
        <p>{registrationText.visitorWhen}</p>
        <h2>Where things stand</h2>
        <ul className="list">
          <li>{stage.adopted ? registrationText.stageAdopted : registrationText.stageNotAdopted}</li>
          <li>{stage.officersDeclared ? registrationText.stageDeclared : registrationText.stageNotDeclared}</li>
        </ul>
        {officerLink}
      </div>
    );
  }
  const { fail, warning, pass } = manage.readiness;
  return (
    <div className="page">
      <h1>Registration</h1>
      <p className="lead">{registrationText.hubLead}</p>
      {officerLink}
      <TableScroll label="Parts of the application and their status">
        <table className="table">
          <caption className="visually-hidden">Parts of the application and their status</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <Link to="/registration/details">Application details</Link>
              </td>
              <td>
                <Status status={manage.details.status} />
              </td>
              <td>
                {manage.details.answered} of {manage.details.total} sections answered
              </td>
            </tr>
            <tr>
              <td>
                <Link to="/registration/emblems">Emblems</Link>
              </td>
              <td>
                <Status status={manage.emblems.status} />
              </td>
              <td>{manage.emblems.count} of 3 uploaded (emblems are optional)</td>
            </tr>
            <tr>
              <td>
                <Link to="/registration/officer">Officers&apos; details and declarations</Link>
              </td>
              <td>
                <Status status={manage.officers.status} />
              </td>
              <td>{manage.officers.total === 0 ? "No officers declared yet" : `${manage.officers.done} of ${manage.officers.total} complete`}</td>
            </tr>
            <tr>
              <td>
                <Link to="/registration/names">Names already registered</Link>
              </td>
              <td>
                <Status status={manage.names.status} />
              </td>
              <td>{manage.names.count.toLocaleString("en-GB")} names loaded, for the similarity checks</td>
            </tr>
            <tr>
              <td>
                <Link to="/registration/financial-scheme">Financial scheme</Link>
              </td>
              <td>
                <Status status={manage.scheme.status} />
              </td>
              <td>{manage.scheme.progress}</td>
            </tr>
            <tr>
              <td>
                <Link to="/registration/readiness">Readiness checks</Link>
              </td>
              <td>
                <Status status={fail > 0 ? "in-progress" : "complete"} />
              </td>
              <td>
                {fail} {fail === 1 ? "fail" : "fails"}, {warning} {warning === 1 ? "warning" : "warnings"}, {pass} passed
              </td>
            </tr>
            <tr>
              <td>
                <Link to="/registration/documents">Documents and the pack</Link>
              </td>
              <td>
                <Status status={manage.documents.status} />
              </td>
              <td>
                {!stage.adopted
                  ? "Waiting for the adopted constitution (the other documents can be downloaded now)"
                  : fail > 0
                    ? "Can be downloaded; put the failed checks right before you file"
                    : "Ready to download and file"}
              </td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <h2>Sections of the application</h2>
      <ul className="list">
        {draftSectionIds.map((s) => (
          <li key={s}>
            <Link to={`/registration/details#section-${s}`}>{sectionTitles[s]}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
