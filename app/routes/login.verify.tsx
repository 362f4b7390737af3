import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { signInMessages } from "~/modules/auth/messages";
import { confirmSignInPageText as t } from "~/modules/auth/page-messages";
import { sessionCookie } from "~/modules/auth/session.server";
import { checkSignInLink, signInWithLink } from "~/modules/auth/sign-in.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

/**
 * Opening the link only shows a button: mail scanners and link previews open links too, and
 * must not use up a single-use link or start a session.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "session.start");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = token ? await checkSignInLink(context.db, token, context.env.appSecret) : ({ ok: false } as const);
  return check.ok ? { valid: true as const, token, email: check.email } : { valid: false as const };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(request, context, "session.start");
  const form = await request.formData();
  const token = String(form.get("token") ?? "");
  const result = await signInWithLink(context.db, token, context.env.appSecret);
  if (!result.ok) return redirect("/login/verify");
  return redirect(result.redirectTo, {
    headers: { "Set-Cookie": sessionCookie(result.sessionToken, result.expiresAt, context.secure) },
  });
}

export default function VerifySignIn() {
  const data = useLoaderData<typeof loader>();
  if (!data.valid) {
    return (
      <div className="page page--narrow">
        <h1>{t.linkInvalidTitle}</h1>
        <p>{signInMessages.linkInvalid}</p>
        <p>
          <a href="/login" className="button">
            {t.newLink}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t.title}</h1>
      <p>
        {t.signingInAs.before}
        <strong>{data.email}</strong>
        {t.signingInAs.after}
      </p>
      <Form method="post">
        <input type="hidden" name="token" value={data.token} />
        <button type="submit" className="button">
          {t.submit}
        </button>
      </Form>
    </div>
  );
}
