import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { AdoptionSection, FailedAdoptions } from "~/modules/constitution/components/results/adoption";
import { RoundSection } from "~/modules/constitution/components/results/rounds";
import { closeFromResults, extendRoundFromPage, type ResultsAnswer } from "~/modules/constitution/results-actions.server";
import { resultsText as t } from "~/modules/constitution/results-messages";
import { constitutionResultsView } from "~/modules/constitution/results-view.server";
import { renderAfterAdoption } from "~/modules/registration/pack.server";
import { respond } from "~/utils/action-answer.server";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  return constitutionResultsView(context.db, principalOf(context), new Date());
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "poll.manage");
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  const actor = { id: user.id, label: user.email };
  if (intent === "extend-round") requireUser(request, context, "poll.correct_under_standing_orders");
  else if (intent !== "close-round" && intent !== "close-adoption") throw new Response(t.unknownAction, { status: 400 });
  const done =
    intent === "extend-round"
      ? await extendRoundFromPage(context.db, actor, { closesAt: values.closesAt ?? "", reason: values.reason ?? "" })
      : // The adopted version never changes: its PDF is made now, on the PDF worker, for every later download (decision 024).
        await closeFromResults(context.db, actor, user.role, intent, values.reason ?? "", (version) => void renderAfterAdoption(context.db, version));
  if (!done) throw new Response(t.noDraft, { status: 404 });
  return respond(done);
}

export default function ConstitutionResults() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ResultsAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  const errors = result?.errors ?? {};
  const closeRights = { canClose: d.canClose, canCloseEarly: d.canCloseEarly, error: errors.reason, busy };
  return (
    <div className="page">
      <ErrorSummary errors={errors} />
      {search.get("opened") ? (
        <NotificationBanner title={t.opened.title} kind="success">
          {t.opened.body}
        </NotificationBanner>
      ) : null}
      {search.get("adoption") ? (
        <NotificationBanner title={t.adoptionOpened.title} kind="success">
          {t.adoptionOpened.body}
        </NotificationBanner>
      ) : null}
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          {t.doneBody}
        </NotificationBanner>
      ) : null}
      <p>
        <Link to="/constitution">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      {d.version ? (
        <p className="outcome outcome--passed">
          {t.adopted(d.version.number, d.version.adoptedAt)}
          <a href="/constitution.pdf">{t.downloadAdopted}</a>.
        </p>
      ) : null}
      {d.adoption ? <AdoptionSection adoption={d.adoption} rights={closeRights} /> : null}
      {d.failedAdoptions.length > 0 ? <FailedAdoptions failed={d.failedAdoptions} canOpenNew={d.canOpenNewAdoption} canClose={d.canClose} /> : null}
      {d.undecided ? <p>{d.undecided}</p> : null}
      {d.rounds.length === 0 ? <p>{t.noRound}</p> : null}
      {d.rounds.map((r) => (
        <RoundSection
          key={r.number}
          round={r}
          actions={{
            openRound: d.openRound,
            canClose: d.canClose,
            canCloseEarly: d.canCloseEarly,
            canExtend: d.canExtend,
            errors,
            values: result?.values,
            busy,
          }}
        />
      ))}
    </div>
  );
}
