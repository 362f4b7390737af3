/** A voter's check that their ballot was counted (routes/polls.$pollId.receipt.tsx): the answer, and the form to ask. */
import { Form, Link } from "@remix-run/react";
import { NotificationBanner, TextField } from "~/components/forms";
import { backToPoll } from "~/modules/polls/messages";
import { receiptCheckText as t } from "~/modules/polls/receipt-messages";

/** What the check found: counted (with the ballot, where the poll publishes it beside its receipt), or not found. */
interface ReceiptCheckAnswer {
  status: "counted" | "not_found" | "not_closed";
  content: string | null;
}

export function ReceiptCheck(props: { poll: { id: string; title: string; closed: boolean }; code: string; check: ReceiptCheckAnswer | null }) {
  const { poll, code, check } = props;
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/polls/${poll.id}`}>{backToPoll(poll.title)}</Link>
      </p>
      <h1>{t.title}</h1>
      {!poll.closed ? <p>{t.notClosed}</p> : null}
      {check?.status === "counted" ? (
        <NotificationBanner title={t.countedTitle} kind="success">
          <p>{t.counted}</p>
          {check.content ? <p>{t.publishedWith(check.content)}</p> : null}
        </NotificationBanner>
      ) : null}
      {check?.status === "not_found" ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">{t.notFoundTitle}</h2>
          <p>{t.notFound}</p>
        </div>
      ) : null}
      {poll.closed ? (
        <Form method="post">
          <TextField name="code" label={t.codeLabel} hint={t.codeHint} defaultValue={code} spellCheck={false} autoComplete="off" />
          <button type="submit" className="button">
            {t.check}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
