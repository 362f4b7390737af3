import { Form, Link } from "@remix-run/react";
import { FieldError, Radios, TextField } from "~/components/forms";
import { positionPartsText } from "~/modules/elections/position-page-messages";
import { CandidacyForm, Warnings } from "./candidacy-form";
import type { PositionPartProps } from "./props";

/** Nominations waiting for an answer (shown to founding members only). */
export function PendingNominations({ d }: Pick<PositionPartProps, "d">) {
  const t = positionPartsText.pending;
  return (
    <>
      {d.pending.length > 0 ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t.heading}</h2>
          <p>{t.intro}</p>
          <ul className="list">
            {d.pending.map((n) => (
              <li key={n.id}>{t.nominee(n.nomineeName, n.nominatorName)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The viewer's own nomination: accept (with a statement and consent) or decline. */
export function NominationForMe({ d, busy, errors, values }: PositionPartProps) {
  const p = d.position;
  const t = positionPartsText.nominationForMe;
  return (
    <>
      {d.nominationForMe ? (
        <section aria-labelledby="nomination-title" className="amend-form" id="nomination">
          <h2 id="nomination-title">{t.heading(d.nominationForMe.nominatorName)}</h2>
          <p>{t.intro(p.title)}</p>
          <Warnings warnings={d.warnings} lead={t.warningsLead} />
          <CandidacyForm intent="accept" submitLabel={t.accept} position={p} errors={errors} values={values} busy={busy} />
          <Form method="post">
            <input type="hidden" name="intent" value="decline" />
            <FieldError id="decline" message={errors.decline} />
            <button
              type="submit"
              id="decline"
              className="button button--secondary"
              disabled={busy}
              aria-describedby={errors.decline ? "decline-error" : undefined}
            >
              {t.decline}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** Finding another founding member and nominating them. */
export function Nominate({ d, busy, errors, values }: PositionPartProps) {
  const p = d.position;
  const t = positionPartsText.nominate;
  return (
    <>
      {d.nominationsOpen && d.viewer.mayNominate ? (
        <section aria-labelledby="nominate-title" className="amend-form" id="nominate">
          <h2 id="nominate-title">{t.heading(p.title)}</h2>
          <p>{t.intro}</p>
          <Form method="get" action={`/elections/positions/${p.id}#nominate`}>
            <TextField name="find" label={t.find} defaultValue={d.search.find} width="20" />
            <button type="submit" className="button button--secondary">
              {t.findSubmit}
            </button>
          </Form>
          {d.search.results && d.search.results.length === 0 ? <p>{t.noMatch(d.search.find)}</p> : null}
          {d.search.results && d.search.results.length > 0 ? (
            <Form method="post" action={`/elections/positions/${p.id}?find=${encodeURIComponent(d.search.find)}`} noValidate>
              <input type="hidden" name="intent" value="nominate" />
              <Radios
                name="nomineeId"
                legend={t.legend(p.title)}
                choices={d.search.results.map((r) => [r.userId, t.choice(r.name, r.membershipNumber)] as const)}
                checked={values.nomineeId}
                error={errors.nomineeId}
              />
              {d.search.tooMany ? <p className="hint">{t.tooMany(d.search.results.length)}</p> : null}
              <button type="submit" className="button" disabled={busy}>
                {t.submit}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** Standing, for a founding member who may; otherwise who may, and signing in. */
export function Stand({ d, busy, errors, values, canStand }: PositionPartProps & { canStand: boolean }) {
  const p = d.position;
  const t = positionPartsText.stand;
  return (
    <>
      {canStand ? (
        <section aria-labelledby="stand-title" className="amend-form">
          <h2 id="stand-title">{t.heading(p.title)}</h2>
          <Warnings warnings={d.warnings} lead={t.warningsLead} />
          <CandidacyForm intent="stand" submitLabel={t.heading(p.title)} position={p} errors={errors} values={values} busy={busy} />
        </section>
      ) : d.nominationsOpen && !d.viewer.foundingMember && !d.excluded ? (
        <p>
          {t.foundingMembersOnly} {d.viewer.signedIn ? null : <Link to={`/login?redirectTo=/elections/positions/${p.id}`}>{t.signIn}</Link>}
        </p>
      ) : null}
    </>
  );
}
