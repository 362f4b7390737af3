import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pledgeLinkWording } from "~/modules/pledges/messages";
import { PledgeLinkPage } from "~/modules/pledges/components/pledge-link-page";
import { pledgeLinkAction, pledgeLinkLoader } from "~/modules/pledges/pledge-link-route.server";

export const meta: MetaFunction = () => [{ title: `${pledgeLinkWording.withdraw.title} - Breakaway` }];

// Functions, not `const loader = pledgeLinkLoader(...)`: a top-level call into a `.server`
// module runs in the browser too, where that module is emptied, and crashed this page there.
export function loader(args: LoaderFunctionArgs) {
  return pledgeLinkLoader("withdraw")(args);
}

export function action(args: ActionFunctionArgs) {
  return pledgeLinkAction("withdraw")(args);
}

export default function PledgeWithdraw() {
  return <PledgeLinkPage kind="withdraw" loaded={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
