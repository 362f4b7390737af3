import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, type FieldErrors } from "~/components/forms";
import { ElectionTrusteesPanel } from "~/modules/elections/components/election-trustees";
import { ElectionOverview } from "~/modules/elections/components/elections-page/overview";
import { AddPosition, CloseAndCount, CreateElection, OpenBallots } from "~/modules/elections/components/elections-page/running";
import { SeatsFilled, VacantSeats } from "~/modules/elections/components/elections-page/seats";
import { electionsAction, electionsFormPermission, type ElectionsAnswer } from "~/modules/elections/elections-page-actions.server";
import { electionsPageView } from "~/modules/elections/elections-view.server";
import { electionsPageText as t } from "~/modules/elections/messages";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";
import { respond } from "~/utils/action-answer.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  return electionsPageView(context.db, { principal: principalOf(context), userId: auth?.user.id ?? null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  const permission = electionsFormPermission[intent];
  if (!permission) throw new Response(t.unknownAction, { status: 400 });
  const { user } = requireUser(request, context, permission);
  const done = await electionsAction(context.db, { id: user.id, label: user.email }, intent, values);
  if (!done) throw new Response(t.unknownAction, { status: 400 });
  return respond(done);
}

export default function ElectionsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ElectionsAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  const v = result?.values ?? {};
  const e = d.election;
  const parts = { d, busy, errors, values: v };
  return (
    <div className="page">
      <ErrorSummary errors={errors} fieldIds={result?.intent === "reopen" ? { opensAt: "reopen-opensAt", closesAt: "reopen-closesAt" } : undefined} />
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          {t.recorded}
        </NotificationBanner>
      ) : null}
      <h1>{t.title}</h1>
      <ElectionOverview d={d} />

      <SeatsFilled d={d} />

      <VacantSeats {...parts} />

      <CreateElection {...parts} />

      <AddPosition {...parts} />

      {e ? <ElectionTrusteesPanel trustees={d.trustees} canName={d.can.run && e.phase === "nominations"} values={v} errors={errors} busy={busy} /> : null}

      <OpenBallots {...parts} />

      <CloseAndCount {...parts} />
    </div>
  );
}
