import { Link } from "@remix-run/react";
import { clausePageText } from "../../clause-page-messages";
import type { ClausePageView } from "../../clause-page-view.server";
import { tooLongToCompare } from "../../messages";
import { CompactDiff } from "../clause-text";

type View = Pick<ClausePageView, "amendments" | "access" | "supportersNeeded">;

/** The amendments to a clause, each with what it changes and why; for those who see the debate. */
export function ClauseAmendments({ clauseId, view: d }: { clauseId: string; view: View }) {
  const t = clausePageText.amendments;
  return (
    <section aria-labelledby="amendments-title">
      <h2 id="amendments-title">{t.heading}</h2>
      {!d.access.seesDebate ? (
        <p>
          {t.foundingMembersOnly} {d.access.signedIn ? null : <Link to={`/login?redirectTo=/constitution/clauses/${clauseId}`}>{t.signIn}</Link>}
        </p>
      ) : d.amendments.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        d.amendments.map((a) => (
          <article key={a.number} className="amendment" aria-labelledby={`a${a.number}-title`}>
            <h3 id={`a${a.number}-title`}>
              <Link to={`/constitution/amendments/${a.number}`}>{t.title(a.number)}</Link>: {a.kind}
            </h3>
            <p>
              {t.proposedBy(a.proposer, a.status)}
              {a.byCommittee ? t.committeeNeedsNone : t.supporters(a.supporters, d.supportersNeeded)}
              {a.recommendation ? t.recommended : ""}
            </p>
            {a.note ? <p>{a.note}</p> : null}
            {a.competesWith.length > 0 ? (
              <p>
                <strong>{t.competesWith(a.competesWith)}</strong>
                {t.competesExplained}
              </p>
            ) : null}
            {a.comparedWordByWord ? null : <p>{tooLongToCompare}</p>}
            {a.cut.map((sentence) => (
              <p key={sentence}>{sentence}</p>
            ))}
            {a.segments.some((s) => s.kind !== "same") ? <CompactDiff segments={a.segments} label={t.changesMadeBy(a.number)} /> : null}
            <p>
              <strong>{t.reason}</strong> {a.reason.text}
            </p>
            {a.reason.cut ? <p className="hint">{a.reason.cut}</p> : null}
            <p>
              <Link to={`/constitution/amendments/${a.number}`}>{t.readMore(a.number)}</Link>
            </p>
          </article>
        ))
      )}
    </section>
  );
}
