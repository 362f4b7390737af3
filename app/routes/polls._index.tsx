import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PollList } from "~/modules/polls/components/poll-list/poll-list";
import { pollListText as t } from "~/modules/polls/poll-list-messages";
import { pollListView } from "~/modules/road/poll-list-view.server";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  return pollListView(context.db, auth?.user.id ?? null, isAllowed(principalOf(context), "poll.manage"));
}

export default function Polls() {
  return <PollList {...useLoaderData<typeof loader>()} />;
}
