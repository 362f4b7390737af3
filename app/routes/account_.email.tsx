import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { checkEmailChangeLink, confirmEmailChange } from "~/modules/auth/email-change.server";
import { accountPageText } from "~/modules/users/account-messages";
import { emailChangeMessages as t } from "~/modules/users/messages";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.confirmTitle} - Breakaway` }];

/**
 * A link mailed to the new or the old address. Opening it only shows a button: mail scanners
 * open links too, and must not confirm anything.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "account.confirm_email");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = await checkEmailChangeLink(context.db, token, context.env.appSecret);
  return check.ok ? { valid: true as const, token, side: check.side } : { valid: false as const };
}

type ActionData = { message: string; done: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(request, context, "account.confirm_email");
  const form = await request.formData();
  const result = await confirmEmailChange(context.db, String(form.get("token") ?? ""), context.env.appSecret);
  if (!result.ok) {
    const message = result.code === "address_in_use" ? t.usedMeanwhile : t.linkInvalid;
    return data<ActionData>({ message, done: false }, { status: result.code === "address_in_use" ? 409 : 400 });
  }
  return data<ActionData>({ message: result.changed ? t.changed : t.waitingOther(result.side), done: true });
}

export default function ConfirmEmailChange() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result) {
    return (
      <div className="page page--narrow">
        <h1>{result.done ? t.confirmTitle : t.linkInvalidTitle}</h1>
        <p>{result.message}</p>
        <p>
          <a href="/account">{accountPageText.title}</a>
        </p>
      </div>
    );
  }
  if (!d.valid) {
    return (
      <div className="page page--narrow">
        <h1>{t.linkInvalidTitle}</h1>
        <p>{t.linkInvalid}</p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t.confirmTitle}</h1>
      <p>{d.side === "new" ? t.confirmNew : t.confirmOld}</p>
      <Form method="post">
        <input type="hidden" name="token" value={d.token} />
        <button type="submit" className="button">
          {t.confirmButton}
        </button>
      </Form>
    </div>
  );
}
