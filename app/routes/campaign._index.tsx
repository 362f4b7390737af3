import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DemandList } from "~/modules/campaign/components/campaign-page/demands";
import { CampaignSummary } from "~/modules/campaign/components/campaign-page/summary";
import { campaignPageText as t } from "~/modules/campaign/page-messages";
import { campaignPageView } from "~/modules/campaign/page-view.server";
import { PledgeFigures } from "~/modules/pledges/components/campaign-page/pledge-figures";
import { campaignStatusNow } from "~/modules/road/status-line.server";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const now = new Date();
  const [view, status] = await Promise.all([campaignPageView(context.db), campaignStatusNow(context.db, now)]);
  return { ...view, status, serverNow: now.getTime(), canManage: isAllowed(principalOf(context), "campaign.manage") };
}

export default function Campaign() {
  const d = useLoaderData<typeof loader>();
  if (!d.movement) {
    return (
      <div className="page">
        <h1>{t.title}</h1>
        <p>{t.notSetUp}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <CampaignSummary movement={d.movement} status={d.status} serverNow={d.serverNow} canManage={d.canManage} />
      <DemandList demands={d.demands} />
      <PledgeFigures figures={d.figures} />
    </div>
  );
}
