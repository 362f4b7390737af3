import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Registration - Breakaway" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  return null;
}

export default function RegistrationPage() {
  return (
    <div className="page">
      <h1>Registration</h1>
      <p className="lead">Organisers will prepare the application to register the new party with the Electoral Commission here, and download it as PDF. This opens once the constitution is adopted and the officers are elected.</p>
    </div>
  );
}
