import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConstitutionIntro, readingLinks } from "~/modules/constitution/components/constitution-reading";
import { contentsOf, shownConstitution } from "~/modules/constitution/shown-constitution.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Constitution - Breakaway" }];

// The contents only: each clause is read on its own page, so that a phone never loads the whole
// text (some 400 KB) to read one clause. The whole text is one link away (decision 036).
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  return contentsOf(await shownConstitution(context));
}

export default function ConstitutionPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{d.heading}</h1>
      <ConstitutionIntro d={d} />
      <nav aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <p>Open a clause to read it. Each clause page leads on to the next.</p>
        <ol className="toc toc--clauses">
          {d.clauses.map((c) => (
            <li key={c.id}>
              <Link to={readingLinks.clause(c.id)}>{c.title}</Link>
              {c.entrenched ? " (entrenched)" : ""}
              {c.decision === "adopted" ? " (adopted)" : c.decision === "rejected" ? " (rejected, left out)" : ""}
              {c.amendments > 0 ? `: ${c.amendments} ${c.amendments === 1 ? "amendment" : "amendments"}` : ""}
            </li>
          ))}
        </ol>
      </nav>
      <p>
        <Link to={readingLinks.whole}>Read the whole constitution on one page</Link> (long: best on a computer, or to search the text).
      </p>
    </div>
  );
}
