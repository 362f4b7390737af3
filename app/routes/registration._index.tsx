import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { draftSectionIds, sectionAnswered, type DraftSection } from "~/modules/registration/draft-form";
import { partStatusLabels, registrationText, roleTitles, sectionTitles, type PartStatus } from "~/modules/registration/messages";
import { loadReadiness } from "~/modules/registration/readiness.server";
import { listEmblems, loadDraft, officerCompletion, registeredNamesSummary, rolesHeldBy } from "~/modules/registration/registration.server";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Registration - Breakaway" }];

/** Sections every application answers; the others are needed only in some cases. */
const requiredSections: readonly DraftSection[] = ["register", "party-type", "name", "headquarters", "accounting-units", "financial-year", "assets", "third-party"];

function status(done: number, total: number): PartStatus {
  return done === 0 ? "not-started" : done >= total ? "complete" : "in-progress";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const roles = auth ? await rolesHeldBy(context.db, auth.user.id) : [];
  if (!isAllowed(principalOf(context), "registration.manage")) return { manage: null, roles };
  const [draft, emblems, names, officers, checks] = await Promise.all([
    loadDraft(context.db),
    listEmblems(context.db),
    registeredNamesSummary(context.db, 0),
    officerCompletion(context.db),
    loadReadiness(context.db),
  ]);
  const answered = draftSectionIds.filter((s) => sectionAnswered(draft.details, s));
  const requiredAnswered = requiredSections.filter((s) => answered.includes(s)).length;
  const officersDone = officers.filter((o) => o.detailsComplete && o.confirmed).length;
  return {
    roles,
    manage: {
      details: { status: answered.length === 0 ? "not-started" : status(requiredAnswered, requiredSections.length), answered: answered.length, total: draftSectionIds.length },
      emblems: { status: emblems.length > 0 ? "complete" : "not-started", count: emblems.length },
      names: { status: names.total > 0 ? "complete" : "not-started", count: names.total },
      officers: { status: officers.length === 0 ? "not-started" : status(officersDone, officers.length), done: officersDone, total: officers.length },
      readiness: {
        fail: checks.filter((c) => c.status === "fail").length,
        warning: checks.filter((c) => c.status === "warning").length,
        pass: checks.filter((c) => c.status === "pass").length,
      },
    } satisfies Record<string, unknown>,
  };
}

function Status({ status }: { status: string }) {
  const s = status as PartStatus;
  return <strong className={`status-tag${s === "complete" ? " status-tag--open" : s === "not-started" ? " status-tag--closed" : ""}`}>{partStatusLabels[s]}</strong>;
}

export default function RegistrationHub() {
  const { manage, roles } = useLoaderData<typeof loader>();
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
              <Link to="/registration/readiness">Readiness checks</Link>
            </td>
            <td>
              <Status status={fail > 0 ? "in-progress" : "complete"} />
            </td>
            <td>
              {fail} {fail === 1 ? "fail" : "fails"}, {warning} {warning === 1 ? "warning" : "warnings"}, {pass} passed
            </td>
          </tr>
        </tbody>
      </table>
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
