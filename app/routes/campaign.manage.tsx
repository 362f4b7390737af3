import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { StaleEditSummary } from "~/components/stale-edit";
import { answerFor, fieldIdsFor, type ManageCampaignAnswer } from "~/modules/campaign/components/manage-campaign/answer";
import { CampaignSettings, ExtendDeadline } from "~/modules/campaign/components/manage-campaign/campaign-settings";
import { DecisionSection } from "~/modules/campaign/components/manage-campaign/decision";
import { DemandList } from "~/modules/campaign/components/manage-campaign/demands";
import { manageCampaignAction } from "~/modules/campaign/manage-actions.server";
import { manageCampaignView } from "~/modules/campaign/manage-view.server";
import { manageCampaignText as t } from "~/modules/campaign/messages";
import { exportSize } from "~/modules/pledges/import-messages";
import { TrusteesPanel } from "~/modules/polls/components/trustees-panel";
import { scopeTrusteeText } from "~/modules/polls/scope-trustee-messages";
import { campaignStatusNow } from "~/modules/road/status-line.server";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

const trusteeText = scopeTrusteeText("decision");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "campaign.manage");
  const now = new Date();
  const [view, status] = await Promise.all([manageCampaignView(context.db, user.id, now), campaignStatusNow(context.db, now)]);
  return { ...view, status };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "campaign.manage");
  const values = formValues(await request.formData());
  return respond(await manageCampaignAction(context.db, { id: user.id, label: user.email }, values, context.env.appUrl));
}

export default function ManageCampaign() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ManageCampaignAnswer | undefined;
  const answers = answerFor(result);
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      {result?.stale ? (
        <StaleEditSummary changes={result.stale} fieldIds={fieldIdsFor(result.form)} />
      ) : result?.errors ? (
        <ErrorSummary errors={result.errors} fieldIds={fieldIdsFor(result.form)} />
      ) : null}
      <h1>{t.title}</h1>
      {result?.message ? (
        <NotificationBanner title={t.done} kind="success">
          <p>{result.message}</p>
        </NotificationBanner>
      ) : null}
      <p>{d.status ?? t.setUpBelow}</p>
      <ul className="list">
        <li>
          <Link to="/campaign">{t.links.publicPage}</Link>
        </li>
        <li>
          <Link to="/campaign/import">{t.links.importPledges}</Link>
        </li>
        <li>
          <a href="/campaign/export.csv">{t.links.exportPledges}</a>
          {t.links.exportNote(exportSize(d.exportRows))}
        </li>
        <li>
          <Link to="/founding">{t.links.foundingRoll}</Link>
        </li>
      </ul>

      {d.editable && d.awaitingLink > 0 ? (
        <Form method="post" className="panel">
          <input type="hidden" name="intent" value="send-confirmations" />
          <p>{t.awaitingLink(d.awaitingLink)}</p>
          <button type="submit" className="button button--secondary">
            {t.sendConfirmations}
          </button>
        </Form>
      ) : null}

      <CampaignSettings editable={d.editable} movement={d.movement} version={d.settingsVersion} answers={answers} />
      {d.canExtend ? <ExtendDeadline answers={answers} /> : null}
      <DemandList demands={d.demands} editable={d.editable} afterDeadline={d.afterDeadline} answers={answers} />
      <DecisionSection
        afterDeadline={d.afterDeadline}
        phase={d.movement?.phase}
        decision={d.decision}
        status={d.status}
        trusteesWaiting={trusteeText.waiting}
        answers={answers}
      />
      {d.movement ? (
        <TrusteesPanel
          sets={d.trustees}
          text={trusteeText}
          canName={d.canNameTrustees}
          values={answers.valuesFor("trustees")}
          errors={answers.errorsFor("trustees")}
          busy={busy}
        />
      ) : null}
    </div>
  );
}
