import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useFormCheck } from "~/components/form-check";
import { ErrorSummary, NotificationBanner, TextField, type FieldErrors } from "~/components/forms";
import { signInMessages } from "~/modules/auth/messages";
import { signInPageText as t } from "~/modules/auth/page-messages";
import { safeRedirectPath } from "~/modules/auth/redirect";
import { signInForm } from "~/modules/auth/sign-in-form";
import { requestSignInLink } from "~/modules/auth/sign-in.server";
import { requirePermission } from "~/utils/auth.server";
import { formValues, parseForm } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "session.start");
  const url = new URL(request.url);
  return {
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo")),
    signedInAs: context.auth?.user.email ?? null,
  };
}

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
  const check = useFormCheck(signInForm);

  if (result?.sent) {
    return (
      <div className="page page--narrow">
        <h1>{t.sent.title}</h1>
        <p>
          {t.sent.ifBelongs.before}
          <strong>{result.email}</strong>
          {t.sent.ifBelongs.after}
        </p>
        <p>{t.sent.linkLasts}</p>
        <p>
          <a href="/login">{t.sent.differentEmail}</a>
        </p>
      </div>
    );
  }

  const errors = check.errors ?? (result && !result.sent ? result.errors : {});
  return (
    <div className="page page--narrow">
      <ErrorSummary key={check.refusals} errors={errors} />
      <h1>{t.title}</h1>
      {signedInAs ? (
        <NotificationBanner title={t.alreadySignedIn}>
          <p>{t.signedInAs(signedInAs)}</p>
        </NotificationBanner>
      ) : null}
      <p>{t.intro}</p>
      <Form method="post" noValidate onSubmit={check.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label={t.email}
          hint={t.emailHint}
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={result?.email ?? ""}
          error={errors.email}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.sending : t.submit}
        </button>
      </Form>
    </div>
  );
}
