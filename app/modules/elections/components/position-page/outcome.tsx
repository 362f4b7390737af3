import { Form, Link } from "@remix-run/react";
import { TextArea, WarningText } from "~/components/forms";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import { PollResults } from "~/modules/polls/components/poll-results";
import { verificationFailedAdvice } from "~/modules/polls/messages";
import type { PositionPartProps } from "./props";

/** The ballot's outcome: the result with its check, recounts and declaration; or why there is none yet. */
export function PositionOutcome({ d, busy, errors, values }: PositionPartProps) {
  const p = d.position;
  return (
    <>
      {d.result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">Result</h2>
          <p className="outcome outcome--passed">
            Elected: {d.elected.join(", ") || "nobody"}. {d.position.declared ? "Declared by the returning officer." : "Not yet declared."}
          </p>
          {d.unfilledByRon > 0 ? (
            <p className="outcome">
              Re-open nominations won {d.unfilledByRon === 1 ? "a seat: it stays empty" : `${d.unfilledByRon} seats: they stay empty`}. Once every result is
              declared, the organisers re-open nominations for {d.unfilledByRon === 1 ? "it" : "them"} from the <Link to="/elections">Elections page</Link>{" "}
              (standing orders 11.14).
            </p>
          ) : null}
          {d.verification?.ok ? <p>{d.verification.text}</p> : null}
          {d.verification && !d.verification.ok ? (
            <WarningText>
              {d.verification.text} {verificationFailedAdvice}
            </WarningText>
          ) : null}
          <p>
            <Link to={`/polls/${p.pollId}`}>Check your receipt</Link> · <Link to={`/polls/${p.pollId}/ballots`}>Published ballots</Link> ·{" "}
            <a href={`/polls/${p.pollId}/ballots.blt`}>Ballot file (BLT)</a>
            {d.position.declared ? (
              <>
                {" "}
                · <a href={`/elections/positions/${p.id}/declaration.pdf`}>Declaration of result (PDF)</a>
              </>
            ) : null}
          </p>
          {d.recounts.length > 0 ? (
            <ul className="list">
              {d.recounts.map((r) => (
                <li key={r.id}>
                  {r.corrected && r.beforeDeclaration
                    ? `Recount on ${r.at}: the stored count failed its check and elected ${r.superseded.join(", ") || "nobody"}; the recount corrected it before the declaration. Reason: ${r.reason}`
                    : r.corrected
                      ? `Corrected by recount on ${r.at}: the superseded declaration elected ${r.superseded.join(", ") || "nobody"}, and is kept on record. Reason: ${r.reason}`
                      : `Recount on ${r.at}: the recount confirmed the result. Reason: ${r.reason}`}
                </li>
              ))}
            </ul>
          ) : null}
          {d.viewer.canRun && (d.position.declared || (d.verification && !d.verification.ok)) ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="recount" />
              <h3>Ask for a recount</h3>
              <p>
                {d.position.declared
                  ? "The count runs again from the stored ballots, on the same rules. If it differs, it corrects the declaration; the earlier one stays on record."
                  : "The stored count failed its check, so it cannot be declared. A recount counts the stored ballots again, on the same rules, and records the correction; you can then declare the corrected result."}
              </p>
              <TextArea name="recountReason" label="Reason for the recount" rows={2} defaultValue={values.recountReason} error={errors.recountReason} />
              <button type="submit" className="button button--secondary" disabled={busy}>
                Recount
              </button>
            </Form>
          ) : null}
          {d.viewer.canRun && !d.position.declared && d.verification?.ok ? (
            <Form method="post">
              <input type="hidden" name="intent" value="declare" />
              <button type="submit" className="button" disabled={busy}>
                Declare the result
              </button>
            </Form>
          ) : null}
          <PollResults result={d.result} {...(p.pollId ? { sheetHref: `/polls/${p.pollId}/count-sheet.pdf` } : {})} />
        </section>
      ) : d.noBallot ? (
        <p className="outcome">
          Nobody was validly nominated, so there was no ballot: {p.seats === 1 ? "the seat is vacant" : "the seats are vacant"}. Once every result is declared,
          the organisers re-open nominations for {p.seats === 1 ? "it" : "them"} from the <Link to="/elections">Elections page</Link>.
        </p>
      ) : d.ballotDecrypting ? (
        <p className="outcome">{electionTrusteeText.ballotWaiting}</p>
      ) : d.ballotOpen && p.pollId ? (
        <p>
          <Link to={`/polls/${p.pollId}`} className="button">
            Vote for {p.title}
          </Link>
        </p>
      ) : null}
    </>
  );
}
