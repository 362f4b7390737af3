import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useFormCheck } from "~/components/form-check";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { clearedSessionCookie } from "~/modules/auth/session.server";
import { accountAction, type AccountAnswer } from "~/modules/users/account-actions.server";
import { accountPageText as t } from "~/modules/users/account-messages";
import { accountPageView } from "~/modules/users/account-view.server";
import { ChangeEmail, SignOutEverywhere, YourInformation } from "~/modules/users/components/account-page/account-forms";
import { YourDetails } from "~/modules/users/components/account-page/your-details";
import { newEmailForm } from "~/modules/users/email-change-form";
import { emailChangeMessages } from "~/modules/users/messages";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = requireUser(request, context, "account.manage");
  return accountPageView(context.db, user, session);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "account.manage");
  const values = formValues(await request.formData());
  const done = await accountAction(context.db, user, values, { ip: context.clientIp, appUrl: context.env.appUrl, secret: context.env.appSecret });
  if ("signedOutTo" in done) return redirect(done.signedOutTo, { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
  return respond(done);
}

export default function Account() {
  const a = useLoaderData<typeof loader>();
  const answered: AccountAnswer | undefined = useActionData<typeof action>();
  const check = useFormCheck(newEmailForm);
  // The browser's refusal of a new address stands where the server's would, with what was typed kept.
  const result: AccountAnswer | undefined = check.errors ? { errors: check.errors, newEmail: answered?.newEmail } : answered;
  const errors = result?.errors ?? {};
  return (
    <div className="page page--narrow">
      <ErrorSummary key={check.refusals} errors={errors} />
      <h1>{t.title}</h1>
      {result?.sent ? (
        <NotificationBanner title={t.checkEmail} kind="success">
          <p>{emailChangeMessages.sent(result.sent)}</p>
        </NotificationBanner>
      ) : null}
      <YourDetails details={a} />
      <ChangeEmail pendingEmail={result?.sent ? null : a.pendingEmail} newEmail={result?.newEmail ?? ""} error={errors.newEmail} onSubmit={check.onSubmit} />
      <SignOutEverywhere />
      <YourInformation error={errors.confirmErase} />
    </div>
  );
}
