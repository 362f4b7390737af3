import type { LoaderFunctionArgs } from "@remix-run/node";
import { helpPageResponse } from "~/modules/documents/help-page";
import { packDocumentHelp } from "~/modules/registration/documents-messages";
import { isPackDocument } from "~/modules/registration/pdf/documents";
import { pdfResponse } from "~/modules/documents/render.server";
import { renderDocument } from "~/modules/registration/pack.server";
import { recordDocumentDownloaded } from "~/modules/registration/private-reads.server";
import { requireUser } from "~/utils/auth.server";

/**
 * One document of the registration pack: /registration/documents/<document>.pdf. Organisers only:
 * the officer sheets hold home addresses (so their downloads are recorded in the audit log), and
 * the rest is the party's application in progress.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const name = params.doc ?? "";
  const doc = name.endsWith(".pdf") ? name.slice(0, -".pdf".length) : "";
  if (!isPackDocument(doc)) return helpPageResponse({ status: 404, ...packDocumentHelp.noSuchDocument });
  const file = await renderDocument(context.db, doc);
  if (!file) return helpPageResponse({ status: 404, ...packDocumentHelp.noConstitution });
  await recordDocumentDownloaded(context.db, { id: user.id, label: user.email }, doc);
  return pdfResponse(Buffer.from(file.bytes), file.fileName, { personal: true });
}
