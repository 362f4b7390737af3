import type { LoaderFunctionArgs } from "@remix-run/node";
import { closedPollRecord } from "~/modules/polls/encrypted/poll-elections.server";
import { recordNotYet } from "~/modules/polls/messages";
import { requirePermission } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/**
 * A closed encrypted poll's public record, as the Belenios archive that belenios-tool checks
 * (decision 044): the file is named <election uuid>.bel, as the tool looks for it.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const record = await closedPollRecord(context.db, params.pollId ?? "");
  if (!record) throw new Response(recordNotYet, { status: 404 });
  return new Response(new Uint8Array(record.bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": contentDisposition("attachment", record.fileName),
      "Cache-Control": "no-cache",
    },
  });
}
