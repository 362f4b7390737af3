import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadDraft } from "~/modules/constitution/draft.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Constitution - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  return { clauses: await loadDraft() };
}

export default function ConstitutionPage() {
  const { clauses } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>The draft constitution</h1>
      <p className="lead">
        The model constitution founding members start from. Lines are numbered as printed, so that amendments can point to them.
        Clauses marked <span className="tag tag--entrenched">Entrenched</span> need a two-thirds majority to change.
      </p>
      <nav aria-labelledby="toc-title" className="panel">
        <h2 id="toc-title">Contents</h2>
        <ol className="toc">
          {clauses.map((c) => (
            <li key={c.id}>
              <a href={`#${c.id}`}>{c.title}</a>
              {c.entrenched ? " (entrenched)" : ""}
            </li>
          ))}
        </ol>
      </nav>
      {clauses.map((c) => (
        <section key={c.id} id={c.id} aria-labelledby={`${c.id}-title`} className="clause">
          <h2 id={`${c.id}-title`}>
            {c.number}. {c.title}
            {c.entrenched ? <span className="tag tag--entrenched">Entrenched</span> : null}
          </h2>
          {c.firstLine !== null ? (
            <p className="clause__lines-note">
              Lines {c.firstLine} to {c.lastLine}
            </p>
          ) : null}
          <div className="clause__text">
            {c.lines.map((line, i) =>
              line.kind === "blank" ? (
                <div key={i} className="clause__blank" />
              ) : (
                <div key={i} className="clause__line">
                  <span className="clause__number" aria-hidden="true">
                    {line.number}
                  </span>
                  <span className={line.kind === "list-item" ? "clause__words clause__words--item" : "clause__words"}>
                    {line.listMarker ? <span className="clause__marker">{line.listMarker} </span> : null}
                    {line.text}
                  </span>
                </div>
              ),
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
