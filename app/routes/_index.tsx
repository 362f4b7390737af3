import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { roleLabels } from "~/components/messages";
import { countConfirmedPledges, getMovement, listDemands } from "~/modules/campaign/campaign.server";
import { CampaignSummary } from "~/modules/campaign/components/home-page/campaign-summary";
import { TryTheDemo } from "~/modules/demo/components/home-page/try-the-demo";
import { demoPeople } from "~/modules/demo/demo-data";
import { NextSteps } from "~/modules/next-steps/components/home-page/next-steps";
import { personalStepView, roadStepView } from "~/modules/next-steps/messages";
import { nextStepsFor } from "~/modules/next-steps/next-steps.server";
import { homePageText as t, type HomeNotice } from "~/modules/road/home-messages";
import { campaignStatusNow } from "~/modules/road/status-line.server";
import { requirePermission } from "~/utils/auth.server";
import { outboxPageAvailable } from "~/utils/features.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const [m, demands, pledged, demoMailbox, campaignStatus, steps] = await Promise.all([
    getMovement(context.db),
    listDemands(context.db),
    countConfirmedPledges(context.db),
    outboxPageAvailable(context.env, context.db),
    // Where the campaign stands, derived from the state (decision 039).
    campaignStatusNow(context.db),
    // Signed in: their own tasks first, derived afresh from the state (modules/next-steps).
    auth ? nextStepsFor(context.db, auth.user) : null,
  ]);
  const url = new URL(request.url);
  const role = auth?.user.role;
  return {
    steps: steps
      ? {
          personal: steps.personal.map(personalStepView),
          road: steps.road ? roadStepView(steps.road, { organiser: role === "organiser", returningOfficer: role === "returning_officer" }) : null,
        }
      : null,
    movement: m ? { name: m.name, partyName: m.partyName, statement: m.statement, deadline: m.deadline.toISOString() } : null,
    campaignStatus,
    demandCount: demands.length,
    pledged,
    user: auth ? { displayName: auth.user.displayName, role: auth.user.role } : null,
    notice: (url.searchParams.get("removed")
      ? "removed"
      : url.searchParams.get("signedOut") === "everywhere"
        ? "signedOutEverywhere"
        : url.searchParams.get("signedOut")
          ? "signedOut"
          : null) as HomeNotice | null,
    demo:
      demoMailbox && context.env.demoMode ? [demoPeople.organiser, demoPeople.returningOfficer, ...demoPeople.members.slice(0, 3)].map((p) => p.email) : null,
  };
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
