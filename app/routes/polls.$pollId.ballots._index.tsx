import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublishedBallots } from "~/modules/polls/components/published-ballots/published-ballots";
import { publishedBallotsText as t } from "~/modules/polls/published-ballots-messages";
import { publishedBallotsView } from "~/modules/polls/published-ballots-view.server";
import { principalOf, requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const page = await publishedBallotsView(context.db, { principal: principalOf(context), userId: auth?.user.id ?? null }, params.pollId ?? "");
  if (!page) throw new Response(t.notPublished, { status: 404 });
  return page;
}

export default function PublishedBallotsPage() {
  return <PublishedBallots d={useLoaderData<typeof loader>()} />;
}
