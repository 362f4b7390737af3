import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { requirePermission } from "~/utils/auth.server";

/** For load balancers and CI: answers 200 only when the database answers. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  await context.db.execute(sql`select 1`);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
