import { Form, Link } from "@remix-run/react";
import { TextField, type FieldErrors } from "~/components/forms";
import { schemePageText as t } from "../../financial-scheme-messages";
import type { FinancialSchemePageView } from "../../financial-scheme-view.server";
import { schemeVoteMessages as v } from "../../messages";

/** Whether the founding members have adopted the scheme, and the ballot that asks them: open it, follow it, record it. */
export function SchemeBallot({ d, errors, closesAt }: { d: FinancialSchemePageView; errors: FieldErrors; closesAt: string | undefined }) {
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
          {!d.ballot.open || d.ballot.due ? (
            <button type="submit" className="button" name="intent" value="record-vote">
              {v.record}
            </button>
          ) : null}
        </Form>
      ) : null}
      {!d.ballot && !d.adopted ? (
        <Form method="post" noValidate>
          {d.lastFailed ? (
            <p>
              {v.notCarried} <Link to={`/polls/${d.lastFailed}`}>{v.seeBallot}</Link>
            </p>
          ) : null}
          <p className="hint">{v.openHint}</p>
          <TextField name="closesAt" label={v.closesAtLabel} type="datetime-local" defaultValue={closesAt ?? ""} error={errors.closesAt} />
          <button type="submit" className="button" name="intent" value="open-vote">
            {v.open}
          </button>
        </Form>
      ) : null}
      {errors.vote ? (
        <p className="error-message" id="vote-error">
          {errors.vote}
        </p>
      ) : null}
    </section>
  );
}
