import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { BallotContent } from "../../db/schema";
import { getPublication, votersOfClosedPoll } from "~/modules/polls/publication.server";
import { isOnRoll } from "~/modules/polls/roll.server";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { PublishedBallots } from "~/modules/polls/components/published-ballots/published-ballots";
import { pollsText } from "~/modules/polls/messages";
import { publishedBallotsText as t } from "~/modules/polls/published-ballots-messages";
import { pollTrusteeSummary } from "~/modules/polls/trustee-page.server";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const published = await getPublication(context.db, params.pollId ?? "");
  if (!published) throw new Response(t.notPublished, { status: 404 });
  // Who held the key: the server, or trustees named by the returning officer (decision 045).
  const summary = await pollTrusteeSummary(context.db, published.poll.id, null);
  const trustees = { total: summary?.total ?? 0, needed: summary?.needed ?? 0 };
  // Who voted, by name, for those on the poll's roll and those who run polls: each member checks
  // that nobody voted in their name (the server makes every credential). Not for visitors.
  const mayList = auth ? isAllowed(principalOf(context), "poll.manage") || (await isOnRoll(context.db, published.poll.id, auth.user.id)) : false;
  const voters = mayList && published.encrypted ? await votersOfClosedPoll(context.db, published.poll.id) : null;
  const labels = new Map(published.rules.options.map((o) => [o.position, o.label]));
  const show = (c: BallotContent) =>
    "choice" in c ? c.choice : "ranking" in c ? t.ranking(c.ranking.map((p) => labels.get(p) ?? "?")) : pollsText.encryptedBallot;
  return {
    poll: { id: published.poll.id, title: published.poll.title, method: published.poll.method },
    encrypted: published.encrypted,
    trustees,
    voters,
    voted: published.voted,
    ballotCount: published.ballotCount,
    chainHead: published.chainHead,
    mode: published.publication.mode,
    pairs: published.publication.pairs.map((p) => ({ receipt: p.receipt, ballot: show(p.content) })),
    receipts: published.publication.receipts,
    contents: published.publication.contents.map(show),
  };
}

export default function PublishedBallotsPage() {
  return <PublishedBallots d={useLoaderData<typeof loader>()} />;
}
