import { useEffect, useRef } from "react";
import { focusField, type FieldErrors } from "~/components/forms";
import type { StaleChange } from "~/utils/stale-edit";

export type { StaleChange };

export const staleEditText = {
  title: "Someone else changed this while you were editing",
  body: "Check their changes below, then save again.",
  nowSaved: "Saved now:",
  field: "Someone else changed this while you were editing",
  nothing: "(nothing)",
} as const;

/** Long texts (a statement, a financial scheme) are cut short in the summary; the page shows them whole. */
const SHOWN_CHARACTERS = 600;

/** The hidden field that carries the version of the saved values a form was loaded with (app/utils/stale-edit.ts). */
export function EditVersion({ form, version }: { form: string; version: string }) {
  return <input type="hidden" name="version" value={version} data-edit-version={form} />;
}

/** The message next to each field someone else changed, keyed by the field's name. */
export function staleFieldErrors(changes: readonly StaleChange[]): FieldErrors {
  return Object.fromEntries(changes.map((c) => [c.field, staleEditText.field]));
}

/**
 * GOV.UK-style error summary for a save refused because the page was stale: focused on load, each
 * changed field a link to it, with the value someone else saved. The form below keeps what this
 * person typed and now carries the new version, so saving again replaces the other change on purpose.
 */
export function StaleEditSummary({ changes, fieldIds }: { changes: readonly StaleChange[]; fieldIds?: Record<string, string> }) {
  const box = useRef<HTMLDivElement>(null);
  const key = changes.map((c) => `${c.field}:${c.value}`).join("|");
  useEffect(() => {
    box.current?.focus();
  }, [key]);
  return (
    <div className="error-summary" aria-labelledby="stale-summary-title" role="alert" tabIndex={-1} ref={box}>
      <h2 className="error-summary__title" id="stale-summary-title">
        {staleEditText.title}
      </h2>
      <p>{staleEditText.body}</p>
      <ul className="error-summary__list">
        {changes.map((c) => (
          <li key={c.field}>
            <a href={`#${fieldIds?.[c.field] ?? c.field}`} onClick={(event) => focusField(event, fieldIds?.[c.field] ?? c.field)}>
              {c.label}
            </a>
            <span className="stale-edit__value">
              {" "}
              {staleEditText.nowSaved} {c.value.length > SHOWN_CHARACTERS ? `${c.value.slice(0, SHOWN_CHARACTERS)}…` : c.value}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
