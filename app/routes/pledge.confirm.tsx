import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PledgeLinkPage } from "~/components/pledge-link-page";
import { pledgeLinkAction, pledgeLinkLoader } from "~/modules/pledges/pledge-link-route.server";

export const meta: MetaFunction = () => [{ title: "Confirm your pledge - Breakaway" }];

export const loader = pledgeLinkLoader("confirm");
export const action = pledgeLinkAction("confirm");

export default function PledgeConfirm() {
  return <PledgeLinkPage kind="confirm" loaded={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
