import { Form } from "@remix-run/react";
import { FieldError, TextArea } from "~/components/forms";
import { resultsText } from "../../results-messages";

/**
 * Closing and counting a ballot: once its closing time has passed, by anyone who may; before it,
 * only by the returning officer, with a reason. Its refusals all come under "reason", where the
 * page's error summary leads: when no reason is asked for, the button takes that id, and the error.
 */
export function CloseForm(props: { intent: string; label: string; due: boolean; canClose: boolean; canCloseEarly: boolean; error?: string; busy: boolean }) {
  const { intent, label, due, error } = props;
  if (!props.canClose || (!due && !props.canCloseEarly)) return null;
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {due ? <FieldError id="reason" message={error} /> : <TextArea name="reason" label={resultsText.close.reason} rows={2} error={error} />}
      <button
        type="submit"
        id={due ? "reason" : undefined}
        className="button"
        disabled={props.busy}
        aria-describedby={due && error ? "reason-error" : undefined}
      >
        {label}
      </button>
    </Form>
  );
}
