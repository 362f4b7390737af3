import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getMovement } from "~/modules/campaign/campaign.server";
import { pledgesOpen } from "~/modules/campaign/status";
import { readConstitutionFile, sectionContaining } from "~/modules/content/constitution-files.server";
import { PledgeForm, PledgeSent } from "~/modules/pledges/components/pledge-page/pledge-form";
import { pledgeFromPage, type PledgeAnswer } from "~/modules/pledges/pledge-page.server";
import { pledgePageText as t } from "~/modules/pledges/pledge-page-messages";
import { PLEDGE_CONSENT_VERSION } from "~/modules/pledges/pledge.server";
import { respond } from "~/utils/action-answer.server";
import { requirePermission } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const m = await getMovement(context.db);
  const consent = await readConstitutionFile("consent.md");
  return {
    movement: m ? { name: m.name, partyName: m.partyName, open: pledgesOpen(m, new Date()) } : null,
    consentText: consent ? sectionContaining(consent.body, PLEDGE_CONSENT_VERSION) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(request, context, "site.view");
  const m = await getMovement(context.db);
  const values = formValues(await request.formData());
  const submitter = { appUrl: context.env.appUrl, ip: context.clientIp, secret: context.env.appSecret };
  return respond(await pledgeFromPage(context.db, values, pledgesOpen(m, new Date()), submitter));
}

export default function Pledge() {
  const { movement, consentText } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as PledgeAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  if (!movement) {
    return (
      <div className="page page--narrow">
        <h1>{t.title}</h1>
        <p>{t.notSetUp}</p>
      </div>
    );
  }
  if (result?.done) return <PledgeSent email={result.email} />;
  return (
    <PledgeForm
      movement={movement}
      consentText={consentText}
      errors={result && !result.done ? result.errors : {}}
      values={result && !result.done ? result.values : {}}
      busy={busy}
    />
  );
}
