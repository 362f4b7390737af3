import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/utils/auth.server";
import { confirmPledge, lookUpPledgeLink, withdrawPledge } from "./pledge.server";

export type PledgeLinkKind = "confirm" | "withdraw";

/**
 * The loader and action behind both emailed links. Opening a link only shows a button (mail
 * scanners open links too); pressing it confirms or withdraws.
 */
export function pledgeLinkLoader(kind: PledgeLinkKind) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    requirePermission(request, context, "site.view");
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const found = token ? await lookUpPledgeLink(context.db, kind, token) : ({ ok: false } as const);
    return found.ok ? { valid: true as const, token, name: found.name, withdrawn: found.withdrawn } : { valid: false as const };
  };
}

export function pledgeLinkAction(kind: PledgeLinkKind) {
  return async ({ request, context }: ActionFunctionArgs) => {
    requirePermission(request, context, "site.view");
    const token = String((await request.formData()).get("token") ?? "");
    const result = kind === "confirm" ? await confirmPledge(context.db, token) : await withdrawPledge(context.db, token);
    return data({ ok: result.ok, closed: !result.ok && result.code === "closed" }, { status: result.ok ? 200 : 409 });
  };
}
