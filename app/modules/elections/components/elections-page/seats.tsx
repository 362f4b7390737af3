import { Form } from "@remix-run/react";
import { TextField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { electionProblemMessages } from "~/modules/elections/messages";
import type { ElectionsPartProps } from "./props";

/** The seats filled over every round of nominations, once there has been more than one. */
export function SeatsFilled({ d }: Pick<ElectionsPartProps, "d">) {
  return (
    <>
      {d.seats && d.seats.rounds ? (
        <TableScroll label="Seats filled so far">
          <table className="table">
            <caption>Seats filled so far, over every round of nominations</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Elected</th>
              </tr>
            </thead>
            <tbody>
              {d.seats.filled.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>
                    {p.filled.join(", ") || "Nobody yet"}
                    {p.vacant > 0 && p.filled.length > 0 ? `; ${p.vacant} ${p.vacant === 1 ? "seat" : "seats"} vacant` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

/** The seats still empty after the count, and re-opening nominations for them. */
export function VacantSeats({ d, busy, errors, values }: ElectionsPartProps) {
  return (
    <>
      {d.seats && d.seats.vacant.length > 0 ? (
        <section className="panel" aria-labelledby="vacant-title">
          <h2 id="vacant-title">Vacant seats</h2>
          <p>These seats are empty. Nominations re-open for exactly these seats; what the new round elects adds to the seats already filled.</p>
          <TableScroll label="Vacant seats">
            <table className="table">
              <caption className="visually-hidden">Vacant seats</caption>
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Vacant</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {d.seats.vacant.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.title}</th>
                    <td>
                      {p.vacant} of {p.of} seats vacant
                    </td>
                    <td>{p.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {!d.seats.settled ? <p>{electionProblemMessages.not_all_declared}</p> : null}
          {d.can.manage ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="reopen" />
              <h3>Re-open nominations for the vacant seats</h3>
              <TextField
                name="opensAt"
                id="reopen-opensAt"
                label="Nominations open (UK time)"
                type="datetime-local"
                defaultValue={values.opensAt}
                error={errors.opensAt}
              />
              <TextField
                name="closesAt"
                id="reopen-closesAt"
                label="Nominations close (UK time)"
                hint={`The standing orders ask for at least ${d.seats.minimumDays} days.`}
                type="datetime-local"
                defaultValue={values.closesAt}
                error={errors.closesAt}
              />
              <button type="submit" className="button" disabled={busy}>
                Re-open nominations
              </button>
            </Form>
          ) : (
            <p>The organisers re-open nominations for these seats.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
