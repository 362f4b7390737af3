import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { lookUpPledgeLink, withdrawPledge } from "~/modules/pledges/pledge.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Withdraw your pledge - Breakaway" }];

/** Opening the emailed link only shows a button: mail scanners open links too. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = token ? await lookUpPledgeLink(context.db, "withdraw", token) : ({ ok: false } as const);
  return found.ok ? { valid: true as const, token, name: found.name, confirmed: found.confirmed, withdrawn: found.withdrawn } : { valid: false as const };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(request, context, "site.view");
  const token = String((await request.formData()).get("token") ?? "");
  const result = await withdrawPledge(context.db, token);
  return data({ ok: result.ok }, { status: result.ok ? 200 : 409 });
}

export default function PledgeLink() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.ok) {
    return (
      <div className="page page--narrow">
        <NotificationBanner title="Your pledge is withdrawn" kind="success">
          <p>Your pledge no longer counts. The campaign keeps a count of withdrawals but not your reasons. You can pledge again at any time before the deadline.</p>
        </NotificationBanner>
        <p>
          <a href="/campaign">See the campaign</a>
        </p>
      </div>
    );
  }
  if (!d.valid || result) {
    return (
      <div className="page page--narrow">
        <h1>Withdraw your pledge</h1>
        <p>This withdrawal link is not valid.</p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Withdraw your pledge</h1>
      <p>Hello {d.name}.</p>
      {d.withdrawn ? <p>This pledge has already been withdrawn.</p> : <p>If you withdraw, your pledge stops counting at once.</p>}
      {d.withdrawn ? null : (
        <Form method="post">
          <input type="hidden" name="token" value={d.token} />
          <button type="submit" className="button button--warning">
            Withdraw my pledge
          </button>
        </Form>
      )}
    </div>
  );
}
