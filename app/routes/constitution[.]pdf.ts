import type { LoaderFunctionArgs } from "@remix-run/node";
import { constitutionPdf } from "~/modules/constitution/documents.server";
import { constitutionDocumentHelp } from "~/modules/constitution/messages";
import { helpPageResponse } from "~/modules/documents/help-page";
import { pdfResponse } from "~/modules/documents/render.server";
import { requirePermission } from "~/utils/auth.server";

/**
 * The constitution as printed, with line numbers: the adopted version with its adoption record,
 * or the draft as amended so far. `?version=N` gives an earlier adopted version.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const asked = new URL(request.url).searchParams.get("version");
  const file = await constitutionPdf(context.db, asked ? { version: Number(asked) } : {});
  if (!file) return helpPageResponse({ status: 404, ...constitutionDocumentHelp.noSuchVersion });
  return pdfResponse(file.pdf, file.fileName);
}
