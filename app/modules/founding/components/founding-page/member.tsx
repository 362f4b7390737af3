import { Form, Link } from "@remix-run/react";
import { FieldError, type FieldErrors } from "~/components/forms";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { formatCalendarDay } from "~/utils/dates";
import { resignationMessages } from "../../pdf/messages";
import { foundingPageText } from "../../page-messages";
import type { FoundingPageView } from "../../page-view.server";

/** The invitation: the founding statement, how the member's information is used, and the two agreements. */
export function AcceptInvitation({ statement, consent, errors }: { statement: string | null; consent: string | null; errors: FieldErrors }) {
  const t = foundingPageText.accept;
  return (
    <section aria-labelledby="accept-title">
      <h2 id="accept-title">{t.heading}</h2>
      {statement ? <PlainMarkdown text={statement} headingLevel={3} /> : null}
      <h3>{t.howWeUse}</h3>
      {consent ? <PlainMarkdown text={consent} headingLevel={3} /> : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="accept" />
        <div className={`form-group${errors.acceptStatement ? " form-group--error" : ""}`}>
          <FieldError id="acceptStatement" message={errors.acceptStatement} />
          <div className="radios__item">
            <input
              type="checkbox"
              id="acceptStatement"
              name="acceptStatement"
              value="yes"
              aria-describedby={errors.acceptStatement ? "acceptStatement-error" : undefined}
            />
            <label htmlFor="acceptStatement">{t.statement}</label>
          </div>
          <div className="radios__item">
            <input type="checkbox" id="consent" name="consent" value="yes" />
            <label htmlFor="consent">{t.consent}</label>
          </div>
        </div>
        <button type="submit" className="button">
          {t.submit}
        </button>
      </Form>
    </section>
  );
}

/** Said to someone who has left the roll. */
export function LeftTheRoll() {
  const t = foundingPageText.left;
  return (
    <section aria-labelledby="left-title">
      <h2 id="left-title">{t.heading}</h2>
      <p>
        {t.body}
        <Link to="/founding/leave">{t.when}</Link>
      </p>
    </section>
  );
}

/** A founding member's own standing: their number, resigning from the old party, the standing orders vote, leaving. */
export function FoundingMember({ d }: { d: FoundingPageView }) {
  const t = foundingPageText.member;
  const membership = d.membership!;
  return (
    <section aria-labelledby="member-title">
      <h2 id="member-title">{t.heading(membership.membershipNumber)}</h2>
      {membership.mustResign ? (
        membership.resigned ? (
          <p>{t.resigned}</p>
        ) : (
          <>
            <p>{t.resignOn(d.leavingDay ? (formatCalendarDay(d.leavingDay, { weekday: true }) ?? d.leavingDay) : null)}</p>
            <ul className="list">
              <li>
                <a href="/founding/resignation-letter.pdf">{t.letterPdf}</a>
              </li>
              <li>
                <a href="/founding/resignation-letter.txt">{t.letterText}</a>
              </li>
            </ul>
            <ul className="list">
              {resignationMessages.adviceForMember.map((advice) => (
                <li key={advice}>{advice}</li>
              ))}
            </ul>
            <Form method="post">
              <input type="hidden" name="intent" value="resigned" />
              <button type="submit" id="resigned" className="button">
                {t.confirmResigned}
              </button>
            </Form>
          </>
        )
      ) : null}
      {d.standingOrdersPollId && d.standingOrdersVote ? (
        <p>
          <Link to={`/polls/${d.standingOrdersPollId}`} className={d.standingOrdersVote.stage === "open" ? "button" : undefined}>
            {d.standingOrdersVote.link}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/founding/leave">{t.leave}</Link>
      </p>
    </section>
  );
}
