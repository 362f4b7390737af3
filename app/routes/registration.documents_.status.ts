import type { LoaderFunctionArgs } from "@remix-run/node";
import { packStatus, packStatusOf } from "~/modules/registration/pack.server";
import { requireUser } from "~/utils/auth.server";

/**
 * How the pack's preparation stands, for the documents page's progress message (polled by its
 * script every second). The page passes the pack's key it was given (`?key=`), so a poll reads
 * one row, on whichever server receives it, instead of gathering the whole pack to know its key
 * (see `packStatus`); without a key it gathers the pack of the current data.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  const key = new URL(request.url).searchParams.get("key");
  const status = key ? await packStatusOf(context.db, key) : (await packStatus(context.db)).status;
  return Response.json({ status }, { headers: { "Cache-Control": "no-store" } });
}
