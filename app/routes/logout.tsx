import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { clearedSessionCookie } from "~/modules/auth/session.server";
import { signOutPageText as t } from "~/modules/auth/page-messages";
import { signOut } from "~/modules/auth/sign-out.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "account.manage");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Signing out when already signed out is not an error: just go home.
  if (!context.auth) return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
  const { user, session } = requireUser(request, context, "account.manage");
  await signOut(context.db, user, session.id);
  return redirect("/?signedOut=1", { headers: { "Set-Cookie": clearedSessionCookie(context.secure) } });
}

export default function Logout() {
  return (
    <div className="page page--narrow">
      <h1>{t.title}</h1>
      <Form method="post">
        <button type="submit" className="button">
          {t.submit}
        </button>
      </Form>
    </div>
  );
}
