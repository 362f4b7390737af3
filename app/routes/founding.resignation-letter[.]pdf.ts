import type { LoaderFunctionArgs } from "@remix-run/node";
import { helpPageResponse } from "~/modules/documents/help-page";
import { resignationRefusals } from "~/modules/founding/pdf/messages";
import { pdfResponse } from "~/modules/documents/render.server";
import { findResignationLetter, resignationLetterPdf } from "~/modules/founding/resignation.server";
import { requireUser } from "~/utils/auth.server";

/**
 * The signed-in founding member's own resignation letter, as PDF. There is no id in the
 * address: the letter is always that of the person asking. `?reason=no` leaves out the
 * sentence saying why.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "founding.take_part");
  const withReason = new URL(request.url).searchParams.get("reason") !== "no";
  const found = await findResignationLetter(context.db, user.id, { withReason });
  if (!found.ok) return helpPageResponse(resignationRefusals[found.code]);
  const letter = await resignationLetterPdf(found.data);
  return pdfResponse(letter.pdf, letter.fileName, { personal: true });
}
