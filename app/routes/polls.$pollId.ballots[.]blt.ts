import type { LoaderFunctionArgs } from "@remix-run/node";
import { publishedBallotsText } from "~/modules/polls/published-ballots-messages";
import { getPublication } from "~/modules/polls/publication.server";
import { requirePermission } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/** The anonymous ballots of a closed ranked poll, for an independent recount. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const published = await getPublication(context.db, params.pollId ?? "");
  if (!published?.blt) throw new Response(publishedBallotsText.notPublished, { status: 404 });
  return new Response(published.blt, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `poll-${published.poll.id}.blt`),
    },
  });
}
