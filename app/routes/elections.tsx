import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Elections - Breakaway" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  return null;
}

export default function ElectionsPage() {
  return (
    <div className="page">
      <h1>Elections</h1>
      <p className="lead">Founding members will nominate and elect the interim officers here, by ranked secret ballot, with a round-by-round count anyone can re-check. This opens when the movement enters its founding phase.</p>
    </div>
  );
}
