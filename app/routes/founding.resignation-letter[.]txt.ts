import type { LoaderFunctionArgs } from "@remix-run/node";
import { helpPageResponse } from "~/modules/documents/help-page";
import { resignationRefusals } from "~/modules/founding/pdf/messages";
import { findResignationLetter, resignationLetterPlainText } from "~/modules/founding/resignation.server";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/**
 * The signed-in founding member's own resignation letter as plain text, to paste into an
 * email. Shown in the browser (inline) so it can be copied without opening a file.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "founding.take_part");
  const withReason = new URL(request.url).searchParams.get("reason") !== "no";
  const found = await findResignationLetter(context.db, user.id, { withReason });
  if (!found.ok) return helpPageResponse(resignationRefusals[found.code]);
  const letter = resignationLetterPlainText(found.data);
  return new Response(letter.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": contentDisposition("inline", letter.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}
