import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, type FieldErrors } from "~/components/forms";
import { TrusteesPanel } from "~/modules/polls/components/trustees-panel";
import { isTrusteeScope, nameScopeTrustees, scopeGroups, scopeTrusteesSummary, type TrusteeScope } from "~/modules/polls/encrypted/scope-trustees.server";
import { readTrusteesForm } from "~/modules/polls/trustee-form.server";
import { scopeTrusteeText, trusteesPageText as t } from "~/modules/polls/scope-trustee-messages";
import { requirePermission, requireUser, principalOf } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: "Trustees - Breakaway" }];

/**
 * Who holds the key of each vote on the road (decision 048), and, for the returning officer, the
 * forms that name them: the standing orders vote, the constitution's votes, the financial scheme.
 * The decision ballot's trustees are named by the organisers on Manage the campaign.
 */
const namedHere: readonly TrusteeScope[] = ["standing_orders", "constitution", "financial_scheme"];
const shown: readonly TrusteeScope[] = ["decision", ...namedHere];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const userId = auth?.user.id ?? null;
  const canName = isAllowed(principalOf(context), "trustees.name");
  // Names are for signed-in people, as on the Elections page.
  const parts = await Promise.all(
    shown.map(async (scope) => ({ scope, sets: await scopeTrusteesSummary(context.db, scope, userId, { names: Boolean(auth) }) })),
  );
  return data({ parts, canName }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "trustees.name");
  const values = formValues(await request.formData());
  const scope = values.scope ?? "";
  if (!isTrusteeScope(scope) || !namedHere.includes(scope)) throw new Response(t.unknownPart, { status: 400 });
  const read = await readTrusteesForm(context.db, values);
  if (!read.ok) return data({ scope, errors: read.errors as FieldErrors, values, done: null }, { status: 400 });
  const named = await context.db.transaction((tx) => nameScopeTrustees(tx, { id: user.id, label: user.email }, scope, scopeGroups(scope), read));
  if (!named.ok) return data({ scope, errors: { trustees: t.invalid } as FieldErrors, values, done: null }, { status: 400 });
  const text = scopeTrusteeText(scope);
  return data({ scope, errors: {} as FieldErrors, values: {}, done: named.trustees > 0 ? text.named(named.trustees) : text.removed });
}

export default function Trustees() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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
