import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { roleLabels } from "~/components/site-header";
import { clearedSessionCookie } from "~/modules/auth/session.server";
import { signOutEverywhere } from "~/modules/auth/sign-out.server";
import { eraseAccount } from "~/modules/users/personal-data.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Your account - Breakaway" }];

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

export function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = requireUser(request, context, "account.manage");
  return {
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    sessionExpires: session.expiresAt.toISOString(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "account.manage");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "erase") {
    if (form.get("confirmErase") !== "yes") return data({ error: "Tick the box to confirm that you want your information removed" }, { status: 400 });
    await eraseAccount(context.db, user.id);
    return redirect("/?removed=1", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
  }
  if (intent !== "sign-out-everywhere") return data({ error: "Unknown request" }, { status: 400 });
  await signOutEverywhere(context.db, user);
  return redirect("/?signedOut=everywhere", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
}

export default function Account() {
  const a = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={result?.error ? { confirmErase: result.error } : {}} />
      <h1>Your account</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Name</dt>
          <dd>{a.displayName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Email</dt>
          <dd>{a.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Role</dt>
          <dd>
            {roleLabels[a.role] ?? a.role} (<Link to="/roles">who holds which role</Link>)
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>This sign-in lasts until</dt>
          <dd>{dateTime.format(new Date(a.sessionExpires))} (it extends while you use the site)</dd>
        </div>
      </dl>
      <h2>Sign out everywhere</h2>
      <p>
        If you signed in on a shared computer or lost a phone, sign out on every device at once. You will need a new
        sign-in link afterwards.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="button button--warning">
          Sign out everywhere
        </button>
      </Form>
      <h2>Your information</h2>
      <p>
        <a href="/account/data.json" download>
          Download everything we hold about you
        </a>{" "}
        (a JSON file: your account, pledge, founding membership, the polls you voted in, and mail we sent you).
      </p>
      <h3>Remove your information</h3>
      <p>
        We will delete your name, email address, postcode and membership details, and sign you out. Counts and anonymous ballots stay as
        they are, so results do not change. Records of actions you took as an organiser stay in the audit log. This cannot be undone.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="erase" />
        <div className={`form-group${result?.error ? " form-group--error" : ""}`}>
          {result?.error ? <p className="error-message">{result.error}</p> : null}
          <div className="radios__item">
            <input type="checkbox" id="confirmErase" name="confirmErase" value="yes" />
            <label htmlFor="confirmErase">I understand: remove my information</label>
          </div>
        </div>
        <button type="submit" className="button button--warning">
          Remove my information
        </button>
      </Form>
    </div>
  );
}
