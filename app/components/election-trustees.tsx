import { Form, Link } from "@remix-run/react";
import type { FieldErrors } from "~/components/forms";
import { electionTrusteeText as t } from "~/modules/elections/trustee-messages";
import type { ElectionTrusteesSummary } from "~/modules/elections/election-trustees.server";
import { TrusteesFields } from "./trustees-fields";

// Plain data: nothing in the summary changes on its way to the page.
type Summary = ElectionTrusteesSummary;

const stepNumber: Record<string, number> = { certificate: 1, polynomial: 2, key_share: 3 };

/** Who holds the key of the election's ballots (decision 047), and the returning officer's form to name them. */
export function ElectionTrusteesPanel({ trustees, canName, values, errors, busy }: { trustees: Summary | null; canName: boolean; values: Record<string, string>; errors: FieldErrors; busy: boolean }) {
  return (
    <section className="panel" aria-labelledby="trustees-title">
      <h2 id="trustees-title">{t.heading}</h2>
      {trustees ? (
        <>
          <p>{t.held(trustees.total, trustees.needed)}</p>
          {trustees.names.length > 0 ? <p>{t.names(trustees.names)}</p> : null}
          {trustees.inUse ? <p>{t.inUse}</p> : trustees.complete ? <p>{t.complete}</p> : trustees.step ? <p>{t.step(stepNumber[trustees.step.name] ?? 1, trustees.step.taken, trustees.total)}</p> : <p>{t.ready(trustees.ready, trustees.total)}</p>}
          {trustees.youAreOne ? (
            <p>
              <Link to={`/trustees/${trustees.setId}`}>{t.yourPage}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <p id="trustees-status">{t.serverHolds}</p>
      )}
      {canName ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="trustees" />
          <p>{t.formIntro}</p>
          <TrusteesFields values={values} errors={errors} label={t.formLabel} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t.nameButton}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
