import type { LoaderFunctionArgs } from "@remix-run/node";
import { getImportErrorsCsv } from "~/modules/pledges/import.server";
import { importProgressText } from "~/modules/pledges/import-messages";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/** The rows of a finished import that could not be imported, with line and problem, as CSV. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "pledges.manage");
  const result = await getImportErrorsCsv(context.db, { id: user.id, label: user.email }, params.importId ?? "");
  if (!result.ok) {
    throw new Response(result.code === "not_finished" ? importProgressText.notFinished : importProgressText.noSuchImport, { status: 404 });
  }
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `import-problems-${result.importId.slice(0, 8)}.csv`),
      // Personal data: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
    },
  });
}
