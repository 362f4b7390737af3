import { Form } from "@remix-run/react";
import { TextField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { electionsPartsText } from "~/modules/elections/elections-page-messages";
import { electionProblemMessages } from "~/modules/elections/messages";
import type { ElectionsPartProps } from "./props";

/** The seats filled over every round of nominations, once there has been more than one. */
export function SeatsFilled({ d }: Pick<ElectionsPartProps, "d">) {
  const t = electionsPartsText.seatsFilled;
  return (
    <>
      {d.seats && d.seats.rounds ? (
        <TableScroll label={t.label}>
          <table className="table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{electionsPartsText.position}</th>
                <th scope="col">{electionsPartsText.elected}</th>
              </tr>
            </thead>
            <tbody>
              {d.seats.filled.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{t.filled(p.filled, p.vacant)}</td>
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
  const t = electionsPartsText.vacantSeats;
  return (
    <>
      {d.seats && d.seats.vacant.length > 0 ? (
        <section className="panel" aria-labelledby="vacant-title">
          <h2 id="vacant-title">{t.heading}</h2>
          <p>{t.intro}</p>
          <TableScroll label={t.heading}>
            <table className="table">
              <caption className="visually-hidden">{t.heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{electionsPartsText.position}</th>
                  <th scope="col">{t.vacant}</th>
                  <th scope="col">{t.why}</th>
                </tr>
              </thead>
              <tbody>
                {d.seats.vacant.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.title}</th>
                    <td>{t.vacantOf(p.vacant, p.of)}</td>
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
              <h3>{t.reopenHeading}</h3>
              <TextField
                name="opensAt"
                id="reopen-opensAt"
                label={electionsPartsText.nominationsOpenAt}
                type="datetime-local"
                defaultValue={values.opensAt}
                error={errors.opensAt}
              />
              <TextField
                name="closesAt"
                id="reopen-closesAt"
                label={electionsPartsText.nominationsCloseAt}
                hint={t.minimumDays(d.seats.minimumDays)}
                type="datetime-local"
                defaultValue={values.closesAt}
                error={errors.closesAt}
              />
              <button type="submit" className="button" disabled={busy}>
                {t.reopen}
              </button>
            </Form>
          ) : (
            <p>{t.organisersReopen}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
