import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { StaleEditSummary } from "~/components/stale-edit";
import type { DetailsAnswer } from "~/modules/registration/components/details/answer";
import { firstChoice } from "~/modules/registration/components/details/questions";
import { DetailsSections } from "~/modules/registration/components/details/sections";
import { detailsAction } from "~/modules/registration/details-actions.server";
import { detailsPageText as t } from "~/modules/registration/details-messages";
import { detailsPageView } from "~/modules/registration/details-view.server";
import { draftSectionIds, formValues, isDraftSection, type DraftSection } from "~/modules/registration/draft-form";
import { registrationText, sectionTitles } from "~/modules/registration/messages";
import { respond } from "~/utils/action-answer.server";
import { requirePermission, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  return detailsPageView(context.db);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const done = await detailsAction(context.db, { id: user.id, label: user.email }, formValues(await request.formData()));
  if (!done) throw new Response(t.notUnderstood, { status: 400 });
  return "savedGoTo" in done ? redirect(done.savedGoTo) : respond(done);
}

export default function RegistrationDetails() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DetailsAnswer | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const saved = params.get("saved");
  const state = {
    values: (s: DraftSection) => (result?.section === s ? result.values : loaded.values),
    errors: (s: DraftSection) => (result?.section === s ? result.errors : {}),
    version: (s: DraftSection) => (result?.section === s ? result.version : loaded.versions[s]),
    busy,
  };
  return (
    <div className="page">
      <p>
        <Link to="/registration">{t.registration}</Link>
      </p>
      <h1>{t.title}</h1>
      {result?.stale ? (
        <StaleEditSummary changes={result.stale} fieldIds={firstChoice} />
      ) : result ? (
        <ErrorSummary errors={result.errors} fieldIds={firstChoice} />
      ) : null}
      {saved && isDraftSection(saved) && !result ? (
        <NotificationBanner title={t.saved} kind="success">
          <p>
            {sectionTitles[saved]}: {registrationText.draftSaved}
          </p>
        </NotificationBanner>
      ) : null}
      <p className="lead">{t.lead}</p>
      <nav aria-label={t.sections}>
        <ol className="list toc">
          {draftSectionIds.map((s) => (
            <li key={s}>
              <a href={`#section-${s}`}>{sectionTitles[s]}</a>
            </li>
          ))}
        </ol>
      </nav>
      <DetailsSections state={state} people={loaded.people} />
    </div>
  );
}
