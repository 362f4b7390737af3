import type { LoaderFunctionArgs } from "@remix-run/node";
import { helpPageResponse } from "~/modules/documents/help-page";
import { pdfResponse } from "~/modules/documents/render.server";
import { declarationPdf } from "~/modules/elections/declaration.server";
import { declarationHelp } from "~/modules/elections/position-page-messages";
import { requirePermission } from "~/utils/auth.server";

/** The declaration of result, public once the returning officer has declared it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const file = await declarationPdf(context.db, params.positionId ?? "", context.env.appUrl);
  if (!file) return helpPageResponse({ status: 404, ...declarationHelp.notYet });
  return pdfResponse(file.pdf, file.fileName);
}
