import { Form, Link } from "@remix-run/react";
import type { FieldErrors } from "~/components/forms";
import type { TrusteePanelText } from "~/modules/polls/scope-trustee-messages";
import type { TrusteeSetSummary } from "~/modules/polls/encrypted/trustee-set-summary.server";
import { TrusteesFields } from "./trustees-fields";

const stepNumber: Record<string, number> = { certificate: 1, polynomial: 2, key_share: 3 };

/** One set's progress in a sentence: in use, made, the ceremony's step, or how many keys are in. */
function setProgress(s: TrusteeSetSummary, t: TrusteePanelText): string {
  if (s.inUse) return t.inUse;
  if (s.complete) return t.complete;
  if (s.step) return t.step(stepNumber[s.step.name] ?? 1, s.step.taken, s.total);
  return t.ready(s.ready, s.total);
}

/**
 * Who holds the key of some polls (decisions 047, 048): named trustees, or the server; and the
 * form that names them, for whoever may. A part of the road with both kinds of question has one
 * set per kind, with the same members: each set's progress is said on its own line.
 */
export function TrusteesPanel({
  sets,
  text: t,
  canName,
  values,
  errors,
  busy,
  intent = "trustees",
  hidden = {},
  idSuffix,
}: {
  sets: readonly TrusteeSetSummary[];
  text: TrusteePanelText;
  canName: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
  busy: boolean;
  intent?: string;
  /** Further hidden fields of the form, such as which part of the road it names trustees for. */
  hidden?: Record<string, string>;
  /** With several panels on one page: what makes their ids unique. */
  idSuffix?: string;
}) {
  const first = sets[0];
  const titleId = idSuffix ? `trustees-title-${idSuffix}` : "trustees-title";
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.heading}</h2>
      {first ? (
        <>
          <p>{t.held(first.total, first.needed)}</p>
          {first.names.length > 0 ? <p>{t.names(first.names)}</p> : null}
          {sets.length === 1 ? (
            <p>{setProgress(first, t)}</p>
          ) : (
            <ul className="list">
              {sets.map((s) => (
                <li key={s.setId}>
                  {t.keyFor ? `${t.keyFor(s.groupName)}: ` : ""}
                  {setProgress(s, t)}
                </li>
              ))}
            </ul>
          )}
          {sets
            .filter((s) => s.youAreOne)
            .map((s) => (
              <p key={s.setId}>
                <Link to={`/trustees/${s.setId}`}>{sets.length > 1 && t.keyFor ? `${t.yourPage} (${t.keyFor(s.groupName).toLowerCase()})` : t.yourPage}</Link>
              </p>
            ))}
        </>
      ) : (
        <p id={idSuffix ? `trustees-status-${idSuffix}` : "trustees-status"}>{t.serverHolds}</p>
      )}
      {canName ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value={intent} />
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p>{t.formIntro}</p>
          <TrusteesFields values={values} errors={errors} label={t.formLabel} {...(idSuffix ? { idSuffix } : {})} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t.nameButton}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
