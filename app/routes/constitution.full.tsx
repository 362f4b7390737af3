import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { withPreparedText } from "~/components/clause-text-html.server";
import { ClauseSection, ConstitutionIntro, readingLinks } from "~/components/constitution-reading";
import { shownConstitution } from "~/modules/constitution/shown-constitution.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "The whole constitution - Breakaway" }];

/** Text and links only: sent without the app's scripts, which would carry the whole text again (see root.tsx). */
export const handle = { hydrate: false };

/** Every clause on one page: to search the text or read it straight through on a computer. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const shown = await shownConstitution(context);
  return { ...shown, clauses: withPreparedText(shown.clauses) };
}

export default function WholeConstitution() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={readingLinks.contents}>Constitution: contents</Link>
      </p>
      <h1>{d.heading}</h1>
      <ConstitutionIntro d={d} />
      <nav aria-labelledby="toc-title" className="panel">
        <h2 id="toc-title">Contents</h2>
        <ol className="toc">
          {d.clauses.map((c) => (
            <li key={c.id}>
              <a href={`#${c.id}`}>{c.title}</a>
              {c.entrenched ? " (entrenched)" : ""}
              {c.amendments > 0 ? `: ${c.amendments} ${c.amendments === 1 ? "amendment" : "amendments"}` : ""}
            </li>
          ))}
        </ol>
      </nav>
      {d.clauses.map((c) => (
        <ClauseSection key={c.id} c={c} seesDebate={d.access.seesDebate} />
      ))}
    </div>
  );
}
