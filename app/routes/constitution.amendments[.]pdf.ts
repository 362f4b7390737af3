import type { LoaderFunctionArgs } from "@remix-run/node";
import { amendmentsPdf } from "~/modules/constitution/documents.server";
import { constitutionDocumentHelp } from "~/modules/constitution/messages";
import { constitutionAccess } from "~/modules/constitution/views.server";
import { helpPageResponse } from "~/modules/documents/help-page";
import { pdfResponse } from "~/modules/documents/render.server";
import { requireUser } from "~/utils/auth.server";

/** The amendments book: it names proposers and supporters, so it is for founding members and officials. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "constitution.take_part");
  if (!(await constitutionAccess(context)).seesDebate) {
    return helpPageResponse({ status: 403, ...constitutionDocumentHelp.amendmentsForFounders });
  }
  const file = await amendmentsPdf(context.db);
  if (!file) return helpPageResponse({ status: 404, ...constitutionDocumentHelp.noDraft });
  return pdfResponse(file.pdf, file.fileName);
}
