import { Form, Link } from "@remix-run/react";
import { Radios, TextField } from "~/components/forms";
import { CandidacyForm, Warnings } from "./candidacy-form";
import type { PositionPartProps } from "./props";

/** Nominations waiting for an answer (shown to founding members only). */
export function PendingNominations({ d }: Pick<PositionPartProps, "d">) {
  return (
    <>
      {d.pending.length > 0 ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">Nominations waiting for an answer</h2>
          <p>A nominee is not a candidate until they accept. A nomination not accepted when nominations close lapses.</p>
          <ul className="list">
            {d.pending.map((n) => (
              <li key={n.id}>
                {n.nomineeName}, nominated by {n.nominatorName}
              </li>
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
  return (
    <>
      {d.nominationForMe ? (
        <section aria-labelledby="nomination-title" className="amend-form" id="nomination">
          <h2 id="nomination-title">Nominated by {d.nominationForMe.nominatorName}: accept or decline</h2>
          <p>
            You are not a candidate for {p.title} unless you accept. To accept, write your statement and agree to stand. If you do neither before nominations
            close, the nomination lapses.
          </p>
          <Warnings warnings={d.warnings} lead="Before you accept:" />
          <CandidacyForm intent="accept" submitLabel="Accept the nomination" position={p} errors={errors} values={values} busy={busy} />
          <Form method="post">
            <input type="hidden" name="intent" value="decline" />
            {errors.decline ? (
              <p className="error-message" id="decline-error">
                <span className="visually-hidden">Error:</span> {errors.decline}
              </p>
            ) : null}
            <button
              type="submit"
              id="decline"
              className="button button--secondary"
              disabled={busy}
              aria-describedby={errors.decline ? "decline-error" : undefined}
            >
              Decline the nomination
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
  return (
    <>
      {d.nominationsOpen && d.viewer.mayNominate ? (
        <section aria-labelledby="nominate-title" className="amend-form" id="nominate">
          <h2 id="nominate-title">Nominate another founding member for {p.title}</h2>
          <p>
            They are emailed and asked to accept; until they do, they are not a candidate. You do not count as one of their seconders. To put yourself forward,
            stand instead.
          </p>
          <Form method="get" action={`/elections/positions/${p.id}#nominate`}>
            <TextField name="find" label="Find a founding member by name or membership number" defaultValue={d.search.find} width="20" />
            <button type="submit" className="button button--secondary">
              Find
            </button>
          </Form>
          {d.search.results && d.search.results.length === 0 ? <p>No other founding member matches &ldquo;{d.search.find}&rdquo;.</p> : null}
          {d.search.results && d.search.results.length > 0 ? (
            <Form method="post" action={`/elections/positions/${p.id}?find=${encodeURIComponent(d.search.find)}`} noValidate>
              <input type="hidden" name="intent" value="nominate" />
              <Radios
                name="nomineeId"
                legend={`Who are you nominating for ${p.title}?`}
                choices={d.search.results.map((r) => [r.userId, r.membershipNumber ? `${r.name} (founding member ${r.membershipNumber})` : r.name] as const)}
                checked={values.nomineeId}
                error={errors.nomineeId}
              />
              {d.search.tooMany ? (
                <p className="hint">Only the first {d.search.results.length} matches are shown: search for a fuller name to narrow them down.</p>
              ) : null}
              <button type="submit" className="button" disabled={busy}>
                Nominate
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
  return (
    <>
      {canStand ? (
        <section aria-labelledby="stand-title" className="amend-form">
          <h2 id="stand-title">Stand for {p.title}</h2>
          <Warnings warnings={d.warnings} lead="Before you stand:" />
          <CandidacyForm intent="stand" submitLabel={`Stand for ${p.title}`} position={p} errors={errors} values={values} busy={busy} />
        </section>
      ) : d.nominationsOpen && !d.viewer.foundingMember && !d.excluded ? (
        <p>
          Founding members can stand, nominate, second candidates and ask them questions here.{" "}
          {d.viewer.signedIn ? null : <Link to={`/login?redirectTo=/elections/positions/${p.id}`}>Sign in</Link>}
        </p>
      ) : null}
    </>
  );
}
