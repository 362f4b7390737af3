import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReceiptCheck } from "~/modules/polls/components/receipt-check/receipt-check";
import { noSuchPoll } from "~/modules/polls/messages";
import { receiptCheckAction } from "~/modules/polls/receipt-actions.server";
import { receiptPageView } from "~/modules/polls/receipt-view.server";
import { receiptCheckText as t } from "~/modules/polls/receipt-messages";
import { requirePermission } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

// The page answering a receipt check is never stored by a browser or a proxy.
export const headers: HeadersFunction = ({ actionHeaders }) => ({ "Cache-Control": actionHeaders.get("Cache-Control") ?? "no-store" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const page = await receiptPageView(context.db, params.pollId ?? "");
  if (!page) throw new Response(noSuchPoll, { status: 404 });
  return page;
}

/**
 * Posted, not put in the address: a receipt in a URL would sit in proxy logs and browser
 * history, and where ballots are published beside receipts it would reveal the vote.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePermission(request, context, "site.view");
  const answer = await receiptCheckAction(context.db, params.pollId ?? "", formValues(await request.formData()));
  if (!answer) throw new Response(noSuchPoll, { status: 404 });
  return data(answer, { headers: { "Cache-Control": "no-store" } });
}

export default function ReceiptCheckPage() {
  const { poll } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ReceiptCheck poll={poll} code={result?.code ?? ""} check={result?.check ?? null} />;
}
