import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClauseText } from "~/components/clause-text";
import { loadDraft } from "~/modules/constitution/draft.server";
import { amendedDocument, amendmentCounts, clauseDecisionMap, currentDraft } from "~/modules/constitution/drafting.server";
import { phaseLabels } from "~/modules/constitution/messages";
import { latestVersion, openRoundOf } from "~/modules/constitution/round.server";
import { constitutionAccess, numberedView, type NumberedClauseView } from "~/modules/constitution/views.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Constitution - Breakaway" }];

// The clause text itself is left out: the numbered lines carry it, and the page's data would
// otherwise hold the whole constitution twice.
type Shown = Omit<NumberedClauseView, "text"> & { amendments: number; decision: string | null; link: boolean };
const withoutText = <T extends { text: string }>({ text: _text, ...rest }: T): Omit<T, "text"> => rest;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const access = await constitutionAccess(context);
  const draft = await currentDraft(context.db);
  const version = await latestVersion(context.db);
  if (!draft) {
    const model = await loadDraft();
    const clauses: Shown[] = model.map((c) => ({ ...c, cut: null, amendments: 0, decision: null, link: false }));
    return { state: "model" as const, heading: "The draft constitution", clauses, access, phase: null, version: null, votingOpen: false, hasResults: false };
  }
  if (draft.adoptedVersion !== null && version && version.number === draft.adoptedVersion) {
    const clauses: Shown[] = numberedView(version.clauses, draft.lineWidth).map((c) => ({ ...withoutText(c), amendments: 0, decision: null, link: false }));
    return {
      state: "adopted" as const,
      heading: `The constitution, version ${version.number}`,
      clauses,
      access,
      phase: null,
      version: { number: version.number, adoptedAt: formatDateTime(version.adoptedAt) },
      votingOpen: false,
      hasResults: true,
    };
  }
  const { amended } = await amendedDocument(context.db, draft.id);
  const counts = access.seesDebate ? await amendmentCounts(context.db, draft.id) : new Map<string, number>();
  const decisions = await clauseDecisionMap(context.db, draft.id);
  const round = await openRoundOf(context.db, draft.id);
  const clauses: Shown[] = numberedView(amended.clauses, draft.lineWidth).map((c) => ({ ...withoutText(c), amendments: counts.get(c.id) ?? 0, decision: decisions.get(c.id) ?? null, link: true }));
  return {
    state: "draft" as const,
    heading: draft.baseVersion ? `Amending the constitution (version ${draft.baseVersion + 1} in draft)` : "The draft constitution",
    clauses,
    access,
    phase: phaseLabels[draft.phase],
    version: version ? { number: version.number, adoptedAt: formatDateTime(version.adoptedAt) } : null,
    votingOpen: Boolean(round),
    hasResults: decisions.size > 0 || Boolean(round) || draft.phase === "closed",
  };
}

const decisionLabels: Record<string, string> = { adopted: "Adopted", rejected: "Rejected: left out" };

export default function ConstitutionPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{d.heading}</h1>
      {d.state === "model" ? (
        <p className="lead">
          The model constitution founding members start from. Drafting has not opened yet. Lines are numbered as printed, so that amendments can point to them.
        </p>
      ) : d.state === "adopted" ? (
        <p className="lead">Adopted by the founding members on {d.version?.adoptedAt}. The adoption record is at the end of the PDF.</p>
      ) : (
        <p className="lead">
          {d.phase}. Lines are numbered as printed, so that amendments can point to them.
          {d.access.seesDebate ? " Open a clause to read its amendments and comments, or to propose your own." : ""}
        </p>
      )}
      <p>
        Clauses marked <span className="tag tag--entrenched">Entrenched</span> need a two-thirds majority to change.
      </p>
      <ul className="button-group" aria-label="Constitution actions">
        <li>
          <a href="/constitution.pdf" className="button button--secondary">
            Download as PDF
          </a>
        </li>
        {d.state !== "model" && d.access.seesDebate ? (
          <li>
            <a href="/constitution/amendments.pdf" className="button button--secondary">
              Amendments as PDF
            </a>
          </li>
        ) : null}
        {d.state !== "model" ? (
          <li>
            <Link to="/constitution/compare" className="button button--secondary">
              Compare versions
            </Link>
          </li>
        ) : null}
        {d.votingOpen && (d.access.foundingMember || d.access.organiser) ? (
          <li>
            <Link to="/constitution/vote" className="button">
              Vote on the clauses
            </Link>
          </li>
        ) : null}
        {d.hasResults ? (
          <li>
            <Link to="/constitution/results" className="button button--secondary">
              Results
            </Link>
          </li>
        ) : null}
        {d.access.organiser ? (
          <li>
            <Link to="/constitution/manage" className="button button--secondary">
              Manage drafting and votes
            </Link>
          </li>
        ) : null}
      </ul>
      <nav aria-labelledby="toc-title" className="panel">
        <h2 id="toc-title">Contents</h2>
        <ol className="toc">
          {d.clauses.map((c) => (
            <li key={c.id}>
              <a href={`#${c.id}`}>{c.title}</a>
              {c.entrenched ? " (entrenched)" : ""}
              {c.amendments > 0 ? ` — ${c.amendments} ${c.amendments === 1 ? "amendment" : "amendments"}` : ""}
            </li>
          ))}
        </ol>
      </nav>
      {d.clauses.map((c) => (
        <section key={c.id} id={c.id} aria-labelledby={`${c.id}-title`} className="clause">
          <h2 id={`${c.id}-title`}>
            {c.number}. {c.title}
            {c.entrenched ? <span className="tag tag--entrenched">Entrenched</span> : null}
            {c.decision ? <span className="tag">{decisionLabels[c.decision]}</span> : null}
          </h2>
          {c.firstLine !== null ? (
            <p className="clause__lines-note">
              Lines {c.firstLine} to {c.lastLine}
              {c.link ? (
                <>
                  {" · "}
                  <Link to={`/constitution/clauses/${c.id}`}>
                    {d.access.seesDebate ? `Amendments (${c.amendments}) and comments` : "Clause page"}
                    <span className="visually-hidden"> for {c.title}</span>
                  </Link>
                </>
              ) : null}
            </p>
          ) : null}
          <ClauseText lines={c.lines} cut={c.cut} />
        </section>
      ))}
    </div>
  );
}
