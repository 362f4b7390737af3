import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ApplicationSections, PartsTable } from "~/modules/registration/components/hub/parts";
import { OfficerLink, WhereThingsStand } from "~/modules/registration/components/hub/stage";
import { registrationHubText as t } from "~/modules/registration/hub-messages";
import { registrationHubView } from "~/modules/registration/hub-view.server";
import { registrationText } from "~/modules/registration/messages";
import { principalOf, requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  return registrationHubView(context.db, { principal: principalOf(context), userId: auth?.user.id ?? null });
}

export default function RegistrationHub() {
  const { manage, roles, stage } = useLoaderData<typeof loader>();
  if (!manage) {
    return (
      <div className="page">
        <h1>{t.title}</h1>
        <WhereThingsStand stage={stage} />
        <OfficerLink roles={roles} />
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p className="lead">{registrationText.hubLead}</p>
      <OfficerLink roles={roles} />
      <PartsTable parts={manage} adopted={stage.adopted} />
      <ApplicationSections />
    </div>
  );
}
