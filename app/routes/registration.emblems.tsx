import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, type FieldErrors, FileField, NotificationBanner } from "~/components/forms";
import { MAX_EMBLEMS } from "~/modules/registration/details";
import { EMBLEM_COLOURED_SHARE, EMBLEM_GREY_SATURATION, EMBLEM_MARGIN } from "~/modules/registration/readiness";
import { emblemFileErrorMessages } from "~/modules/registration/readiness-messages";
import { emblemDoneMessages, emblemProblemMessages, uploadRefusedMessages } from "~/modules/registration/messages";
import { isSlot, listEmblems, MAX_EMBLEM_BYTES, removeEmblem, setEmblemAnswers, uploadEmblem } from "~/modules/registration/registration.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { readUploadForm } from "~/utils/upload-form.server";
import { formValues } from "~/utils/form-values";
import { YesNoChoice } from "~/modules/registration/components/yes-no-choice";
import { readEmblemAnswers } from "~/modules/registration/emblem-answers";

export const meta: MetaFunction = () => [{ title: "Emblems - Registration - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  const emblems = await listEmblems(context.db);
  return { emblems: emblems.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })) };
}

type ActionResult = { slot: number; errors: FieldErrors; values?: Record<string, string> };

const fail = (slot: number, errors: FieldErrors, values?: Record<string, string>, status = 400) => data<ActionResult>({ slot, errors, values }, { status });

/** The emblem an action is about, from the form's address (known before the body is read): 1 to 3, else null. */
function slotOf(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("slot") ?? "";
  return /^\d$/.test(raw) && isSlot(Number(raw)) ? Number(raw) : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const actor = { id: user.id, label: user.email };
  const slot = slotOf(request);
  if (slot === null) throw new Response(emblemProblemMessages.slot_invalid, { status: 400 });
  const field = `file-${slot}`;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const read = await readUploadForm(request, context, MAX_EMBLEM_BYTES);
    if (!read.ok) {
      const message = read.problem === "too_big" ? emblemProblemMessages.file_too_big : uploadRefusedMessages[read.problem];
      return fail(slot, { [field]: message }, undefined, read.status);
    }
    const file = read.form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return fail(slot, { [field]: emblemProblemMessages.file_missing });
    const r = await uploadEmblem(context.db, actor, { slot, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!r.ok) return fail(slot, { [field]: r.code === "not_image" && r.file ? emblemFileErrorMessages[r.file] : emblemProblemMessages[r.code] });
    return redirect(`/registration/emblems?done=${r.replaced ? "replaced" : "uploaded"}#emblem-${slot}`);
  }
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "remove") {
    const r = await removeEmblem(context.db, actor, slot);
    if (!r.ok) return fail(slot, { [field]: emblemProblemMessages[r.code] });
    return redirect("/registration/emblems?done=removed");
  }
  if (intent === "describe") {
    const read = readEmblemAnswers(formValues(form), slot);
    if (!read.ok) return fail(slot, read.errors, read.values);
    const { values, answers } = read;
    const r = await setEmblemAnswers(context.db, actor, slot, answers);
    if (!r.ok) return fail(slot, { [r.code === "text_size_invalid" ? `smallestTextPx-${slot}` : field]: emblemProblemMessages[r.code] }, values);
    return redirect(`/registration/emblems?done=described#emblem-${slot}`);
  }
  throw new Response("The form was not understood. Go back and try again.", { status: 400 });
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const NOT_ANSWERED = "Not answered yet";
const yesNo = (answer: boolean | null): string => (answer === null ? "" : answer ? "yes" : "no");

