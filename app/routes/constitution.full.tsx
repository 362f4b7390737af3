import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { wholeTextHtml } from "~/modules/constitution/components/clause-text-html.server";
import { ConstitutionIntro, readingLinks } from "~/modules/constitution/components/constitution-reading";
import { readingText as t } from "~/modules/constitution/reading-messages";
import { shownConstitution } from "~/modules/constitution/shown-constitution.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.whole.metaTitle} - Breakaway` }];

/** Text and links only: sent without the app's scripts, which would carry the whole text again (see root.tsx). */
export const handle = { hydrate: false };

/** Every clause on one page: to search the text or read it straight through on a computer. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const { clauses, ...shown } = await shownConstitution(context);
  return { ...shown, wholeText: wholeTextHtml(clauses, shown.access.seesDebate) };
}

export default function WholeConstitution() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={readingLinks.contents}>{t.backToContents}</Link>
      </p>
      <h1>{d.heading}</h1>
      <ConstitutionIntro d={d} />
      {/* The contents and every clause, made once per version of the text (clause-text-html.server.tsx). */}
      <div dangerouslySetInnerHTML={{ __html: d.wholeText }} />
    </div>
  );
}
