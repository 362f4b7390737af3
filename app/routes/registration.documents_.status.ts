import type { LoaderFunctionArgs } from "@remix-run/node";
import { packStatus } from "~/modules/registration/pack.server";
import { requireUser } from "~/utils/auth.server";

/** How the pack's preparation stands, for the documents page's progress message (polled by its script). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  return Response.json({ status: await packStatus(context.db) }, { headers: { "Cache-Control": "no-store" } });
}
