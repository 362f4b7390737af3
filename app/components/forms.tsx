import { useEffect, useRef, type MouseEvent, type ReactNode, type Ref } from "react";
import { wordCount } from "~/utils/word-count";
import { formText as t } from "./messages";

import type { FieldErrors } from "~/utils/form-values";

export type { FieldErrors };

/**
 * GOV.UK error summary: at the top of the form, focused on load so screen readers announce it,
 * each message a link to its field.
 */
export function ErrorSummary({ errors, fieldIds }: { errors: FieldErrors; fieldIds?: Record<string, string> }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  const box = useRef<HTMLDivElement>(null);
  const key = entries.map(([k, v]) => `${k}:${v}`).join("|");
  // Focus once per new set of errors, not on every re-render (which would steal focus back).
  useEffect(() => {
    if (key) box.current?.focus();
  }, [key]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={box}>
      <h2 className="error-summary__title" id="error-summary-title">
        {t.problem}
      </h2>
      <ul className="error-summary__list">
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldIds?.[name] ?? name}`} onClick={(event) => focusField(event, fieldIds?.[name] ?? name)}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * With script, a link of the summary focuses its field itself, as GOV.UK Frontend does: following
 * the "#field" link would be a navigation to the router, which then forgets the action's answer
 * (the errors and everything typed). Without script the plain link still goes to the field.
 */
export function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  // A fieldset or group is reached through its first control.
  const field = target.matches("input, select, textarea, button") ? target : (target.querySelector<HTMLElement>("input, select, textarea") ?? target);
  const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`) ?? field.closest("fieldset")?.querySelector("legend") ?? field;
  field.focus({ preventScroll: true });
  label.scrollIntoView();
}

export type TextFieldProps = {
  name: string;
  /** Defaults to the name; give one when the same field appears in several forms on a page. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  type?: "text" | "email" | "number" | "date" | "datetime-local";
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric";
  spellCheck?: boolean;
  width?: "full" | "20" | "10";
  /** Shown before the input and hidden from screen readers, as GOV.UK's prefix ("£"): say the unit in the label. */
  prefix?: string;
  /** A word limit: under the input, how many words the value has against it (once there is a value). */
  maxWords?: number;
};

export function TextField(props: TextFieldProps) {
  const id = props.id ?? props.name;
  const words = props.maxWords !== undefined && props.defaultValue ? wordCount(props.defaultValue) : undefined;
  const countId = words !== undefined ? `${id}-count` : undefined;
  return (
    <Question id={id} label={props.label} hint={props.hint} error={props.error}>
      {props.prefix ? <span aria-hidden="true">{`${props.prefix} `}</span> : null}
      <input
        className={`input input--width-${props.width ?? "full"}${props.error ? " input--error" : ""}`}
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck}
        aria-describedby={describedBy(id, props, countId)}
        aria-invalid={props.error ? true : undefined}
      />
      {words !== undefined && props.maxWords !== undefined ? (
        <div className="hint" id={countId}>
          {t.wordCount(words, props.maxWords)}
        </div>
      ) : null}
    </Question>
  );
}

/** A field's label, then its hint and its error line (GOV.UK order), then the field itself. */
function Question(props: { id: string; label: ReactNode; labelClassName?: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className={props.labelClassName ?? "label"} htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      <FieldError id={props.id} message={props.error} />
      {props.children}
    </div>
  );
}

/** What a field's aria-describedby lists: its hint, anything else under it, then its error. */
function describedBy(id: string, field: { hint?: ReactNode; error?: string }, ...more: (string | undefined)[]) {
  return [field.hint ? `${id}-hint` : undefined, ...more, field.error ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined;
}

/** One checkbox ("Yes, I want to…", "I consent to…"), with its error above it, GOV.UK style. Sends "yes" when ticked. */
export function Checkbox({ name, label, error, defaultChecked }: { name: string; label: ReactNode; error?: string; defaultChecked?: boolean }) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <FieldError id={name} message={error} />
      <div className="radios__item">
        <input type="checkbox" id={name} name={name} value="yes" defaultChecked={defaultChecked} aria-describedby={error ? `${name}-error` : undefined} />
        <label htmlFor={name}>{label}</label>
      </div>
    </div>
  );
}

/** One checkbox that confirms a step ("Yes, I want to…"): never ticked in advance. */
export function ConfirmCheckbox({ name, label, error }: { name: string; label: ReactNode; error?: string }) {
  return <Checkbox name={name} label={label} error={error} />;
}

export type SelectChoice = { value: string; label: string };

