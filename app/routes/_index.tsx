import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { roleLabels } from "~/components/messages";
import { CampaignSummary } from "~/modules/campaign/components/home-page/campaign-summary";
import { TryTheDemo } from "~/modules/demo/components/home-page/try-the-demo";
import { demoSignInEmails } from "~/modules/demo/demo-data";
import { NextSteps } from "~/modules/next-steps/components/home-page/next-steps";
import { nextStepsView } from "~/modules/next-steps/view.server";
import { homePageText as t } from "~/modules/road/home-messages";
import { homePageView } from "~/modules/road/home-view.server";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  return homePageView(context.db, context.env, auth?.user ?? null, new URL(request.url).searchParams, {
    nextSteps: nextStepsView,
    demoEmails: demoSignInEmails,
  });
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      {data.notice ? (
        <NotificationBanner title={t.notices[data.notice].title} kind="success">
          <p>{t.notices[data.notice].text}</p>
        </NotificationBanner>
      ) : null}
      {data.user ? (
        <NotificationBanner title={t.welcomeBack}>
          <p>{t.signedInAs(data.user.displayName, roleLabels[data.user.role] ?? data.user.role)}</p>
        </NotificationBanner>
      ) : null}
      {data.steps ? <NextSteps steps={data.steps} movementName={data.movement?.name ?? t.siteName} /> : null}
      {data.movement ? (
        <CampaignSummary
          movement={data.movement}
          status={data.campaignStatus}
          pledged={data.pledged}
          demandCount={data.demandCount}
          headingLevel={data.steps ? 2 : 1}
        />
      ) : (
        <>
          {data.steps ? null : <h1>{t.siteName}</h1>}
          <p className="lead">{t.noMovement}</p>
        </>
      )}
      {data.demo ? <TryTheDemo emails={data.demo} /> : null}
    </div>
  );
}
