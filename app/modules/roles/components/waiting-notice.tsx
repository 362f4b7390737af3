import { Link } from "@remix-run/react";
import { goToRolesPage, type WaitingNotice as Notice } from "~/modules/roles/messages";

/**
 * What the page is waiting for and who can move it on (app/modules/roles/waiting-for.ts), as
 * GOV.UK inset text: a note, not an alert, read in its place on the page.
 */
export function WaitingNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <div className="inset-text" role="note" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{notice.title}</h2>
      <p>
        {notice.text}
        {notice.roles ? (
          <>
            {" "}
            <Link to="/roles">{goToRolesPage}</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