export default function Emblems() {
  const { emblems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const done = emblemDoneMessages[params.get("done") ?? ""];
  const slots = Array.from({ length: MAX_EMBLEMS }, (_, i) => i + 1);
  const firstChoice = Object.fromEntries(
    slots.flatMap((s) => [
      [`hasPicture-${s}`, `hasPicture-${s}-yes`],
      [`hasText-${s}`, `hasText-${s}-yes`],
    ]),
  );
  return (
    <div className="page">
      <p>
        <Link to="/registration">Registration</Link>
      </p>
      <h1>Emblems</h1>
      {result ? <ErrorSummary errors={result.errors} fieldIds={firstChoice} /> : null}
      {done && !result ? (
        <NotificationBanner title="Done" kind="success">
          <p>{done}</p>
        </NotificationBanner>
      ) : null}
      <p className="lead">
        Up to three emblems candidates may print on the ballot paper. The Commission accepts them only in black and white or greyscale, cropped close, with a
        picture or symbol (plain text is refused), and printed 2 cm square: any lettering must be at least 6% of the emblem&apos;s height to be readable.
      </p>
      {slots.map((slot) => {
        const e = emblems.find((x) => x.slot === slot);
        const errors = result?.slot === slot ? result.errors : {};
        const v = result?.slot === slot ? result.values : undefined;
        // Nothing is pre-selected until answered: a fresh upload has no answers (null).
        const hasText = v?.hasText ?? yesNo(e?.hasText ?? null);
        const hasPicture = v?.hasPicture ?? yesNo(e?.hasPicture ?? null);
        const pxError = errors[`smallestTextPx-${slot}`];
        const fileError = errors[`file-${slot}`];
        return (
          <section key={`${slot}:${e?.uploadedAt ?? ""}:${JSON.stringify(v ?? {})}`} className="panel" aria-labelledby={`emblem-${slot}`}>
            <h2 id={`emblem-${slot}`}>Emblem {slot}</h2>
            {e ? (
              <>
                <img
                  src={`/registration/emblems/${slot}`}
                  alt={`Emblem ${slot} as uploaded`}
                  width={Math.min(200, e.inspection.width)}
                  style={{ border: "1px solid #b1b4b6", height: "auto" }}
                />
                <dl className="summary-list">
                  <div className="summary-list__row">
                    <dt>File</dt>
                    <dd>
                      {e.fileName} ({e.inspection.format.toUpperCase()}, {e.inspection.width} × {e.inspection.height} pixels)
                    </dd>
                  </div>
                  <div className="summary-list__row">
                    <dt>Colour</dt>
                    <dd>
                      {e.inspection.maxSaturation <= EMBLEM_GREY_SATURATION
                        ? "Black and white or greyscale."
                        : e.inspection.colouredShare > EMBLEM_COLOURED_SHARE
                          ? `In colour: ${percent(e.inspection.colouredShare)} of the pixels have visible colour. The Commission accepts only black and white or greyscale.`
                          : `A few stray coloured pixels (${percent(e.inspection.colouredShare)}): make it greyscale to be sure.`}
                    </dd>
                  </div>
                  <div className="summary-list__row">
                    <dt>Empty margins</dt>
                    <dd>
                      Top {percent(e.inspection.margins.top)}, right {percent(e.inspection.margins.right)}, bottom {percent(e.inspection.margins.bottom)}, left{" "}
                      {percent(e.inspection.margins.left)} of the image.
                      {Object.values(e.inspection.margins).some((m) => m > EMBLEM_MARGIN)
                        ? " Crop the empty space around the emblem: the Commission asks for it cropped close."
                        : " Cropped close."}
                    </dd>
                  </div>
                  <div className="summary-list__row">
                    <dt>Picture or symbol</dt>
                    <dd>{e.hasPicture === null ? NOT_ANSWERED : e.hasPicture ? "Yes." : "No: the Commission refuses an emblem of lettering alone."}</dd>
                  </div>
                  <div className="summary-list__row">
                    <dt>Smallest lettering</dt>
                    <dd>
                      {e.hasText === null || (e.hasText && e.smallestTextPx === null)
                        ? NOT_ANSWERED
                        : !e.hasText || e.smallestTextPx === null
                          ? "No lettering."
                          : `${e.smallestTextPx} pixels high: ${percent(e.smallestTextPx / e.inspection.height)} of the emblem's height (at least 6% is needed).`}
                    </dd>
                  </div>
                </dl>
                <Form method="post" action={`/registration/emblems?slot=${slot}`} noValidate>
                  <YesNoChoice
                    name={`hasPicture-${slot}`}
                    field="hasPicture"
                    legend="Does the emblem have a picture?"
                    hint="A picture or symbol, not only lettering."
                    checked={hasPicture}
                    error={errors[`hasPicture-${slot}`]}
                  />
                  <YesNoChoice
                    name={`hasText-${slot}`}
                    field="hasText"
                    legend="Does it have any lettering?"
                    checked={hasText}
                    error={errors[`hasText-${slot}`]}
                    ifYes={
                      // Shown always (no script needed); ignored when the answer is no.
                      <div className={`form-group${pxError ? " form-group--error" : ""}`}>
                        <label className="label" htmlFor={`smallestTextPx-${slot}`}>
                          If yes: the height of its smallest letters, in pixels
                        </label>
                        <div className="hint" id={`smallestTextPx-${slot}-hint`}>
                          Measure a capital letter in an image editor. The image is {e.inspection.height} pixels high.
                        </div>
                        {pxError ? (
                          <p className="error-message" id={`smallestTextPx-${slot}-error`}>
                            <span className="visually-hidden">Error:</span> {pxError}
                          </p>
                        ) : null}
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
                    Save answers
                  </button>
                </Form>
              </>
            ) : (
              <p>No emblem uploaded.</p>
            )}
            {/* The slot is in the address, so a file too large to read is still reported beside its own field. */}
            <Form method="post" action={`/registration/emblems?slot=${slot}`} encType="multipart/form-data" noValidate>
              <FileField
                name="file"
                id={`file-${slot}`}
                label={e ? `Replace emblem ${slot}` : `Upload emblem ${slot}`}
                hint="An image file (PNG or JPEG is best), smaller than 5 MB."
                error={fileError ?? undefined}
                accept="image/*"
              />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {e ? "Replace" : "Upload"}
              </button>
            </Form>
            {e ? (
              <Form method="post" action={`/registration/emblems?slot=${slot}`}>
                <button type="submit" className="button button--warning" name="intent" value="remove" disabled={busy}>
                  Remove emblem {slot}
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
