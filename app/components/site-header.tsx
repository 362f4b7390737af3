import { Form, NavLink } from "@remix-run/react";
import { headerText as t, roleLabels } from "./messages";

export interface HeaderUser {
  displayName: string;
  email: string;
  role: string;
}

const sections = [
  { to: "/campaign", label: t.sections.campaign },
  { to: "/polls", label: t.sections.polls },
  { to: "/constitution", label: t.sections.constitution },
  { to: "/elections", label: t.sections.elections },
  { to: "/registration", label: t.sections.registration },
];

export function SiteHeader({
  movementName,
  user,
  canReadAudit,
  canManageRoles,
}: {
  movementName: string;
  user: HeaderUser | null;
  canReadAudit: boolean;
  canManageRoles: boolean;
}) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__name">
          {movementName}
        </a>
        <div className="site-header__account">
          {user ? (
            <>
              <a href="/account" className="site-header__user">
                <span className="visually-hidden">{t.signedInAs}</span>
                {user.displayName}
                <span className="tag">{roleLabels[user.role] ?? user.role}</span>
              </a>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t.signOut}
                </button>
              </Form>
            </>
          ) : (
            <a href="/login">{t.signIn}</a>
          )}
        </div>
      </div>
      <nav aria-label={t.navigation} className="site-nav">
        <ul className="site-nav__list">
          <li>
            <NavLink to="/" end>
              {t.home}
            </NavLink>
          </li>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{s.label}</NavLink>
            </li>
          ))}
          {canManageRoles ? (
            <li>
              <NavLink to="/roles">{t.roles}</NavLink>
            </li>
          ) : null}
          {canReadAudit ? (
            <li>
              <NavLink to="/audit">{t.auditLog}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
