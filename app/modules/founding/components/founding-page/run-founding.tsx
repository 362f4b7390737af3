import { Form, Link } from "@remix-run/react";
import { TextArea, TextField, type FieldErrors } from "~/components/forms";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { foundingPageText } from "../../page-messages";
import type { FoundingPageView } from "../../page-view.server";

/** The organisers' panel: invitations, withdrawing one, the leaving day, and opening the standing orders vote. */
export function RunFounding({ d, errors, values }: { d: FoundingPageView; errors: FieldErrors; values?: Record<string, string> }) {
  const t = foundingPageText.run;
  return (
    <section aria-labelledby="manage-title" className="panel">
      <h2 id="manage-title">{t.heading}</h2>
      <Form method="post" className="button-group">
        <button type="submit" name="intent" value="invite" id="invite" className="button">
          {t.invite}
        </button>
        <button type="submit" name="intent" value="resend" className="button button--secondary">
          {t.remind}
        </button>
      </Form>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="withdraw" />
        <h3>{t.withdrawHeading}</h3>
        <p>{t.withdrawIntro}</p>
        <TextField
          name="withdrawEmail"
          type="email"
          autoComplete="off"
          spellCheck={false}
          label={t.withdrawEmail}
          defaultValue={values?.withdrawEmail}
          error={errors.withdrawEmail}
        />
        <TextArea
          name="withdrawReason"
          label={t.withdrawReason}
          hint={t.withdrawReasonHint(MAX_CORRECTION_REASON_LENGTH)}
          rows={2}
          defaultValue={values?.withdrawReason}
          error={errors.withdrawReason}
        />
        <button type="submit" className="button button--secondary">
          {t.withdraw}
        </button>
      </Form>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="leaving-day" />
        <TextField name="leavingDay" type="date" label={t.leavingDay} width="20" defaultValue={d.leavingDay ?? ""} error={errors.leavingDay} />
        <button type="submit" className="button button--secondary">
          {t.setLeavingDay}
        </button>
      </Form>
      {d.standingOrdersPollId && d.standingOrdersVote ? (
        <p>
          {d.standingOrdersVote.text} <Link to={`/polls/${d.standingOrdersPollId}`}>{d.standingOrdersVote.link}</Link>
        </p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="standing-orders" />
          <p>
            {t.standingOrdersBefore}
            <a href="/founding/standing-orders">{t.standingOrdersLink}</a>
            {t.standingOrdersAfter}
          </p>
          <TextField name="closesAt" type="datetime-local" label={t.closesAt} width="20" error={errors.closesAt} />
          <button type="submit" className="button">
            {t.openVote}
          </button>
        </Form>
      )}
    </section>
  );
}
