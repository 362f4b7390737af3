import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMovement } from "~/modules/campaign/campaign.server";
import { helpPageResponse } from "~/modules/documents/help-page";
import { pdfResponse } from "~/modules/documents/render.server";
import { countSheetPdf } from "~/modules/polls/count-sheet.server";
import { pollsText } from "~/modules/polls/messages";
import { requirePermission } from "~/utils/auth.server";

/** A closed ranked poll's count sheet, public with its result and ballots, for the returning officer to sign. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const partyName = (await getMovement(context.db))?.name ?? "Breakaway";
  const file = await countSheetPdf(context.db, params.pollId ?? "", { appUrl: context.env.appUrl, partyName });
  if (!file) return helpPageResponse({ status: 404, title: pollsText.noCountSheetTitle, body: pollsText.noCountSheet });
  return pdfResponse(file.pdf, file.fileName);
}
