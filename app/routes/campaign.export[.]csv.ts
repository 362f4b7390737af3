import type { LoaderFunctionArgs } from "@remix-run/node";
import { londonDay } from "~/modules/pledges/counts.server";
import { exportPledgesCsv } from "~/modules/pledges/import.server";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/** Every pledge held (erased ones left out), as CSV, in the columns the import reads back. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "pledges.manage");
  const { csv } = await exportPledgesCsv(context.db, { id: user.id, label: user.email });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `pledges-${londonDay(new Date())}.csv`),
      // Personal data: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
    },
  });
}
