import type { LoaderFunctionArgs } from "@remix-run/node";
import { londonDay } from "~/utils/london-time";
import { exportPledges } from "~/modules/pledges/export.server";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";
import { streamedBody } from "~/utils/streamed-download";

/** Every pledge held (erased ones left out), as CSV, in the columns the import reads back, sent as it is read. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "pledges.manage");
  const { pieces } = await exportPledges(context.db, { id: user.id, label: user.email });
  return new Response(streamedBody(pieces), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `pledges-${londonDay(new Date())}.csv`),
      // Personal data: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
    },
  });
}
