import { Link } from "@remix-run/react";
import { roleLabels } from "~/components/messages";
import { formatDateTime } from "~/utils/dates";
import { accountPageText } from "../../account-messages";

/** Who is signed in: name, address, role, and how long this sign-in lasts. */
export function YourDetails({ details: a }: { details: { displayName: string; email: string; role: string; sessionExpires: string } }) {
  const t = accountPageText.details;
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t.name}</dt>
        <dd>{a.displayName}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t.email}</dt>
        <dd>{a.email}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t.role}</dt>
        <dd>
          {roleLabels[a.role] ?? a.role}
          {t.whoHoldsWhich.before}
          <Link to="/roles">{t.whoHoldsWhich.link}</Link>
          {t.whoHoldsWhich.after}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t.signInLasts}</dt>
        <dd>{t.signInEnds(formatDateTime(a.sessionExpires))}</dd>
      </div>
    </dl>
  );
}
