/** The form that creates a poll as a draft (routes/polls.new.tsx). */
import { Form } from "@remix-run/react";
import { useFormCheck } from "~/components/form-check";
import { ErrorSummary, FieldError, Radios, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { TrusteesFields } from "~/modules/polls/components/trustees-fields";
import { methodDescriptions, methodLabels } from "~/modules/polls/messages";
import { pollFormInBrowser } from "~/modules/polls/new-poll-form";
import { newPollText as t } from "~/modules/polls/new-poll-messages";
import { MAX_OPTION_LABEL_LENGTH, MAX_POLL_DESCRIPTION_LENGTH, MAX_POLL_OPTIONS, MAX_POLL_TITLE_LENGTH } from "~/utils/input-limits";
import { pollMethodValues } from "../../../../../db/schema/polls";

/** Where the error summary takes the reader for a field that is a set of radios. */
const fieldIds = { method: "method-yes-no", majority: "majority-simple", publication: "publication-separate-lists" };

/**
 * The form, filled in again with what was sent after a refusal. `sent` is false on a first
 * visit, when "Re-open nominations" is offered by default.
 */
export function NewPollForm({ errors: answered, values, sent, busy }: { errors: FieldErrors; values: Record<string, string>; sent: boolean; busy: boolean }) {
  const method = values.method ?? "yes-no";
  const check = useFormCheck(pollFormInBrowser);
  const errors = check.errors ?? answered;
  return (
    <div className="page page--narrow">
      <ErrorSummary key={check.refusals} errors={errors} fieldIds={fieldIds} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <Form method="post" noValidate onSubmit={check.onSubmit}>
        <TextField name="title" label={t.titleLabel} hint={t.titleHint(MAX_POLL_TITLE_LENGTH)} defaultValue={values.title} error={errors.title} />
        <TextArea
          name="description"
          label={t.descriptionLabel}
          hint={t.descriptionHint(MAX_POLL_DESCRIPTION_LENGTH)}
          rows={3}
          defaultValue={values.description}
          error={errors.description}
        />
        <div className={`form-group${errors.method ? " form-group--error" : ""}`}>
          <fieldset className="fieldset" aria-describedby={errors.method ? "method-error" : undefined}>
            <legend className="fieldset__legend">{t.methodLegend}</legend>
            <FieldError id="method" message={errors.method} />
            {pollMethodValues.map((m) => (
              <div className="radios__item" key={m}>
                <input type="radio" id={`method-${m}`} name="method" value={m} defaultChecked={method === m} aria-describedby={`method-${m}-hint`} />
                <label htmlFor={`method-${m}`}>
                  {methodLabels[m]}
                  <span className="hint" id={`method-${m}-hint`}>
                    {" "}
                    {methodDescriptions[m]}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <TextArea
          name="options"
          label={t.optionsLabel}
          hint={t.optionsHint(MAX_POLL_OPTIONS, MAX_OPTION_LABEL_LENGTH)}
          rows={5}
          defaultValue={values.options}
          error={errors.options}
        />
        <div className="radios__item">
          <input type="checkbox" id="ron" name="ron" value="yes" defaultChecked={values.ron === "yes" || !sent} />
          <label htmlFor="ron">{t.offerRon}</label>
        </div>
        <TextField name="seats" label={t.seatsLabel} type="text" inputMode="numeric" width="10" defaultValue={values.seats ?? "1"} error={errors.seats} />
        <TextField
          name="quorumPercent"
          label={t.quorumLabel}
          hint={t.quorumHint}
          inputMode="numeric"
          width="10"
          defaultValue={values.quorumPercent ?? "0"}
          error={errors.quorumPercent}
        />
        <Radios
          name="majority"
          legend={t.majorityLegend}
          checked={values.majority ?? "simple"}
          error={errors.majority}
          choices={[
            ["simple", t.majorities.simple],
            ["absolute", t.majorities.absolute],
            ["two-thirds", t.majorities["two-thirds"]],
          ]}
        />
        <Radios
          name="publication"
          legend={t.publicationLegend}
          checked={values.publication ?? "separate-lists"}
          error={errors.publication}
          choices={[
            ["separate-lists", t.publications["separate-lists"]],
            ["receipts-with-rankings", t.publications["receipts-with-rankings"]],
          ]}
        />
        <TextField name="closesAt" type="datetime-local" label={t.closesAtLabel} width="20" defaultValue={values.closesAt} error={errors.closesAt} />
        <TrusteesFields values={values} errors={errors} />
        <button type="submit" className="button" disabled={busy}>
          {t.submit}
        </button>
      </Form>
    </div>
  );
}
