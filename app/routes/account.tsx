import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { clearedSessionCookie } from "~/modules/auth/session.server";
import { signOutEverywhere } from "~/modules/auth/sign-out.server";
import { pendingEmailChange, requestEmailChange } from "~/modules/auth/email-change.server";
import { accountPageText as t } from "~/modules/users/account-messages";
import { ChangeEmail, SignOutEverywhere, YourInformation } from "~/modules/users/components/account-page/account-forms";
import { YourDetails } from "~/modules/users/components/account-page/your-details";
import { emailChangeMessages, eraseRefusedMessages } from "~/modules/users/messages";
import { eraseAccount } from "~/modules/users/personal-data.server";
import { isEmailAddress } from "~/utils/email";
import { MAX_EMAIL_LENGTH } from "~/utils/input-limits";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

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
    if (form.get("confirmErase") !== "yes") return data<ActionData>({ errors: { confirmErase: t.yourInformation.confirmMissing } }, { status: 400 });
    const erased = await eraseAccount(context.db, user.id);
    if (!erased.ok && erased.code !== "not_found") return data<ActionData>({ errors: { confirmErase: eraseRefusedMessages[erased.code] } }, { status: 409 });
    return redirect("/?removed=1", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
  }
  if (intent !== "sign-out-everywhere") return data<ActionData>({ errors: { confirmErase: t.unknownRequest } }, { status: 400 });
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
      <h1>{t.title}</h1>
      {result?.sent ? (
        <NotificationBanner title={t.checkEmail} kind="success">
          <p>{emailChangeMessages.sent(result.sent)}</p>
        </NotificationBanner>
      ) : null}
      <YourDetails details={a} />
      <ChangeEmail pendingEmail={result?.sent ? null : a.pendingEmail} newEmail={result?.newEmail ?? ""} error={errors.newEmail} />
      <SignOutEverywhere />
      <YourInformation error={errors.confirmErase} />
    </div>
  );
}
