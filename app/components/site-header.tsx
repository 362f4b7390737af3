import { Form, NavLink } from "@remix-run/react";

export interface HeaderUser {
  displayName: string;
  email: string;
  role: string;
}

const sections = [
  { to: "/campaign", label: "Campaign" },
  { to: "/polls", label: "Polls" },
  { to: "/constitution", label: "Constitution" },
  { to: "/elections", label: "Elections" },
  { to: "/registration", label: "Registration" },
];

export const roleLabels: Record<string, string> = {
  member: "Member",
  organiser: "Organiser",
  returning_officer: "Returning officer",
};

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
                <span className="visually-hidden">Signed in as </span>
                {user.displayName}
                <span className="tag">{roleLabels[user.role] ?? user.role}</span>
              </a>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <a href="/login">Sign in</a>
          )}
        </div>
      </div>
      <nav aria-label="Main" className="site-nav">
        <ul className="site-nav__list">
          <li>
            <NavLink to="/" end>
              Home
            </NavLink>
          </li>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{s.label}</NavLink>
            </li>
          ))}
          {canManageRoles ? (
            <li>
              <NavLink to="/roles">Roles</NavLink>
            </li>
          ) : null}
          {canReadAudit ? (
            <li>
              <NavLink to="/audit">Audit log</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
