import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NotificationBanner, TextField } from "~/components/forms";
import { checkReceipt } from "~/modules/polls/publication.server";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { requirePermission } from "~/utils/auth.server";
import { MAX_LOOKUP_LENGTH } from "~/utils/input-limits";

export const meta: MetaFunction = () => [{ title: "Check your ballot - Breakaway" }];

// The page answering a receipt check is never stored by a browser or a proxy.
export const headers: HeadersFunction = ({ actionHeaders }) => ({ "Cache-Control": actionHeaders.get("Cache-Control") ?? "no-store" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const loaded = await loadRules(context.db, params.pollId ?? "", PAGE_READ);
  if (!loaded) throw new Response("Not found", { status: 404 });
  return { poll: { id: loaded.poll.id, title: loaded.poll.title, closed: loaded.poll.status === "closed" } };
}

/**
 * Posted, not put in the address: a receipt in a URL would sit in proxy logs and browser
 * history, and where ballots are published beside receipts it would reveal the vote.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePermission(request, context, "site.view");
  const loaded = await loadRules(context.db, params.pollId ?? "", PAGE_READ);
  if (!loaded) throw new Response("Not found", { status: 404 });
  const code = String((await request.formData()).get("code") ?? "").trim();
  // A code longer than any receipt matches nothing: it is not looked up.
  const check = code.length > MAX_LOOKUP_LENGTH ? ({ status: "not_found" } as const) : code ? await checkReceipt(context.db, loaded.poll.id, code) : null;
  const labels = new Map(loaded.rules.options.map((o) => [o.position, o.label]));
  return data(
    {
      code,
      check: check
        ? {
            status: check.status,
            content:
              check.status === "counted" && check.content
                ? "choice" in check.content
                  ? check.content.choice
                  : "ranking" in check.content
                    ? check.content.ranking.map((p) => labels.get(p) ?? "?").join(", then ")
                    : null
                : null,
          }
        : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function ReceiptCheck() {
  const { poll } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const code = result?.code ?? "";
  const check = result?.check ?? null;
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/polls/${poll.id}`}>Back to {poll.title}</Link>
      </p>
      <h1>Check that your ballot was counted</h1>
      {!poll.closed ? <p>This poll has not closed yet. Come back with your receipt code once it has.</p> : null}
      {check?.status === "counted" ? (
        <NotificationBanner title="Your ballot was counted" kind="success">
          <p>The receipt code is in the published list of counted ballots.</p>
          {check.content ? <p>The ballot published with it: {check.content}.</p> : null}
        </NotificationBanner>
      ) : null}
      {check?.status === "not_found" ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">No ballot has this receipt code</h2>
          <p>Check that you typed it exactly as it was shown. If it is right, tell the returning officer at once.</p>
        </div>
      ) : null}
      {poll.closed ? (
        <Form method="post">
          <TextField
            name="code"
            label="Receipt code"
            hint="The 32 letters and digits shown when you voted."
            defaultValue={code}
            spellCheck={false}
            autoComplete="off"
          />
          <button type="submit" className="button">
            Check
          </button>
        </Form>
      ) : null}
    </div>
  );
}
