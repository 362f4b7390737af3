import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, type FieldErrors } from "~/components/forms";
import { AppointSomeone } from "~/modules/roles/components/roles-page/appoint-someone";
import { Organisers, ReturningOfficer, RoleRules } from "~/modules/roles/components/roles-page/role-holders";
import { rolesPageAction, type RolesAnswer } from "~/modules/roles/page-actions.server";
import { rolesPageText as t } from "~/modules/roles/page-messages";
import { rolesPageView } from "~/modules/roles/page-view.server";
import { respond } from "~/utils/action-answer.server";
import { principalOf, requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";
import { isAllowed } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

/** Every signed-in person may read who holds which role; only organisers see the addresses and change anything. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "roles.read");
  return rolesPageView(context.db, user.id, isAllowed(principalOf(context), "roles.manage"));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "roles.manage");
  const values = formValues(await request.formData());
  const done = await rolesPageAction(context.db, { id: user.id, email: user.email, name: user.displayName }, values, context.env.appUrl);
  if (!done) throw new Response(t.unknownAction, { status: 400 });
  return respond(done);
}

export default function RolesPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as RolesAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ role: "role-organiser", page: "holders-title" }} />
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          {t.recorded}
        </NotificationBanner>
      ) : null}
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <ReturningOfficer view={d} errors={errors} busy={busy} />
      <Organisers view={d} errors={errors} busy={busy} />
      <RoleRules rules={d.rules} />
      {d.canManage ? (
        <AppointSomeone returningOfficerName={d.returningOfficer?.name ?? null} values={result?.values ?? {}} errors={errors} busy={busy} />
      ) : null}
    </div>
  );
}
