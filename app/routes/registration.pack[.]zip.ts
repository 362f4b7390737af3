import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderPackZip } from "~/modules/registration/pack.server";
import { recordPackDownloaded } from "~/modules/registration/private-reads.server";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/** The registration pack's documents as separate PDFs in one zip (organisers only; each download is
 * recorded in the audit log, as the officer sheets hold home addresses). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const file = await renderPackZip(context.db);
  await recordPackDownloaded(context.db, { id: user.id, label: user.email }, "zip");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "Content-Length": String(file.bytes.length),
      // The officer sheets hold home addresses: no shared computer or proxy keeps a copy.
      "Cache-Control": "private, no-store",
    },
  });
}
