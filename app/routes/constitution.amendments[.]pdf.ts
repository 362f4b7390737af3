import type { LoaderFunctionArgs } from "@remix-run/node";
import { amendmentsPdf } from "~/modules/constitution/documents.server";
import { constitutionAccess } from "~/modules/constitution/views.server";
import { helpPageResponse } from "~/modules/documents/help-page";
import { pdfResponse } from "~/modules/documents/render.server";
import { requireUser } from "~/utils/auth.server";

/** The amendments book: it names proposers and supporters, so it is for founding members and officials. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "constitution.take_part");
  if (!(await constitutionAccess(context)).seesDebate) {
    return helpPageResponse({
      status: 403,
      title: "For founding members",
      body: "The amendments name the members who proposed and supported them, so only founding members can download them.",
    });
  }
  const file = await amendmentsPdf(context.db);
  if (!file) return helpPageResponse({ status: 404, title: "There is no draft yet", body: "Drafting has not started, so there are no amendments." });
  return pdfResponse(file.pdf, file.fileName);
}
