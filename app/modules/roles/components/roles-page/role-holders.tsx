import type { FieldErrors } from "~/components/forms";
import { roleDescriptions } from "../../messages";
import { rolesPageText as t } from "../../page-messages";
import type { RolesPageView } from "../../page-view.server";
import { Holder } from "./holder";

interface HoldersProps {
  view: RolesPageView;
  errors: FieldErrors;
  busy: boolean;
}

/** The returning officer, or what waits until there is one. */
export function ReturningOfficer({ view, errors, busy }: HoldersProps) {
  const ro = view.returningOfficer;
  return (
    <section aria-labelledby="ro-title">
      <h2 id="ro-title">{t.returningOfficer.heading}</h2>
      <p>{roleDescriptions.returning_officer}</p>
      {ro ? (
        <Holder holder={ro} office="returning_officer" canManage={view.canManage} errors={errors} busy={busy} />
      ) : (
        <p className="inset-text">{t.returningOfficer.none(view.canManage)}</p>
      )}
    </section>
  );
}

export function Organisers({ view, errors, busy }: HoldersProps) {
  return (
    <section aria-labelledby="holders-title">
      <h2 id="holders-title">{t.organisers.heading}</h2>
      <p>{roleDescriptions.organiser}</p>
      <ul className="list">
        {view.organisers.map((o) => (
          <li key={o.id}>
            <Holder holder={o} office="organiser" canManage={view.canManage} errors={errors} busy={busy} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who may hold which roles together (role-rules.ts), and the two rules about removing. */
export function RoleRules({ rules }: { rules: readonly string[] }) {
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{t.rules.heading}</h2>
      <ul className="list">
        {rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
        <li>{t.rules.alwaysAnOrganiser}</li>
        <li>{t.rules.returningOfficerReplaced}</li>
      </ul>
    </section>
  );
}
