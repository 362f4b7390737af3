import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClauseText } from "~/modules/constitution/components/clause-text";
import { ClauseLinesNote, ClauseTags, readingLinks } from "~/modules/constitution/components/constitution-reading";
import { readingText } from "~/modules/constitution/reading-messages";
import { readClauseView } from "~/modules/constitution/shown-constitution.server";
import { requirePermission } from "~/utils/auth.server";

const t = readingText.clause;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${t.metaTitle(d ? `${d.clause.number}. ${d.clause.title}` : null)} - Breakaway` }];

/** One clause of the constitution as it stands, with the clauses either side: a phone-sized read. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const page = await readClauseView(context, params.clauseId);
  if ("missing" in page) throw new Response(page.missing, { status: 404 });
  return page;
}

export default function ReadClause() {
  const d = useLoaderData<typeof loader>();
  const c = d.clause;
  return (
    <div className="page page--narrow">
      <p>
        <Link to={readingLinks.contents}>{readingText.backToContents}</Link>
      </p>
      <span className="caption">{d.heading}</span>
      <h1>
        {c.number}. {c.title}
        <ClauseTags c={c} />
      </h1>
      <p className="clause__lines-note">{t.position(c.number, d.count)}</p>
      <ClauseLinesNote c={c} seesDebate={d.seesDebate} />
      <ClauseText lines={c.lines} cut={c.cut} />
      <nav aria-label={t.otherClauses} className="clause-pager">
        {d.previous ? (
          <Link to={readingLinks.clause(d.previous.id)} rel="prev" className="clause-pager__link">
            <span className="clause-pager__label">{t.previous}</span>
            {d.previous.number}. {d.previous.title}
          </Link>
        ) : null}
        {d.next ? (
          <Link to={readingLinks.clause(d.next.id)} rel="next" className="clause-pager__link">
            <span className="clause-pager__label">{t.next}</span>
            {d.next.number}. {d.next.title}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
