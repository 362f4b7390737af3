import type { ReactNode } from "react";
import { FieldError } from "~/components/forms";
import { yesNoLabels } from "~/modules/registration/messages";

/** A Yes/No question (GOV.UK radios), with what to ask next shown under "Yes" when it is chosen. */
export function YesNoChoice({
  name,
  field,
  legend,
  hint,
  checked,
  error,
  ifYes,
}: {
  name: string;
  field: string;
  legend: string;
  hint?: string;
  checked: string;
  error?: string;
  ifYes?: ReactNode;
}) {
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div className="hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        <FieldError id={name} message={error} />
        {(["yes", "no"] as const).map((value) => (
          <div key={value}>
            <div className="radios__item">
              <input type="radio" id={`${name}-${value}`} name={field} value={value} defaultChecked={checked === value} />
              <label htmlFor={`${name}-${value}`}>{yesNoLabels[value]}</label>
            </div>
            {value === "yes" && ifYes ? <div className="conditional">{ifYes}</div> : null}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
