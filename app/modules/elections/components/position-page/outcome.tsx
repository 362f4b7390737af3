import { Form, Link } from "@remix-run/react";
import { TextArea, WarningText } from "~/components/forms";
import { positionPartsText } from "~/modules/elections/position-page-messages";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import { PollResults } from "~/modules/polls/components/poll-results";
import type { PositionPartProps } from "./props";

/** The ballot's outcome: the result with its check, recounts and declaration; or why there is none yet. */
export function PositionOutcome({ d, busy, errors, values }: PositionPartProps) {
  const p = d.position;
  const t = positionPartsText.outcome;
  return (
    <>
      {d.result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t.heading}</h2>
          <p className="outcome outcome--passed">{t.elected(d.elected, d.position.declared)}</p>
          {d.unfilledByRon > 0 ? (
            <p className="outcome">
              {t.wonByRon(d.unfilledByRon)} <Link to="/elections">{positionPartsText.electionsPage}</Link> {t.wonByRonRule}
            </p>
          ) : null}
          {d.verification?.ok ? <p>{d.verification.text}</p> : null}
          {d.verification && !d.verification.ok ? <WarningText>{t.failedCheck(d.verification.text)}</WarningText> : null}
          <p>
            <Link to={`/polls/${p.pollId}`}>{t.checkReceipt}</Link> · <Link to={`/polls/${p.pollId}/ballots`}>{t.publishedBallots}</Link> ·{" "}
            <a href={`/polls/${p.pollId}/ballots.blt`}>{t.ballotFile}</a>
            {d.position.declared ? (
              <>
                {" "}
                · <a href={`/elections/positions/${p.id}/declaration.pdf`}>{t.declarationPdf}</a>
              </>
            ) : null}
          </p>
          {d.recounts.length > 0 ? (
            <ul className="list">
              {d.recounts.map((r) => (
                <li key={r.id}>{t.recount(r)}</li>
              ))}
            </ul>
          ) : null}
          {d.viewer.canRun && (d.position.declared || (d.verification && !d.verification.ok)) ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="recount" />
              <h3>{t.askRecount}</h3>
              <p>{d.position.declared ? t.recountDeclared : t.recountFailedCheck}</p>
              <TextArea name="recountReason" label={t.recountReason} rows={2} defaultValue={values.recountReason} error={errors.recountReason} />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t.recountSubmit}
              </button>
            </Form>
          ) : null}
          {d.viewer.canRun && !d.position.declared && d.verification?.ok ? (
            <Form method="post">
              <input type="hidden" name="intent" value="declare" />
              <button type="submit" className="button" disabled={busy}>
                {t.declare}
              </button>
            </Form>
          ) : null}
          <PollResults result={d.result} {...(p.pollId ? { sheetHref: `/polls/${p.pollId}/count-sheet.pdf` } : {})} />
        </section>
      ) : d.noBallot ? (
        <p className="outcome">
          {t.noBallot(p.seats)} <Link to="/elections">{positionPartsText.electionsPage}</Link>
          {t.fullStop}
        </p>
      ) : d.ballotDecrypting ? (
        <p className="outcome">{electionTrusteeText.ballotWaiting}</p>
      ) : d.ballotOpen && p.pollId ? (
        <p>
          <Link to={`/polls/${p.pollId}`} className="button">
            {t.voteFor(p.title)}
          </Link>
        </p>
      ) : null}
    </>
  );
}
