import type { LoaderFunctionArgs } from "@remix-run/node";
import { campaignPageText } from "~/modules/campaign/page-messages";
import { ultimatumPdf } from "~/modules/campaign/ultimatum.server";
import { helpPageResponse } from "~/modules/documents/help-page";
import { pdfResponse } from "~/modules/documents/render.server";
import { requirePermission } from "~/utils/auth.server";

/** The campaign's public ultimatum letter to the party, as PDF: totals only, never names. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const letter = await ultimatumPdf(context.db);
  if (!letter) {
    return helpPageResponse({ status: 404, title: campaignPageText.noLetterTitle, body: campaignPageText.notSetUp });
  }
  return pdfResponse(letter.pdf, letter.fileName);
}
