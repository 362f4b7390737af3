import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { AcceptInvitation, FoundingMember, LeftTheRoll } from "~/modules/founding/components/founding-page/member";
import { RollFigures } from "~/modules/founding/components/founding-page/roll";
import { RunFounding } from "~/modules/founding/components/founding-page/run-founding";
import { memberAction, memberIntents, organiserAction, type FoundingAnswer } from "~/modules/founding/page-actions.server";
import { foundingPageText as t } from "~/modules/founding/page-messages";
import { foundingPageView } from "~/modules/founding/page-view.server";
import { foundingMessages } from "~/modules/founding/wording";
import { respond } from "~/utils/action-answer.server";
import { principalOf, requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";
import { isAllowed } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "founding.take_part");
  return foundingPageView(context.db, user.id, isAllowed(principalOf(context), "founding.manage"), new Date());
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  if (memberIntents.includes(intent)) {
    const { user } = requireUser(request, context, "founding.take_part");
    return respond(await memberAction(context.db, user, intent, values));
  }
  const { user } = requireUser(request, context, "founding.manage");
  return respond(await organiserAction(context.db, { id: user.id, label: user.email }, intent, values, context.env.appUrl));
}

/** Where each error in the summary takes the reader. */
const fieldIds = {
  acceptStatement: "acceptStatement",
  leavingDay: "leavingDay",
  closesAt: "closesAt",
  resigned: "resigned",
  invite: "invite",
  withdrawEmail: "withdrawEmail",
  withdrawReason: "withdrawReason",
};

export default function Founding() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FoundingAnswer | undefined;
  const errors = result?.errors ?? {};
  const founding = d.phase === "founding";
  return (
    <div className="page">
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <h1>{t.title}</h1>
      {result?.message ? (
        <NotificationBanner title={t.done} kind="success">
          <p>{result.message}</p>
        </NotificationBanner>
      ) : null}
      {!founding ? <p className="lead">{foundingMessages.not_founding_phase}</p> : null}
      {founding && d.membership && !d.membership.accepted ? <AcceptInvitation statement={d.statement} consent={d.consent} errors={errors} /> : null}
      {d.membership?.left ? <LeftTheRoll /> : null}
      {d.membership?.accepted && !d.membership.left ? <FoundingMember d={d} /> : null}
      {founding && !d.membership && !d.canManage ? <p>{foundingMessages.not_invited}</p> : null}
      <RollFigures figures={d.figures} />
      {d.canManage && founding ? <RunFounding d={d} errors={errors} values={result?.values} /> : null}
    </div>
  );
}
