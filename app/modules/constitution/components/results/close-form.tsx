import { Form } from "@remix-run/react";
import { TextArea } from "~/components/forms";
import { resultsText } from "../../results-messages";

/**
 * Closing and counting a ballot: once its closing time has passed, by anyone who may; before it,
 * only by the returning officer, with a reason.
 */
export function CloseForm(props: { intent: string; label: string; due: boolean; canClose: boolean; canCloseEarly: boolean; error?: string; busy: boolean }) {
  const { intent, label, due, error } = props;
  if (!props.canClose || (!due && !props.canCloseEarly)) return null;
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {!due ? <TextArea name="reason" label={resultsText.close.reason} rows={2} error={error} /> : null}
      {due && error ? <p className="error-message">{error}</p> : null}
      <button type="submit" className="button" disabled={props.busy}>
        {label}
      </button>
    </Form>
  );
}
