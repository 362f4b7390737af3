import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Select, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { amendFormText as t } from "../../amend-messages";
import type { AmendmentKind } from "../../amendment-form";
import { reasonHint } from "../../messages";

export interface AmendFormsProps {
  clause: { text: string; firstLine: number | null; entrenched: boolean };
  others: readonly { id: string; label: string }[];
  reasonMaxWords: number;
  /** The kind of amendment last sent, if the form came back with problems. */
  active: AmendmentKind | undefined;
  errorsFor: (kind: AmendmentKind) => FieldErrors;
  valuesFor: (kind: AmendmentKind) => Record<string, string>;
}

/** One form per kind of amendment, each folded away but the one in use. */
export function AmendForms({ clause: c, others, reasonMaxWords, active, errorsFor, valuesFor }: AmendFormsProps) {
  const form = (kind: AmendmentKind, title: string, children: ReactNode, open = active === kind) => (
    <AmendForm kind={kind} reason={valuesFor(kind).reason} reasonMaxWords={reasonMaxWords} title={title} open={open} errors={errorsFor(kind)}>
      {children}
    </AmendForm>
  );
  const v = valuesFor;
  const e = errorsFor;
  return (
    <>
      {form(
        "words",
        t.words.title,
        <TextArea
          name="text"
          id="words-text"
          label={t.words.text}
          hint={t.words.hint}
          rows={12}
          defaultValue={v("words").text ?? c.text}
          error={e("words").text}
        />,
        !active || active === "words",
      )}
      {form(
        "lines",
        t.lines.title,
        <>
          <TextField
            name="fromLine"
            id="lines-fromLine"
            label={t.lines.from}
            inputMode="numeric"
            width="10"
            defaultValue={v("lines").fromLine ?? String(c.firstLine ?? "")}
            error={e("lines").fromLine}
          />
          <TextField
            name="toLine"
            id="lines-toLine"
            label={t.lines.to}
            inputMode="numeric"
            width="10"
            defaultValue={v("lines").toLine ?? String(c.firstLine ?? "")}
            error={e("lines").toLine}
          />
          <TextArea
            name="replacement"
            id="lines-replacement"
            label={t.lines.replacement}
            hint={t.lines.hint}
            rows={4}
            defaultValue={v("lines").replacement}
            error={e("lines").replacement}
          />
        </>,
      )}
      {form(
        "insert",
        t.insert.title,
        <>
          <TextField name="title" id="insert-title" label={t.insert.clauseTitle} defaultValue={v("insert").title} error={e("insert").title} />
          <TextArea
            name="clauseText"
            id="insert-clauseText"
            label={t.insert.text}
            hint={t.insert.hint}
            rows={8}
            defaultValue={v("insert").clauseText}
            error={e("insert").clauseText}
          />
          <div className="radios__item">
            <input type="checkbox" id="insert-entrenched" name="entrenched" value="yes" defaultChecked={v("insert").entrenched === "yes"} />
            <label htmlFor="insert-entrenched">{t.insert.entrenched}</label>
          </div>
        </>,
      )}
      {form(
        "move",
        t.move.title,
        <Select
          name="afterClauseId"
          id="move-afterClauseId"
          label={t.move.after}
          error={e("move").afterClauseId}
          choices={[{ value: "", label: t.move.choose }, { value: "start", label: t.move.start }, ...others.map((o) => ({ value: o.id, label: o.label }))]}
          defaultValue={v("move").afterClauseId ?? ""}
        />,
      )}
      {form("delete", t.delete.title, <p>{t.delete.body}</p>)}
      {form("entrench", c.entrenched ? t.entrench.stop : t.entrench.make, <p>{t.entrench.body}</p>)}
    </>
  );
}

function AmendForm(props: {
  kind: AmendmentKind;
  title: string;
  open: boolean;
  errors: FieldErrors;
  reason: string | undefined;
  reasonMaxWords: number;
  children: ReactNode;
}) {
  const { kind, errors } = props;
  return (
    <details className="amend-form" open={props.open}>
      <summary>
        <h2 className="summary-heading">{props.title}</h2>
      </summary>
      <Form method="post" noValidate>
        <input type="hidden" name="kind" value={kind} />
        {props.children}
        <TextArea
          name="reason"
          id={`${kind}-reason`}
          label={t.reason}
          hint={reasonHint(props.reasonMaxWords)}
          rows={4}
          defaultValue={props.reason}
          error={errors.reason}
        />
        <button type="submit" id={`${kind}-submit`} className="button" aria-describedby={errors.form ? `${kind}-submit-error` : undefined}>
          {t.submit}
        </button>
      </Form>
    </details>
  );
}
