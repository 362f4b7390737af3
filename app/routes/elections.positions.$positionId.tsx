import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, PageErrorSummary, type FieldErrors } from "~/components/forms";
import { PAGE, type PositionAnswer } from "~/modules/elections/components/position-page/answer";
import { Candidates } from "~/modules/elections/components/position-page/candidates";
import { Nominate, NominationForMe, PendingNominations, Stand } from "~/modules/elections/components/position-page/nominations";
import { PositionOutcome } from "~/modules/elections/components/position-page/outcome";
import { positionAction, returningOfficerIntents } from "~/modules/elections/position-actions.server";
import { positionPageView } from "~/modules/elections/position-view.server";
import { positionPageText as t } from "~/modules/elections/messages";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";
import { respond } from "~/utils/action-answer.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${t.metaTitle(d?.position.title)} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const find = new URL(request.url).searchParams.get("find") ?? "";
  const viewer = { principal: principalOf(context), userId: auth?.user.id ?? null, role: auth?.user.role ?? null };
  const page = await positionPageView(context.db, viewer, params.positionId ?? "", find);
  if (!page) throw new Response(t.notFound, { status: 404 });
  return page;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form);
  const { user } = requireUser(request, context, returningOfficerIntents.includes(intent) ? "elections.run" : "elections.take_part");
  const done = await positionAction(context.db, user, params.positionId ?? "", intent, values, context.env.appUrl);
  if (!done) throw new Response(t.unknownAction, { status: 400 });
  return respond(done);
}

export default function PositionPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as PositionAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  const v = result?.values ?? {};
  const p = d.position;
  const canStand = d.nominationsOpen && d.viewer.mayNominate && !d.nominationForMe && (!d.mine || d.mine.status === "withdrawn");
  const firstMatch = d.search.results?.[0]?.userId;
  // A refusal beside a form the page no longer shows (the nomination answered meanwhile,
  // nominations closed) goes to the summary alone.
  const formShown: Record<string, boolean> = {
    decline: Boolean(d.nominationForMe),
    nomineeId: d.nominationsOpen && d.viewer.mayNominate,
    ...Object.fromEntries(["statement", "consent", "registeredOfficer", "treasurerEligible"].map((f) => [f, Boolean(d.nominationForMe) || canStand])),
    recountReason: d.viewer.canRun && (p.declared || Boolean(d.verification && !d.verification.ok)),
  };
  const pageError = Object.entries(errors).find(([field, message]) => message && (field === PAGE || formShown[field] === false))?.[1];
  const fieldErrors = pageError ? {} : errors;
  const parts = { d, busy, errors: fieldErrors, values: v, target: result?.target };
  // The nomination posts to the search's own address, so the choices stay on screen after an error.
  return (
    <div className="page">
      {pageError ? (
        <PageErrorSummary message={pageError} />
      ) : (
        <ErrorSummary
          errors={fieldErrors}
          fieldIds={{
            consent: "consent",
            registeredOfficer: "registeredOfficer",
            treasurerEligible: "treasurerEligible",
            nomineeId: firstMatch ? `nomineeId-${firstMatch}` : "find",
          }}
        />
      )}
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          {t.recorded}
        </NotificationBanner>
      ) : null}
      <p>
        <Link to="/elections">{t.allPositions}</Link>
      </p>
      <h1>{p.title}</h1>
      <WaitingNotice notice={d.waiting} />
      {d.excluded && d.nominationsOpen ? <p className="inset-text">{d.excluded}</p> : null}
      <p className="lead">
        {t.lead(p.seats, p.method, p.role, p.secondersRequired)}
        {p.eligibility}
      </p>

      <PositionOutcome {...parts} />

      <section aria-labelledby="candidates-title" id="candidates">
        <h2 id="candidates-title">{t.candidates}</h2>
        {d.candidates.length === 0 ? <p>{t.nobodyStanding}</p> : null}
        <Candidates {...parts} />
      </section>

      {d.pending.length > 0 ? <PendingNominations d={d} /> : null}

      {d.nominationForMe ? <NominationForMe {...parts} /> : null}

      {d.nominationsOpen && d.viewer.mayNominate ? <Nominate {...parts} /> : null}

      <Stand {...parts} canStand={canStand} />
    </div>
  );
}
