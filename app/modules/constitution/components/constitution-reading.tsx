import { Link } from "@remix-run/react";
import { ClauseLines, type ClauseLine } from "./clause-text";
import type { ConstitutionAccess } from "~/modules/constitution/views.server";
import { readingText } from "~/modules/constitution/reading-messages";

/** What the reading pages share: the state of the constitution and what the reader may do. */
export interface ReadingHeader {
  state: "model" | "draft" | "adopted";
  heading: string;
  access: ConstitutionAccess;
  phase: string | null;
  version: { number: number; adoptedAt: string } | null;
  votingOpen: boolean;
  hasResults: boolean;
}

export interface ReadableClause {
  id: string;
  number: number;
  title: string;
  entrenched: boolean;
  amendments: number;
  decision: string | null;
  link: boolean;
  firstLine: number | null;
  lastLine: number | null;
}

export const readingLinks = {
  contents: "/constitution",
  whole: "/constitution/full",
  clause: (id: string) => `/constitution/read/${id}`,
};

/** The lead paragraph and the buttons of the contents page and the whole-text page. */
export function ConstitutionIntro({ d }: { d: ReadingHeader }) {
  const t = readingText.intro;
  return (
    <>
      {d.state === "model" ? (
        <p className="lead">{t.model}</p>
      ) : d.state === "adopted" ? (
        <p className="lead">{t.adopted(d.version?.adoptedAt ?? "")}</p>
      ) : (
        <p className="lead">{t.draft(d.phase ?? "", d.access.seesDebate)}</p>
      )}
      <p>
        {t.entrenchedBefore}
        <span className="tag tag--entrenched">{readingText.tags.entrenched}</span>
        {t.entrenchedAfter}
      </p>
      <ul className="button-group" aria-label={t.actions}>
        <li>
          <a href="/constitution.pdf" className="button button--secondary">
            {t.pdf}
          </a>
        </li>
        {d.state !== "model" && d.access.seesDebate ? (
          <li>
            <a href="/constitution/amendments.pdf" className="button button--secondary">
              {t.amendmentsPdf}
            </a>
          </li>
        ) : null}
        {d.state !== "model" ? (
          <li>
            <Link to="/constitution/compare" className="button button--secondary">
              {t.compare}
            </Link>
          </li>
        ) : null}
        {d.votingOpen && (d.access.foundingMember || d.access.organiser) ? (
          <li>
            <Link to="/constitution/vote" className="button">
              {t.vote}
            </Link>
          </li>
        ) : null}
        {d.hasResults ? (
          <li>
            <Link to="/constitution/results" className="button button--secondary">
              {t.results}
            </Link>
          </li>
        ) : null}
        {d.access.organiser ? (
          <li>
            <Link to="/constitution/manage" className="button button--secondary">
              {t.manage}
            </Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}

/** A clause's tags: entrenched, and the decision of a vote on it. */
export function ClauseTags({ c }: { c: ReadableClause }) {
  return (
    <>
      {c.entrenched ? <span className="tag tag--entrenched">{readingText.tags.entrenched}</span> : null}
      {c.decision ? <span className="tag">{readingText.tags.decision[c.decision]}</span> : null}
    </>
  );
}

/**
 * "Lines 1 to 12", and the link to the clause's amendments and comments while it is drafted.
 * `plain`: an ordinary link, for markup made outside the router (the whole text, made once).
 */
export function ClauseLinesNote({ c, seesDebate, plain = false }: { c: ReadableClause; seesDebate: boolean; plain?: boolean }) {
  const Anchor = plain ? PlainLink : Link;
  const t = readingText.linesNote;
  // A clause with no numbered line has neither number (text/lines.ts: numberClauses).
  if (c.firstLine === null || c.lastLine === null) return null;
  return (
    <p className="clause__lines-note">
      {t.lines(c.firstLine, c.lastLine)}
      {c.link ? (
        <>
          {" · "}
          <Anchor to={`/constitution/clauses/${c.id}`}>
            {seesDebate ? t.debate(c.amendments) : t.clausePage}
            <span className="visually-hidden">{t.forClause(c.title)}</span>
          </Anchor>
        </>
      ) : null}
    </p>
  );
}

function PlainLink({ to, children }: { to: string; children: React.ReactNode }) {
  return <a href={to}>{children}</a>;
}

/**
 * The whole text's contents and every clause as a section, with plain links: made once per
 * version of the text and of what the reader sees (clause-text-html.server.tsx), outside the router.
 */
export function WholeText({
  clauses,
  seesDebate,
}: {
  clauses: readonly (ReadableClause & { lines: readonly ClauseLine[]; cut: string | null })[];
  seesDebate: boolean;
}) {
  const t = readingText.contents;
  return (
    <>
      <nav aria-labelledby="toc-title" className="panel">
        <h2 id="toc-title">{t.heading}</h2>
        <ol className="toc">
          {clauses.map((c) => (
            <li key={c.id}>
              <a href={`#${c.id}`}>{c.title}</a>
              {c.entrenched ? t.entrenched : ""}
              {t.amendments(c.amendments)}
            </li>
          ))}
        </ol>
      </nav>
      {clauses.map((c) => (
        <section key={c.id} id={c.id} aria-labelledby={`${c.id}-title`} className="clause">
          <h2 id={`${c.id}-title`}>
            {c.number}. {c.title}
            <ClauseTags c={c} />
          </h2>
          <ClauseLinesNote c={c} seesDebate={seesDebate} plain />
          <div className="clause__text">
            <ClauseLines lines={c.lines} cut={c.cut} />
          </div>
        </section>
      ))}
    </>
  );
}
