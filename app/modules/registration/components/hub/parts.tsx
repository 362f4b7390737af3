import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { draftSectionIds } from "../../draft-form";
import { registrationHubText as t } from "../../hub-messages";
import type { RegistrationHubView } from "../../hub-view.server";
import { partStatusLabels, sectionTitles, type PartStatus } from "../../messages";

type Parts = NonNullable<RegistrationHubView["manage"]>;

function Status({ status }: { status: string }) {
  const s = status as PartStatus;
  return (
    <strong className={`status-tag${s === "complete" ? " status-tag--open" : s === "not-started" ? " status-tag--closed" : ""}`}>{partStatusLabels[s]}</strong>
  );
}

/** Each part of the application, with its status and how far it has come. */
export function PartsTable({ parts, adopted }: { parts: Parts; adopted: boolean }) {
  const { fail, warning, pass } = parts.readiness;
  return (
    <TableScroll label={t.parts}>
      <table className="table">
        <caption className="visually-hidden">{t.parts}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.part}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.progress}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <Link to="/registration/details">{t.details}</Link>
            </td>
            <td>
              <Status status={parts.details.status} />
            </td>
            <td>{t.sectionsAnswered(parts.details.answered, parts.details.total)}</td>
          </tr>
          <tr>
            <td>
              <Link to="/registration/emblems">{t.emblems}</Link>
            </td>
            <td>
              <Status status={parts.emblems.status} />
            </td>
            <td>{t.emblemsUploaded(parts.emblems.count)}</td>
          </tr>
          <tr>
            <td>
              <Link to="/registration/officer">{t.officers}</Link>
            </td>
            <td>
              <Status status={parts.officers.status} />
            </td>
            <td>{parts.officers.total === 0 ? t.noOfficers : t.officersComplete(parts.officers.done, parts.officers.total)}</td>
          </tr>
          <tr>
            <td>
              <Link to="/registration/names">{t.names}</Link>
            </td>
            <td>
              <Status status={parts.names.status} />
            </td>
            <td>{t.namesLoaded(parts.names.count)}</td>
          </tr>
          <tr>
            <td>
              <Link to="/registration/financial-scheme">{t.scheme}</Link>
            </td>
            <td>
              <Status status={parts.scheme.status} />
            </td>
            <td>{parts.scheme.progress}</td>
          </tr>
          <tr>
            <td>
              <Link to="/registration/readiness">{t.readiness}</Link>
            </td>
            <td>
              <Status status={fail > 0 ? "in-progress" : "complete"} />
            </td>
            <td>{t.readinessCounts(fail, warning, pass)}</td>
          </tr>
          <tr>
            <td>
              <Link to="/registration/documents">{t.documents}</Link>
            </td>
            <td>
              <Status status={parts.documents.status} />
            </td>
            <td>{!adopted ? t.documentsWaiting : fail > 0 ? t.documentsToPutRight : t.documentsReady}</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Every section of the application, each a link to its place on the details page. */
export function ApplicationSections() {
  return (
    <>
      <h2>{t.sections}</h2>
      <ul className="list">
        {draftSectionIds.map((s) => (
          <li key={s}>
            <Link to={`/registration/details#section-${s}`}>{sectionTitles[s]}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
