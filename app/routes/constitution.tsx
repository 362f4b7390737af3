import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Constitution - Breakaway" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  return null;
}

export default function ConstitutionPage() {
  return (
    <div className="page">
      <h1>Constitution</h1>
      <p className="lead">Founding members will draft the party’s constitution here clause by clause, propose and support amendments, and adopt it by secret ballot. This opens when the movement enters its founding phase.</p>
    </div>
  );
}
