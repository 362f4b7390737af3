import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmCheckbox, ErrorSummary, NotificationBanner, TextField } from "~/components/forms";
import { roleLabels } from "~/components/site-header";
import { clearedSessionCookie } from "~/modules/auth/session.server";
import { signOutEverywhere } from "~/modules/auth/sign-out.server";
import { pendingEmailChange, requestEmailChange } from "~/modules/auth/email-change.server";
import { emailChangeMessages, eraseRefusedMessages } from "~/modules/users/messages";
import { eraseAccount } from "~/modules/users/personal-data.server";
import { isEmailAddress } from "~/utils/email";
import { MAX_EMAIL_LENGTH } from "~/utils/input-limits";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Your account - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = requireUser(request, context, "account.manage");
  const pending = await pendingEmailChange(context.db, user.id);
  return {
    pendingEmail: pending?.newEmail ?? null,
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
  if (intent === "change-email") {
    const newEmail = String(form.get("newEmail") ?? "").trim();
    const fail = (error: string, status = 400) => data<ActionData>({ errors: { newEmail: error }, newEmail }, { status });
    if (newEmail === "") return fail(emailChangeMessages.emailMissing);
    if (newEmail.length > MAX_EMAIL_LENGTH || !isEmailAddress(newEmail)) return fail(emailChangeMessages.emailFormat);
    const result = await requestEmailChange(context.db, user, { newEmail, ip: context.clientIp, appUrl: context.env.appUrl, secret: context.env.appSecret });
    if (!result.ok) return fail(emailChangeMessages[result.code], result.code === "rate_limited" ? 429 : 400);
    return data<ActionData>({ sent: newEmail });
  }
  if (intent === "erase") {
    if (form.get("confirmErase") !== "yes")
      return data<ActionData>({ errors: { confirmErase: "Tick the box to confirm that you want your information removed" } }, { status: 400 });
    const erased = await eraseAccount(context.db, user.id);
    if (!erased.ok && erased.code !== "not_found") return data<ActionData>({ errors: { confirmErase: eraseRefusedMessages[erased.code] } }, { status: 409 });
    return redirect("/?removed=1", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
  }
  if (intent !== "sign-out-everywhere") return data<ActionData>({ errors: { confirmErase: "Unknown request" } }, { status: 400 });
  await signOutEverywhere(context.db, user);
  return redirect("/?signedOut=everywhere", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
}

type ActionData = { errors?: Record<string, string>; newEmail?: string; sent?: string };

export default function Account() {
  const a = useLoaderData<typeof loader>();
  const result: ActionData | undefined = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>Your account</h1>
      {result?.sent ? (
        <NotificationBanner title="Check your email" kind="success">
          <p>{emailChangeMessages.sent(result.sent)}</p>
        </NotificationBanner>
      ) : null}
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
          <dd>{formatDateTime(a.sessionExpires)} (it extends while you use the site)</dd>
        </div>
      </dl>
      <h2>Change your email address</h2>
      {a.pendingEmail && !result?.sent ? <p>{emailChangeMessages.pending(a.pendingEmail)}</p> : null}
      <p>
        We send a link to the new address and another to the address you use now. Your address changes only when both links have been followed. You stay signed
        in.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="change-email" />
        <TextField
          name="newEmail"
          type="email"
          label="New email address"
          autoComplete="email"
          spellCheck={false}
          defaultValue={result?.newEmail ?? ""}
          error={errors.newEmail}
        />
        <button type="submit" className="button button--secondary">
          Send the links
        </button>
      </Form>
      <h2>Sign out everywhere</h2>
      <p>If you signed in on a shared computer or lost a phone, sign out on every device at once. You will need a new sign-in link afterwards.</p>
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
        We will delete your name, email address, postcode and membership details, and sign you out. Counts and anonymous ballots stay as they are, so results do
        not change. Records of actions you took as an organiser stay in the audit log. This cannot be undone.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="erase" />
        <ConfirmCheckbox name="confirmErase" label="I understand: remove my information" error={errors.confirmErase} />
        <button type="submit" className="button button--warning">
          Remove my information
        </button>
      </Form>
    </div>
  );
}
