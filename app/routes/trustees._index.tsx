import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { TrusteesPanel } from "~/modules/polls/components/trustees-panel";
import type { TrusteeScope } from "~/modules/polls/encrypted/scope-trustees.server";
import { scopeTrusteeText, trusteesPageText as t } from "~/modules/polls/scope-trustee-messages";
import { nameTrusteesAction, type TrusteesAnswer } from "~/modules/polls/trustees-actions.server";
import { trusteesPageView } from "~/modules/polls/trustees-view.server";
import { respond } from "~/utils/action-answer.server";
import { requirePermission, requireUser, principalOf } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

/**
 * Who holds the key of each vote on the road (decision 048), and, for the returning officer, the
 * forms that name them: the standing orders vote, the constitution's votes, the financial scheme.
 * The decision ballot's trustees are named by the organisers on Manage the campaign.
 */
const namedHere: readonly TrusteeScope[] = ["standing_orders", "constitution", "financial_scheme"];
const shown: readonly TrusteeScope[] = ["decision", ...namedHere];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const page = await trusteesPageView(context.db, { principal: principalOf(context), userId: auth?.user.id ?? null }, shown);
  return data(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "trustees.name");
  const done = await nameTrusteesAction(context.db, { id: user.id, label: user.email }, formValues(await request.formData()), namedHere);
  if (!done) throw new Response(t.unknownPart, { status: 400 });
  return respond(done);
}

export default function Trustees() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as TrusteesAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      {result && Object.keys(result.errors).length > 0 ? (
        <ErrorSummary errors={result.errors} fieldIds={{ trustees: `trustees-${result.scope}`, trusteeThreshold: `trusteeThreshold-${result.scope}` }} />
      ) : null}
      <h1>{t.title}</h1>
      {result?.done ? (
        <NotificationBanner title={t.done} kind="success">
          <p>{result.done}</p>
        </NotificationBanner>
      ) : null}
      <p className="lead">{t.lead}</p>
      {d.parts.map((part) => {
        const text = scopeTrusteeText(part.scope);
        const mine = result?.scope === part.scope;
        return (
          <section key={part.scope} aria-labelledby={`part-${part.scope}`}>
            <h2 id={`part-${part.scope}`}>{t.parts[part.scope]}</h2>
            <TrusteesPanel
              sets={part.sets}
              text={{ ...text, heading: t.whoHolds }}
              canName={d.canName && namedHere.includes(part.scope)}
              values={mine ? result.values : {}}
              errors={mine ? result.errors : {}}
              busy={busy}
              hidden={{ scope: part.scope }}
              idSuffix={part.scope}
            />
          </section>
        );
      })}
      <p>
        <Link to="/polls">{t.pollsLink}</Link>
      </p>
    </div>
  );
}
