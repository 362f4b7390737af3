import { Link } from "@remix-run/react";
import { tryTheDemoText as t } from "../../messages";

/** The made-up people's addresses to sign in with, and where their sign-in links arrive. */
export function TryTheDemo({ emails }: { emails: readonly string[] }) {
  return (
    <section className="panel" aria-labelledby="demo-title">
      <h2 id="demo-title">{t.heading}</h2>
      <p>
        {t.beforeSignIn}
        <Link to="/login">{t.signInLink}</Link>
        {t.beforeMailbox}
        <Link to="/dev/outbox">{t.mailboxLink}</Link>
        {t.afterMailbox}
      </p>
      <ul className="list">
        {emails.map((email) => (
          <li key={email}>
            <code>{email}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
