import { Select } from "~/components/forms";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ClauseChanges } from "~/modules/constitution/components/compare/clause-changes";
import { compareText as t } from "~/modules/constitution/compare-messages";
import { compareView } from "~/modules/constitution/compare-view.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const url = new URL(request.url);
  return compareView(context.db, { from: url.searchParams.get("from"), to: url.searchParams.get("to") });
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/constitution">{t.back}</Link>
      </p>
      <h1>{t.heading}</h1>
      {d.choices.length === 0 ? (
        <p>{t.nothingYet}</p>
      ) : (
        <Form method="get" className="panel">
          <Select name="from" label={t.from} choices={d.choices} defaultValue={d.from} />
          <Select name="to" label={t.to} choices={d.choices} defaultValue={d.to} />
          <button type="submit" className="button">
            {t.submit}
          </button>
        </Form>
      )}
      {!d.known && d.choices.length > 0 ? <p>{t.unknownVersion}</p> : null}
      {d.changes ? <ClauseChanges changes={d.changes} /> : null}
    </div>
  );
}
