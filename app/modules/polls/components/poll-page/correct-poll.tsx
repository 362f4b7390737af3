import { Form } from "@remix-run/react";
import { TextArea, TextField } from "~/components/forms";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import type { PollPageAnswer } from "./answer";

/** Cancelling the poll, or extending its closing time: each with its reason, on the record. */
export function CorrectPoll(props: { status: string; cannotCancel: string | null; result: Extract<PollPageAnswer, { stage: "correction-error" }> | null }) {
  const { result } = props;
  const errors = result?.errors ?? {};
  const values = (intent: "cancel" | "extend") => (result?.intent === intent ? result.values : { reason: "", closesAt: "" });
  const hint = `Shown on this page and in the founding record. At most ${MAX_CORRECTION_REASON_LENGTH} characters.`;
  return (
    <section aria-labelledby="correct-title" className="panel" id="correct-title-section">
      <h2 id="correct-title" tabIndex={-1}>
        Correct this poll
      </h2>
      <h3>Extend the closing time</h3>
      <p>The closing time can be moved later, never earlier. Everyone can see the change and its reason.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="extend" />
        <TextField
          name="closesAt"
          id="extend-closesAt"
          label="New closing time (UK time)"
          type="datetime-local"
          defaultValue={values("extend").closesAt}
          error={errors["extend-closesAt"]}
        />
        <TextArea
          name="reason"
          id="extend-reason"
          label="Reason for extending"
          hint={hint}
          rows={2}
          defaultValue={values("extend").reason}
          error={errors["extend-reason"]}
        />
        <button type="submit" className="button button--secondary">
          Extend the closing time
        </button>
      </Form>
      <h3>Cancel the poll</h3>
      {props.cannotCancel ? (
        <p>{props.cannotCancel}</p>
      ) : (
        <>
          <p>
            A cancelled poll takes no more votes and is never counted. Ballots already cast are set aside unread
            {props.status === "open" ? ", and everyone on its roll is told by email" : ""}. This cannot be undone.
          </p>
          {errors["cancel-form"] ? <p className="error-message">{errors["cancel-form"]}</p> : null}
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="cancel" />
            <TextArea
              name="reason"
              id="cancel-reason"
              label="Reason for cancelling"
              hint={hint}
              rows={2}
              defaultValue={values("cancel").reason}
              error={errors["cancel-reason"]}
            />
            <button type="submit" className="button button--warning">
              Cancel the poll
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
