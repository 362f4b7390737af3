import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfResponse } from "~/modules/documents/render.server";
import { renderPack } from "~/modules/registration/pack.server";
import { recordPackDownloaded } from "~/modules/registration/private-reads.server";
import { requireUser } from "~/utils/auth.server";

/** The whole registration pack as one PDF (organisers only: it holds the officers' home addresses,
 * so each download is recorded in the audit log). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const file = await renderPack(context.db);
  await recordPackDownloaded(context.db, { id: user.id, label: user.email }, "pdf");
  return pdfResponse(Buffer.from(file.bytes), file.fileName, { personal: true });
}
