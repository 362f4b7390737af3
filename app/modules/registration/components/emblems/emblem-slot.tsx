import { Form } from "@remix-run/react";
import { FieldError, FileField, type FieldErrors } from "~/components/forms";
import { emblemPageText as t } from "../../emblem-messages";
import { EMBLEM_COLOURED_SHARE, EMBLEM_GREY_SATURATION, EMBLEM_MARGIN } from "../../readiness";
import { YesNoChoice } from "../yes-no-choice";

export interface EmblemShown {
  slot: number;
  fileName: string;
  uploadedAt: string;
  hasPicture: boolean | null;
  hasText: boolean | null;
  smallestTextPx: number | null;
  inspection: {
    format: string;
    width: number;
    height: number;
    maxSaturation: number;
    colouredShare: number;
    margins: { top: number; right: number; bottom: number; left: number };
  };
}

const yesNo = (answer: boolean | null): string => (answer === null ? "" : answer ? "yes" : "no");

/**
 * One emblem's place on the page: what the inspection found, the questions about it, and the
 * forms to upload, replace or remove it. Each form's address names the slot, so that a file too
 * large to read is still reported beside its own field.
 */
export function EmblemSlot(props: {
  slot: number;
  emblem: EmblemShown | undefined;
  errors: FieldErrors;
  values: Record<string, string> | undefined;
  busy: boolean;
}) {
  const { slot, errors, busy } = props;
  const e = props.emblem;
  const v = props.values;
  // Nothing is pre-selected until answered: a fresh upload has no answers (null).
  const hasText = v?.hasText ?? yesNo(e?.hasText ?? null);
  const hasPicture = v?.hasPicture ?? yesNo(e?.hasPicture ?? null);
  const pxError = errors[`smallestTextPx-${slot}`];
  const fileError = errors[`file-${slot}`];
  return (
    <section className="panel" aria-labelledby={`emblem-${slot}`}>
      <h2 id={`emblem-${slot}`}>{t.heading(slot)}</h2>
      {e ? (
        <>
          <img
            src={`/registration/emblems/${slot}`}
            alt={t.imageAlt(slot)}
            width={Math.min(200, e.inspection.width)}
            style={{ border: "1px solid #b1b4b6", height: "auto" }}
          />
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t.file.term}</dt>
              <dd>{t.file.value(e.fileName, e.inspection.format, e.inspection.width, e.inspection.height)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.colour.term}</dt>
              <dd>
                {e.inspection.maxSaturation <= EMBLEM_GREY_SATURATION
                  ? t.colour.grey
                  : e.inspection.colouredShare > EMBLEM_COLOURED_SHARE
                    ? t.colour.coloured(e.inspection.colouredShare)
                    : t.colour.stray(e.inspection.colouredShare)}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.margins.term}</dt>
              <dd>
                {t.margins.value(e.inspection.margins)}
                {Object.values(e.inspection.margins).some((m) => m > EMBLEM_MARGIN) ? t.margins.crop : t.margins.close}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.picture.term}</dt>
              <dd>{e.hasPicture === null ? t.notAnswered : e.hasPicture ? t.picture.yes : t.picture.no}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.lettering.term}</dt>
              <dd>
                {e.hasText === null || (e.hasText && e.smallestTextPx === null)
                  ? t.notAnswered
                  : !e.hasText || e.smallestTextPx === null
                    ? t.lettering.none
                    : t.lettering.height(e.smallestTextPx, e.smallestTextPx / e.inspection.height)}
              </dd>
            </div>
          </dl>
          <Form method="post" action={`/registration/emblems?slot=${slot}`} noValidate>
            <YesNoChoice
              name={`hasPicture-${slot}`}
              field="hasPicture"
              legend={t.questions.picture}
              hint={t.questions.pictureHint}
              checked={hasPicture}
              error={errors[`hasPicture-${slot}`]}
            />
            <YesNoChoice
              name={`hasText-${slot}`}
              field="hasText"
              legend={t.questions.lettering}
              checked={hasText}
              error={errors[`hasText-${slot}`]}
              ifYes={
                // Shown always (no script needed); ignored when the answer is no.
                <div className={`form-group${pxError ? " form-group--error" : ""}`}>
                  <label className="label" htmlFor={`smallestTextPx-${slot}`}>
                    {t.questions.smallest}
                  </label>
                  <div className="hint" id={`smallestTextPx-${slot}-hint`}>
                    {t.questions.smallestHint(e.inspection.height)}
                  </div>
                  <FieldError id={`smallestTextPx-${slot}`} message={pxError} />
                  <input
                    className={`input input--width-10${pxError ? " input--error" : ""}`}
                    id={`smallestTextPx-${slot}`}
                    name="smallestTextPx"
                    inputMode="numeric"
                    defaultValue={v?.smallestTextPx ?? (e.smallestTextPx === null ? "" : String(e.smallestTextPx))}
                    aria-describedby={`smallestTextPx-${slot}-hint${pxError ? ` smallestTextPx-${slot}-error` : ""}`}
                    aria-invalid={pxError ? true : undefined}
                  />
                </div>
              }
            />
            <button type="submit" className="button" name="intent" value="describe" disabled={busy}>
              {t.questions.save}
            </button>
          </Form>
        </>
      ) : (
        <p>{t.none}</p>
      )}
      {/* The slot is in the address, so a file too large to read is still reported beside its own field. */}
      <Form method="post" action={`/registration/emblems?slot=${slot}`} encType="multipart/form-data" noValidate>
        <FileField
          name="file"
          id={`file-${slot}`}
          label={e ? t.upload.replaceLabel(slot) : t.upload.uploadLabel(slot)}
          hint={t.upload.hint}
          error={fileError ?? undefined}
          accept="image/*"
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {e ? t.upload.replace : t.upload.upload}
        </button>
      </Form>
      {e ? (
        <Form method="post" action={`/registration/emblems?slot=${slot}`}>
          <button type="submit" className="button button--warning" name="intent" value="remove" disabled={busy}>
            {t.upload.remove(slot)}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
