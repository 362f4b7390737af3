import type { LoaderFunctionArgs } from "@remix-run/node";
import { trusteeFile } from "~/modules/polls/trustee-page.server";
import { trusteeText } from "~/modules/polls/trustee-messages";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/**
 * The files a poll's trustee works from (decision 045): the election, the encrypted tally, the
 * last shuffle, and the record so far for belenios-tool. Their browser fetches them; without
 * JavaScript they download them. For the poll's own trustees only.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  const file = await trusteeFile(context.db, params.pollId ?? "", user.id, params.file ?? "");
  if (!file) throw new Response(trusteeText.noSuchFile, { status: 404 });
  const json = file.fileName.endsWith(".json");
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "Content-Type": json ? "application/json; charset=utf-8" : "application/octet-stream",
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "Cache-Control": "no-store",
    },
  });
}
