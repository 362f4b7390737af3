import { Form, Link } from "@remix-run/react";
import { FieldError, TextField, type FieldErrors } from "~/components/forms";
import { schemePageText as t } from "../../financial-scheme-messages";
import type { FinancialSchemePageView } from "../../financial-scheme-view.server";
import { schemeVoteMessages as v } from "../../messages";

/**
 * The button that acts on the ballot now, its id the same as its intent: record the result once
 * it is due, or open a ballot; none while one runs, nor once the scheme is adopted.
 */
function voteButton(d: FinancialSchemePageView): "record-vote" | "open-vote" | null {
  if (d.ballot) return !d.ballot.open || d.ballot.due ? "record-vote" : null;
  return d.adopted ? null : "open-vote";
}

/** Where the error summary takes the reader for the ballot's error: that button, or the ballot's section when there is none. */
export const schemeVoteTarget = (d: FinancialSchemePageView): string => voteButton(d) ?? "vote";

/** Whether the founding members have adopted the scheme, and the ballot that asks them: open it, follow it, record it. */
export function SchemeBallot({ d, errors, closesAt }: { d: FinancialSchemePageView; errors: FieldErrors; closesAt: string | undefined }) {
  const button = voteButton(d);
  const describedBy = errors.vote ? "vote-error" : undefined;
  return (
    <section aria-labelledby="vote-heading" className="panel" id="vote">
      <h2 id="vote-heading">{v.heading}</h2>
      <p>
        <strong className={`status-tag${d.adopted ? " status-tag--open" : ""}`}>{d.adopted ? t.adopted : t.notAdopted}</strong>{" "}
        {d.adopted ? v.adopted : d.editedSinceAdoption ? v.editedSinceAdoption : v.notAdopted}
      </p>
      {d.ballot ? (
        <Form method="post">
          <p>
            {d.ballot.open && !d.ballot.due ? v.openNow(d.ballot.closesAt, d.ballot.ballots, d.ballot.rollSize) : v.countedNow}{" "}
            <Link to={`/polls/${d.ballot.pollId}`}>{v.seeBallot}</Link>
          </p>
          {button === "record-vote" ? (
            <button type="submit" id="record-vote" className="button" name="intent" value="record-vote" aria-describedby={describedBy}>
              {v.record}
            </button>
          ) : null}
        </Form>
      ) : null}
      {button === "open-vote" ? (
        <Form method="post" noValidate>
          {d.lastFailed ? (
            <p>
              {v.notCarried} <Link to={`/polls/${d.lastFailed}`}>{v.seeBallot}</Link>
            </p>
          ) : null}
          <p className="hint">{v.openHint}</p>
          <TextField name="closesAt" label={v.closesAtLabel} type="datetime-local" defaultValue={closesAt ?? ""} error={errors.closesAt} />
          <button type="submit" id="open-vote" className="button" name="intent" value="open-vote" aria-describedby={describedBy}>
            {v.open}
          </button>
        </Form>
      ) : null}
      <FieldError id="vote" message={errors.vote} />
    </section>
  );
}
