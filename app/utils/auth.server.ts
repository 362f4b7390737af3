import { redirect } from "@remix-run/node";
import type { SessionUser } from "./context.server";
import type { AppContext } from "./context.server";
import { isAllowed, type Action, type Principal } from "./permissions";

export function principalOf(context: AppContext): Principal {
  return context.auth ? context.auth.user.role : "visitor";
}

function refuse(request: Request, context: AppContext): never {
  if (!context.auth) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  throw new Response("You do not have permission to see this page.", { status: 403 });
}

/**
 * The one gate every loader and action passes. A visitor is sent to sign in; a signed-in
 * person without the right gets 403.
 */
export function requirePermission(request: Request, context: AppContext, action: Action): AppContext["auth"] {
  if (!isAllowed(principalOf(context), action)) refuse(request, context);
  return context.auth;
}

/** As requirePermission, for actions that only signed-in people can hold. */
export function requireUser(request: Request, context: AppContext, action: Action): { user: SessionUser; session: { id: string; expiresAt: Date } } {
  const auth = requirePermission(request, context, action);
  if (!auth) refuse(request, context);
  return auth;
}
