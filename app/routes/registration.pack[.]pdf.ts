import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfResponse } from "~/modules/documents/render.server";
import { renderPack } from "~/modules/registration/pack.server";
import { requireUser } from "~/utils/auth.server";

/** The whole registration pack as one PDF (organisers only: it holds the officers' home addresses). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  const file = await renderPack(context.db);
  return pdfResponse(Buffer.from(file.bytes), file.fileName, { personal: true });
}
