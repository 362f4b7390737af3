import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReceiptCheck } from "~/modules/polls/components/receipt-check/receipt-check";
import { checkReceipt } from "~/modules/polls/publication.server";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { receiptCheckText as t } from "~/modules/polls/receipt-messages";
import { requirePermission } from "~/utils/auth.server";
import { MAX_LOOKUP_LENGTH } from "~/utils/input-limits";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

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
                    ? t.ranking(check.content.ranking.map((p) => labels.get(p) ?? "?"))
                    : null
                : null,
          }
        : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function ReceiptCheckPage() {
  const { poll } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ReceiptCheck poll={poll} code={result?.code ?? ""} check={result?.check ?? null} />;
}
