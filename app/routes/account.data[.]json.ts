import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/modules/users/personal-data.server";
import { requireUser } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/content-disposition";

/**
 * Everything held about the signed-in person, as a JSON download. Only ever their own, so it is
 * not recorded in the audit log: that records who read other people's data, and an entry here
 * would only add a lasting trace of the person's own activity, which erasure cannot remove.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "account.manage");
  const exported = await exportPersonalData(context.db, user.id);
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", "my-breakaway-data.json"),
      "Cache-Control": "no-store",
    },
  });
}