/** A drop-down list, with its label, hint and error like every other field. */
export function Select(props: {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: readonly SelectChoice[];
  defaultValue?: string;
}) {
  const id = props.id ?? props.name;
  return (
    <Question id={id} label={props.label} hint={props.hint} error={props.error}>
      <select
        className={`input${props.error ? " input--error" : ""}`}
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-describedby={describedBy(id, props)}
        aria-invalid={props.error ? true : undefined}
      >
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Question>
  );
}

/** A file to upload: what it may be (`accept`), said in the hint too, since browsers do not all show it. */
export function FileField(props: { name: string; id?: string; label: ReactNode; hint?: ReactNode; error?: string; accept: string }) {
  const id = props.id ?? props.name;
  return (
    <Question id={id} label={props.label} hint={props.hint} error={props.error}>
      <input
        className={`input${props.error ? " input--error" : ""}`}
        type="file"
        id={id}
        name={props.name}
        accept={props.accept}
        aria-describedby={describedBy(id, props)}
        aria-invalid={props.error ? true : undefined}
      />
    </Question>
  );
}

/** The error line under a label, with the id fields point to in aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">{t.error}</span> {message}
    </p>
  );
}

export function NotificationBanner({
  title,
  children,
  kind = "info",
  focusRef,
}: {
  title: string;
  children: ReactNode;
  kind?: "info" | "success";
  /** For a banner that replaces the control just used: the page moves focus to it. */
  focusRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      className={`banner banner--${kind}`}
      role={kind === "success" ? "alert" : "region"}
      aria-labelledby="banner-title"
      ref={focusRef}
      tabIndex={focusRef ? -1 : undefined}
    >
      <h2 className="banner__title" id="banner-title">
        {title}
      </h2>
      <div className="banner__content">{children}</div>
    </div>
  );
}

/**
 * A GOV.UK radios question: a fieldset with a legend, each choice labelled, ids `${name}-${value}`.
 * With `multiple`, checkboxes: any number of the choices, each posted under the name.
 */
export function Radios(props: {
  name: string;
  /** Prefix of the ids (default: the name), for the same question in several forms on a page. */
  idPrefix?: string;
  /** An id for the fieldset, for links to the question as a whole. */
  fieldsetId?: string;
  legend: ReactNode;
  hint?: ReactNode;
  choices: readonly (readonly [value: string, label: ReactNode])[];
  checked?: string | readonly string[];
  error?: string;
  multiple?: boolean;
}) {
  const prefix = props.idPrefix ?? props.name;
  const chosen: readonly string[] = typeof props.checked === "string" ? [props.checked] : (props.checked ?? []);
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" id={props.fieldsetId} aria-describedby={describedBy(prefix, props)}>
        <legend className="fieldset__legend">{props.legend}</legend>
        {props.hint ? (
          <div className="hint" id={`${prefix}-hint`}>
            {props.hint}
          </div>
        ) : null}
        <FieldError id={prefix} message={props.error} />
        {props.choices.map(([value, label]) => (
          <div className="radios__item" key={value}>
            <input
              type={props.multiple ? "checkbox" : "radio"}
              id={`${prefix}-${value}`}
              name={props.name}
              value={value}
              defaultChecked={chosen.includes(value)}
            />
            <label htmlFor={`${prefix}-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** A labelled multi-line field, GOV.UK style, with its hint and error tied to it. */
export function TextArea(props: {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  labelClassName?: string;
}) {
  const id = props.id ?? props.name;
  return (
    <Question id={id} label={props.label} labelClassName={props.labelClassName} hint={props.hint} error={props.error}>
      <textarea
        className={`input${props.error ? " input--error" : ""}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={props.defaultValue}
        aria-describedby={describedBy(id, props)}
        aria-invalid={props.error ? true : undefined}
      />
    </Question>
  );
}

/**
 * GOV.UK warning text: a bold sentence beside an exclamation mark, read out as "Warning" first by
 * screen readers. For something people must not miss, such as a result that failed its check.
 */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="warning-text">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="warning-text__text">
        <span className="visually-hidden">{t.warning}</span>
        {children}
      </strong>
    </div>
  );
}

/**
 * The error summary for a refusal no field on the page answers for: the message alone, focused
 * like the summary, with nothing to link to (a link to a form the page no longer shows would go
 * nowhere).
 */
export function PageErrorSummary({ message }: { message: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [message]);
  return (
    <div className="error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={box}>
      <h2 className="error-summary__title" id="error-summary-title">
        {t.problem}
      </h2>
      <p>{message}</p>
    </div>
  );
}
