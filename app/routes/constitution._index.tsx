import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConstitutionIntro, readingLinks } from "~/modules/constitution/components/constitution-reading";
import { readingText } from "~/modules/constitution/reading-messages";
import { contentsOf, shownConstitution } from "~/modules/constitution/shown-constitution.server";
import { requirePermission } from "~/utils/auth.server";

const t = readingText.contents;

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

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
        <h2 id="toc-title">{t.heading}</h2>
        <p>{t.howToRead}</p>
        <ol className="toc toc--clauses">
          {d.clauses.map((c) => (
            <li key={c.id}>
              <Link to={readingLinks.clause(c.id)}>{c.title}</Link>
              {c.entrenched ? t.entrenched : ""}
              {t.decision(c.decision)}
              {t.amendments(c.amendments)}
            </li>
          ))}
        </ol>
      </nav>
      <p>
        <Link to={readingLinks.whole}>{t.wholeLink}</Link>
        {t.wholeNote}
      </p>
    </div>
  );
}
