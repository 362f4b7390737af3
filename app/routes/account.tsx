import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { roleLabels } from "~/components/site-header";
import { clearedSessionCookie } from "~/modules/auth/session.server";
import { signOutEverywhere } from "~/modules/auth/sign-out.server";
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
  if (form.get("intent") !== "sign-out-everywhere") return data({ error: "Unknown request" }, { status: 400 });
  await signOutEverywhere(context.db, user);
  return redirect("/?signedOut=everywhere", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
}

export default function Account() {
  const a = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
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
          <dd>{roleLabels[a.role] ?? a.role}</dd>
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
    </div>
  );
}
