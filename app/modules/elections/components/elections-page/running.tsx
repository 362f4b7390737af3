import { Form } from "@remix-run/react";
import { Checkbox, TextArea, TextField } from "~/components/forms";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import type { ElectionsPartProps } from "./props";

/** Setting up the election (the organisers), before one or after the last is counted. */
export function CreateElection({ d, busy, errors, values }: ElectionsPartProps) {
  const e = d.election;
  return (
    <>
      {d.can.manage && (!e || e.phase === "counted") ? (
        <section className="panel" aria-labelledby="create-title">
          <h2 id="create-title">Set up the election of the interim officers</h2>
          <p>
            It comes with the offices the Electoral Commission registers (leader, nominating officer, treasurer) and an interim committee counted after them
            (standing orders 11).
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="create" />
            <TextField name="title" label="Title" defaultValue={values.title ?? "Election of the interim officers"} error={errors.title} />
            <TextField name="opensAt" label="Nominations open (UK time)" type="datetime-local" defaultValue={values.opensAt} error={errors.opensAt} />
            <TextField
              name="closesAt"
              label="Nominations close (UK time)"
              hint="The standing orders ask for at least 14 days."
              type="datetime-local"
              defaultValue={values.closesAt}
              error={errors.closesAt}
            />
            <TextField
              name="committeeSeats"
              label="Seats on the interim committee (0 for none)"
              inputMode="numeric"
              width="10"
              defaultValue={values.committeeSeats ?? "7"}
              error={errors.committeeSeats}
            />
            <Checkbox
              name="campaignsOfficer"
              label="Also elect a campaigns officer (optional registered officer)"
              defaultChecked={values.campaignsOfficer === "yes"}
            />
            <button type="submit" className="button" disabled={busy}>
              Set up the election
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
  return (
    <>
      {d.can.manage && e?.phase === "nominations" ? (
        <section className="panel" aria-labelledby="add-title">
          <h2 id="add-title">Add a position</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="add-position" />
            <TextField name="positionTitle" label="Title (for example Chair, or Secretary)" defaultValue={values.positionTitle} error={errors.positionTitle} />
            <TextField name="seats" label="Seats" inputMode="numeric" width="10" defaultValue={values.seats ?? "1"} error={errors.seats} />
            <TextField
              name="secondersRequired"
              label="Seconders needed besides the nominator"
              inputMode="numeric"
              width="10"
              defaultValue={values.secondersRequired ?? "2"}
              error={errors.secondersRequired}
            />
            <TextArea name="eligibility" label="Who may stand (optional)" rows={2} defaultValue={values.eligibility} error={errors.eligibility} />
            <button type="submit" className="button button--secondary" disabled={busy}>
              Add the position
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
  return (
    <>
      {d.can.run && e?.phase === "nominations" ? (
        <section className="panel" aria-labelledby="open-title">
          <h2 id="open-title">Open the ballot</h2>
          <p>
            Each position gets a ranked secret ballot of its validly nominated candidates and &ldquo;Re-open nominations&rdquo;, on the roll of founding
            members. A position with nobody validly nominated gets no ballot: its nominations re-open.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="open-ballots" />
            <TextField
              name="ballotClosesAt"
              label="The ballot closes at (UK time)"
              hint={e.ballotHint}
              type="datetime-local"
              defaultValue={values.ballotClosesAt}
              error={errors.ballotClosesAt}
            />
            {!e.nominationsDue ? (
              <TextArea
                name="reason"
                label="Reason for closing nominations before their closing time"
                rows={2}
                defaultValue={values.reason}
                error={errors.reason}
              />
            ) : null}
            <button type="submit" className="button" disabled={busy}>
              Close nominations and open the ballot
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
  return (
    <>
      {d.can.run && e?.phase === "ballot" ? (
        <section className="panel" aria-labelledby="count-title">
          <h2 id="count-title">Close and count</h2>
          <p>The offices are counted first; anyone elected to one is left out of the committee count (standing orders 11.8).</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="count" />
            {e.ballotsDecrypting > 0 ? (
              <p>{electionTrusteeText.waiting(e.ballotsDecrypting)}</p>
            ) : e.ballotsDue ? (
              <p>The closing time has passed: the ballots are counted automatically within a minute or so, or you can count them now.</p>
            ) : (
              <TextArea name="reason" label="Reason, if closing before the closing time" rows={2} defaultValue={values.reason} error={errors.reason} />
            )}
            <button type="submit" className="button" disabled={busy}>
              {e.ballotsDue ? "Count every ballot now" : "Close every ballot and count"}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
