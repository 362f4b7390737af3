/**
 * The pieces of the Application details page (routes/registration.details.tsx): a section's form
 * with its save buttons, and the questions it asks, drawn from the section's values and errors.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FieldError, type FieldErrors, Radios, Select, TextArea, TextField, type TextFieldProps } from "~/components/forms";
import { EditVersion } from "~/components/stale-edit";
import { detailsPageText as text } from "../../details-messages";
import { rowIndexes, type DraftSection, type FormValues } from "../../draft-form";
import { sectionTitles } from "../../messages";

/** Where the error summary's link for a field goes: radios and checkboxes point at their first choice. */
export const firstChoice: Record<string, string> = {
  register: "register-GB",
  nations: "nations-england",
  partyType: "partyType-full",
  minorElections: "minorElections-english-parish",
  nameTranslationLanguage: "nameTranslationLanguage-welsh",
  headquartersIsHome: "headquartersIsHome-yes",
  hasAccountingUnits: "hasAccountingUnits-yes",
  assetsWithinThreshold: "assetsWithinThreshold-yes",
  "financialYearEnd.day": "financialYearEnd.day",
};

export function SectionForm({ id, busy, version, children }: { id: DraftSection; busy: boolean; version: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>
        <span id={`section-${id}`} tabIndex={-1}>
          {sectionTitles[id]}
        </span>
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="section" value={id} />
        <EditVersion form={id} version={version} />
        {/* Pressing Enter in a field submits with the first button: make that one "save", not "remove". */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {text.save}
        </button>
        {children}
        <button type="submit" className="button" name="intent" value="save" disabled={busy}>
          {text.saveAndContinue}
        </button>
      </Form>
    </section>
  );
}

/** A sum in whole pounds. */
export const pounds = { prefix: "£", width: "10", inputMode: "numeric" } as const;

type Choices = readonly (readonly [string, string])[];

/** One section's questions, with the values and errors to show. */
export class Questions {
  constructor(
    private values: FormValues,
    private errors: FieldErrors,
  ) {}

  private one(name: string): string {
    const v = this.values[name];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  }

  private many(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  }

  text(name: string, label: string, hint?: string, options: Omit<Partial<TextFieldProps>, "name" | "label" | "hint"> = {}) {
    return (
      <TextField
        name={name}
        label={label}
        hint={hint}
        error={this.errors[name]}
        defaultValue={this.one(name)}
        autoComplete="off"
        spellCheck={options.type === "email" ? false : undefined}
        {...options}
      />
    );
  }

  textarea(name: string, label: string, hint?: string) {
    return <TextArea name={name} label={label} hint={hint} error={this.errors[name]} defaultValue={this.one(name)} rows={3} />;
  }

  select(name: string, label: string, choices: Choices) {
    return (
      <Select
        name={name}
        label={label}
        error={this.errors[name]}
        choices={choices.map(([value, text]) => ({ value, label: text }))}
        defaultValue={this.one(name)}
      />
    );
  }

  radios(name: string, legend: string, choices: Choices, hint?: string) {
    return <Radios name={name} fieldsetId={name} legend={legend} hint={hint} choices={choices} checked={this.many(name)} error={this.errors[name]} />;
  }

  checkboxes(name: string, legend: string, choices: Choices, hint?: string) {
    return <Radios name={name} fieldsetId={name} legend={legend} hint={hint} choices={choices} checked={this.many(name)} error={this.errors[name]} multiple />;
  }

  /** One confirmation: ticked means yes. */
  checkbox(name: string, label: string, hint?: string) {
    const hintId = hint ? `${name}-hint` : undefined;
    return (
      <div className="form-group">
        {hint ? (
          <div className="hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        <div className="radios__item">
          <input type="checkbox" id={name} name={name} value="yes" defaultChecked={this.one(name) === "yes"} aria-describedby={hintId} />
          <label htmlFor={name}>{label}</label>
        </div>
      </div>
    );
  }

  dayMonth(name: string, legend: string, hint: string) {
    const error = this.errors[`${name}.day`];
    return (
      <div className={`form-group${error ? " form-group--error" : ""}`}>
        <fieldset className="fieldset" id={name} role="group" aria-describedby={`${name}-hint${error ? ` ${name}.day-error` : ""}`}>
          <legend className="fieldset__legend">{legend}</legend>
          <div className="hint" id={`${name}-hint`}>
            {hint}
          </div>
          <FieldError id={`${name}.day`} message={error} />
          <div className="date-input">
            {(["day", "month"] as const).map((part) => (
              <div key={part}>
                <label className="label" htmlFor={`${name}.${part}`}>
                  {part === "day" ? text.day : text.month}
                </label>
                <input
                  className={`input input--width-10${error ? " input--error" : ""}`}
                  id={`${name}.${part}`}
                  name={`${name}.${part}`}
                  inputMode="numeric"
                  defaultValue={this.one(`${name}.${part}`)}
                />
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  /** A repeated group with "add another" and "remove" buttons that post the form (no script needed). */
  rows(prefix: string, noun: string, row: (i: number) => ReactNode, options: { intent: string; max: number; addLabel: string }) {
    const present = rowIndexes(this.values, prefix);
    const indexes = present.length > 0 ? present.map((_, i) => i) : [0];
    return (
      <div id={prefix}>
        {indexes.map((i) => (
          <fieldset className="fieldset" key={i} id={`${prefix}-${i + 1}`}>
            <legend className="fieldset__legend">{text.rowLegend(noun, i + 1)}</legend>
            {row(i)}
            <button type="submit" className="button button--secondary" name="intent" value={`remove:${options.intent}:${i}`}>
              {text.remove(noun, i + 1)}
            </button>
          </fieldset>
        ))}
        {indexes.length < options.max ? (
          <p>
            <button type="submit" className="button button--secondary" name="intent" value={`add:${options.intent}`}>
              {options.addLabel}
            </button>
          </p>
        ) : null}
      </div>
    );
  }
}
