import type { LoaderFunctionArgs } from "@remix-run/node";
import { trusteeSetFile } from "~/modules/polls/trustee-set-page.server";
import { trusteeText } from "~/modules/polls/trustee-messages";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/**
 * The files of a trustee set's key ceremony (decision 047): everyone's certificates and the
 * pieces the others sent this member. Their browser fetches them; without JavaScript they
 * download them for belenios-tool. For the set's own members only.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  const file = await trusteeSetFile(context.db, params.setId ?? "", user.id, params.file ?? "");
  if (!file) throw new Response(trusteeText.noSuchFile, { status: 404 });
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "Cache-Control": "no-store",
    },
  });
}
