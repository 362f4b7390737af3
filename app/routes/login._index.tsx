import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, NotificationBanner, TextField, type FieldErrors } from "~/components/forms";
import { signInMessages } from "~/modules/auth/messages";
import { safeRedirectPath } from "~/modules/auth/redirect";
import { requestSignInLink } from "~/modules/auth/sign-in.server";
import { requirePermission } from "~/utils/auth.server";
import { isEmailAddress } from "~/utils/email";
import { formValues, parseForm } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: "Sign in - Breakaway" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "session.start");
  const url = new URL(request.url);
  return {
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo")),
    signedInAs: context.auth?.user.email ?? null,
  };
}

const signInForm = z.object({
  email: z.string().trim().min(1, { error: signInMessages.emailMissing }).refine(isEmailAddress, { error: signInMessages.emailFormat }),
  redirectTo: z.string().optional(),
});

type ActionResult = { sent: true; email: string } | { sent: false; errors: FieldErrors; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(request, context, "session.start");
  const form = formValues(await request.formData());
  const parsed = parseForm(signInForm, form);
  const email = form.email ?? "";
  if (!parsed.ok) return data<ActionResult>({ sent: false, errors: parsed.errors, email }, { status: 400 });
  const result = await requestSignInLink(context.db, {
    email: parsed.data.email,
    ip: context.clientIp,
    redirectTo: parsed.data.redirectTo,
    appUrl: context.env.appUrl,
    secret: context.env.appSecret,
  });
  if (!result.ok) {
    const message = { ip: signInMessages.rateLimitedIp, email: signInMessages.rateLimitedEmail, overall: signInMessages.rateLimitedOverall }[result.limitedBy];
    return data<ActionResult>({ sent: false, errors: { email: message }, email }, { status: 429 });
  }
  return data<ActionResult>({ sent: true, email: parsed.data.email });
}

export default function Login() {
  const { redirectTo, signedInAs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";

  if (result?.sent) {
    return (
      <div className="page page--narrow">
        <h1>Check your email</h1>
        <p>
          If <strong>{result.email}</strong> belongs to someone in this movement, we have sent a sign-in link to it.
        </p>
        <p>The link works once, for 15 minutes. It can take a few minutes to arrive; check your spam folder too.</p>
        <p>
          <a href="/login">Use a different email address</a>
        </p>
      </div>
    );
  }

  const errors = result && !result.sent ? result.errors : {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>Sign in</h1>
      {signedInAs ? (
        <NotificationBanner title="You are already signed in">
          <p>You are signed in as {signedInAs}. Signing in again replaces nothing.</p>
        </NotificationBanner>
      ) : null}
      <p>We will email you a link to sign in. There is no password to remember.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label="Email address"
          hint="Use the address you gave when you pledged or were invited."
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={result?.email ?? ""}
          error={errors.email}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Sending…" : "Send me a sign-in link"}
        </button>
      </Form>
    </div>
  );
}
