import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PledgeLinkPage } from "~/components/pledge-link-page";
import { pledgeLinkAction, pledgeLinkLoader } from "~/modules/pledges/pledge-link-route.server";

export const meta: MetaFunction = () => [{ title: "Withdraw your pledge - Breakaway" }];

export const loader = pledgeLinkLoader("withdraw");
export const action = pledgeLinkAction("withdraw");

export default function PledgeWithdraw() {
  return <PledgeLinkPage kind="withdraw" loaded={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
