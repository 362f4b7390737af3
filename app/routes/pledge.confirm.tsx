import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { lookUpPledgeLink, confirmPledge } from "~/modules/pledges/pledge.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Confirm your pledge - Breakaway" }];

/** Opening the emailed link only shows a button: mail scanners open links too. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = token ? await lookUpPledgeLink(context.db, "confirm", token) : ({ ok: false } as const);
  return found.ok ? { valid: true as const, token, name: found.name, confirmed: found.confirmed, withdrawn: found.withdrawn } : { valid: false as const };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(request, context, "site.view");
  const token = String((await request.formData()).get("token") ?? "");
  const result = await confirmPledge(context.db, token);
  return data({ ok: result.ok, closed: !result.ok && result.code === "closed" }, { status: result.ok ? 200 : 409 });
}

export default function PledgeLink() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.ok) {
    return (
      <div className="page page--narrow">
        <NotificationBanner title="Your pledge is confirmed" kind="success">
          <p>Thank you. Your pledge now counts. We will email you when the deadline comes.</p>
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
        <h1>Confirm your pledge</h1>
        <p>
          {result && "closed" in result && result.closed
            ? "Pledges can no longer be confirmed: the deadline has passed."
            : "This confirmation link has already been used or is not valid. If you have already confirmed, your pledge counts."}
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Confirm your pledge</h1>
      <p>Hello {d.name}.</p>
      {d.withdrawn ? <p>This pledge has already been withdrawn.</p> : <p>Confirm that you pledge to leave the party together with everyone who signs, unless it meets the demands by the deadline.</p>}
      {d.withdrawn ? null : (
        <Form method="post">
          <input type="hidden" name="token" value={d.token} />
          <button type="submit" className="button">
            Confirm my pledge
          </button>
        </Form>
      )}
    </div>
  );
}
