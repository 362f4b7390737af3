import { Form } from "@remix-run/react";
import { Checkbox, TextArea, TextField } from "~/components/forms";
import { electionsPartsText } from "~/modules/elections/elections-page-messages";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import type { ElectionsPartProps } from "./props";

/** Setting up the election (the organisers), before one or after the last is counted. */
export function CreateElection({ d, busy, errors, values }: ElectionsPartProps) {
  const e = d.election;
  const t = electionsPartsText.create;
  return (
    <>
      {d.can.manage && (!e || e.phase === "counted") ? (
        <section className="panel" aria-labelledby="create-title">
          <h2 id="create-title">{t.heading}</h2>
          <p>{t.intro}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="create" />
            <TextField name="title" label={t.title} defaultValue={values.title ?? t.defaultTitle} error={errors.title} />
            <TextField name="opensAt" label={electionsPartsText.nominationsOpenAt} type="datetime-local" defaultValue={values.opensAt} error={errors.opensAt} />
            <TextField
              name="closesAt"
              label={electionsPartsText.nominationsCloseAt}
              hint={t.closesAtHint}
              type="datetime-local"
              defaultValue={values.closesAt}
              error={errors.closesAt}
            />
            <TextField
              name="committeeSeats"
              label={t.committeeSeats}
              inputMode="numeric"
              width="10"
              defaultValue={values.committeeSeats ?? "7"}
              error={errors.committeeSeats}
            />
            <Checkbox name="campaignsOfficer" label={t.campaignsOfficer} defaultChecked={values.campaignsOfficer === "yes"} />
            <button type="submit" className="button" disabled={busy}>
              {t.submit}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** Adding a position while nominations are open (the organisers). */
export function AddPosition({ d, busy, errors, values }: ElectionsPartProps) {
  const e = d.election;
  const t = electionsPartsText.addPosition;
  return (
    <>
      {d.can.manage && e?.phase === "nominations" ? (
        <section className="panel" aria-labelledby="add-title">
          <h2 id="add-title">{t.heading}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="add-position" />
            <TextField name="positionTitle" label={t.title} defaultValue={values.positionTitle} error={errors.positionTitle} />
            <TextField name="seats" label={t.seats} inputMode="numeric" width="10" defaultValue={values.seats ?? "1"} error={errors.seats} />
            <TextField
              name="secondersRequired"
              label={t.seconders}
              inputMode="numeric"
              width="10"
              defaultValue={values.secondersRequired ?? "2"}
              error={errors.secondersRequired}
            />
            <TextArea name="eligibility" label={t.eligibility} rows={2} defaultValue={values.eligibility} error={errors.eligibility} />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t.submit}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** Closing nominations and opening the ballots (the returning officer). */
export function OpenBallots({ d, busy, errors, values }: ElectionsPartProps) {
  const e = d.election;
  const t = electionsPartsText.openBallots;
  return (
    <>
      {d.can.run && e?.phase === "nominations" ? (
        <section className="panel" aria-labelledby="open-title">
          <h2 id="open-title">{t.heading}</h2>
          <p>{t.intro}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="open-ballots" />
            <TextField
              name="ballotClosesAt"
              label={t.closesAt}
              hint={e.ballotHint}
              type="datetime-local"
              defaultValue={values.ballotClosesAt}
              error={errors.ballotClosesAt}
            />
            {!e.nominationsDue ? <TextArea name="reason" label={t.earlyReason} rows={2} defaultValue={values.reason} error={errors.reason} /> : null}
            <button type="submit" className="button" disabled={busy}>
              {t.submit}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** Closing every ballot and counting, offices first (the returning officer). */
export function CloseAndCount({ d, busy, errors, values }: ElectionsPartProps) {
  const e = d.election;
  const t = electionsPartsText.count;
  return (
    <>
      {d.can.run && e?.phase === "ballot" ? (
        <section className="panel" aria-labelledby="count-title">
          <h2 id="count-title">{t.heading}</h2>
          <p>{t.intro}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="count" />
            {e.ballotsDecrypting > 0 ? (
              <p>{electionTrusteeText.waiting(e.ballotsDecrypting)}</p>
            ) : e.ballotsDue ? (
              <p>{t.due}</p>
            ) : (
              <TextArea name="reason" label={t.earlyReason} rows={2} defaultValue={values.reason} error={errors.reason} />
            )}
            <button type="submit" className="button" disabled={busy}>
              {e.ballotsDue ? t.countNow : t.closeAndCount}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
