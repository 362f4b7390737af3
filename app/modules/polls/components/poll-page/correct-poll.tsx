import { Form } from "@remix-run/react";
import { FieldError, TextArea, TextField } from "~/components/forms";
import { correctPollText as t } from "~/modules/polls/poll-page-messages";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import type { PollPageAnswer } from "./answer";

/** Cancelling the poll, or extending its closing time: each with its reason, on the record. */
export function CorrectPoll(props: { status: string; cannotCancel: string | null; result: Extract<PollPageAnswer, { stage: "correction-error" }> | null }) {
  const { result } = props;
  const errors = result?.errors ?? {};
  const values = (intent: "cancel" | "extend") => (result?.intent === intent ? result.values : { reason: "", closesAt: "" });
  const hint = t.reasonHint(MAX_CORRECTION_REASON_LENGTH);
  return (
    <section aria-labelledby="correct-title" className="panel" id="correct-title-section">
      <h2 id="correct-title" tabIndex={-1}>
        {t.heading}
      </h2>
      <h3>{t.extend.heading}</h3>
      <p>{t.extend.intro}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="extend" />
        <TextField
          name="closesAt"
          id="extend-closesAt"
          label={t.extend.closesAt}
          type="datetime-local"
          defaultValue={values("extend").closesAt}
          error={errors["extend-closesAt"]}
        />
        <TextArea
          name="reason"
          id="extend-reason"
          label={t.extend.reason}
          hint={hint}
          rows={2}
          defaultValue={values("extend").reason}
          error={errors["extend-reason"]}
        />
        <button type="submit" className="button button--secondary">
          {t.extend.submit}
        </button>
      </Form>
      <h3>{t.cancel.heading}</h3>
      {props.cannotCancel ? (
        <p>{props.cannotCancel}</p>
      ) : (
        <>
          <p>{t.cancel.warning(props.status === "open")}</p>
          <FieldError id="cancel-submit" message={errors["cancel-form"]} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="cancel" />
            <TextArea
              name="reason"
              id="cancel-reason"
              label={t.cancel.reason}
              hint={hint}
              rows={2}
              defaultValue={values("cancel").reason}
              error={errors["cancel-reason"]}
            />
            <button
              type="submit"
              id="cancel-submit"
              className="button button--warning"
              aria-describedby={errors["cancel-form"] ? "cancel-submit-error" : undefined}
            >
              {t.cancel.submit}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
