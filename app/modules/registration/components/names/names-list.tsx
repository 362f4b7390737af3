import { Form } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/utils/dates";
import { namesPageText as t } from "../../names-messages";

/** The names loaded now: how many, the first few, and the button that clears them. */
export function NamesList(props: { total: number; first: readonly { name: string; register: string | null }[]; loadedAt: string | null; busy: boolean }) {
  const { total, first, loadedAt, busy } = props;
  return (
    <>
      <h2>{t.listNow}</h2>
      {total === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <p>{t.summary(total, loadedAt ? formatDateTime(loadedAt) : null, first.length)}</p>
          <TableScroll label={t.firstNames}>
            <table className="table">
              <caption className="visually-hidden">{t.firstNames}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columns.name}</th>
                  <th scope="col">{t.columns.register}</th>
                </tr>
              </thead>
              <tbody>
                {first.map((row) => (
                  <tr key={row.name}>
                    <td>{row.name}</td>
                    <td>{row.register || t.registerNotGiven}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Form method="post">
            <button type="submit" className="button button--warning" name="intent" value="clear" disabled={busy}>
              {t.clear}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
