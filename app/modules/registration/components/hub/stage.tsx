import { Link } from "@remix-run/react";
import type { RegisteredRole } from "~/modules/elections/officer-rules";
import { registrationHubText as t } from "../../hub-messages";
import { registrationText, roleTitles } from "../../messages";

/** For a registered officer: the roles they hold, and where to give their details. */
export function OfficerLink({ roles }: { roles: readonly RegisteredRole[] }) {
  if (roles.length === 0) return null;
  return (
    <p>
      {t.officerBefore(roles.map((r) => roleTitles[r].toLowerCase()).join(t.and))}
      <Link to="/registration/officer">{t.officerLink}</Link>
      {t.officerAfter}
    </p>
  );
}

/** For those who do not manage registration: what it is, and how far the founding has come. */
export function WhereThingsStand({ stage }: { stage: { adopted: boolean; officersDeclared: boolean } }) {
  return (
    <>
      <p className="lead">{registrationText.visitorLead}</p>
      <p>{registrationText.visitorWhen}</p>
      <h2>{t.whereThingsStand}</h2>
      <ul className="list">
        <li>{stage.adopted ? registrationText.stageAdopted : registrationText.stageNotAdopted}</li>
        <li>{stage.officersDeclared ? registrationText.stageDeclared : registrationText.stageNotDeclared}</li>
      </ul>
    </>
  );
}
