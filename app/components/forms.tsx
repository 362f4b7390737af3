import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";

/** Field-level messages for a form, keyed by the field's name. */
export type FieldErrors = Partial<Record<string, string>>;

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
        There is a problem
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
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  // A fieldset or group is reached through its first control.
  const field = target.matches("input, select, textarea, button") ? target : (target.querySelector<HTMLElement>("input, select, textarea") ?? target);
  const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`) ?? field.closest("fieldset")?.querySelector("legend") ?? field;
  field.focus({ preventScroll: true });
  label.scrollIntoView();
}

export function TextField(props: {
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
}) {
  const id = props.id ?? props.name;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">Error:</span> {props.error}
        </p>
      ) : null}
      <input
        className={`input input--width-${props.width ?? "full"}${props.error ? " input--error" : ""}`}
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={props.error ? true : undefined}
      />
    </div>
  );
}

/** The error line under a label, with the id fields point to in aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">Error:</span> {message}
    </p>
  );
}

export function NotificationBanner({
  title,
  children,
  kind = "info",
}: {
  title: string;
  children: ReactNode;
  kind?: "info" | "success";
}) {
  return (
    <div
      className={`banner banner--${kind}`}
      role={kind === "success" ? "alert" : "region"}
      aria-labelledby="banner-title"
    >
      <h2 className="banner__title" id="banner-title">
        {title}
      </h2>
      <div className="banner__content">{children}</div>
    </div>
  );
}

/** A GOV.UK radios question: a fieldset with a legend, each choice labelled, ids `${name}-${value}`. */
export function Radios(props: {
  name: string;
  /** Prefix of the ids (default: the name), for the same question in several forms on a page. */
  idPrefix?: string;
  legend: ReactNode;
  choices: readonly (readonly [value: string, label: ReactNode])[];
  checked?: string;
  error?: string;
}) {
  const prefix = props.idPrefix ?? props.name;
  const errorId = props.error ? `${prefix}-error` : undefined;
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={errorId}>
        <legend className="fieldset__legend">{props.legend}</legend>
        {props.error ? (
          <p className="error-message" id={errorId}>
            <span className="visually-hidden">Error:</span> {props.error}
          </p>
        ) : null}
        {props.choices.map(([value, label]) => (
          <div className="radios__item" key={value}>
            <input type="radio" id={`${prefix}-${value}`} name={props.name} value={value} defaultChecked={props.checked === value} />
            <label htmlFor={`${prefix}-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** A labelled multi-line field, GOV.UK style, with its hint and error tied to it. */
export function TextArea(props: { name: string; id?: string; label: ReactNode; hint?: ReactNode; error?: string; defaultValue?: string; rows?: number; labelClassName?: string }) {
  const id = props.id ?? props.name;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className={props.labelClassName ?? "label"} htmlFor={id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">Error:</span> {props.error}
        </p>
      ) : null}
      <textarea
        className={`input${props.error ? " input--error" : ""}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={props.defaultValue}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={props.error ? true : undefined}
      />
    </div>
  );
}
