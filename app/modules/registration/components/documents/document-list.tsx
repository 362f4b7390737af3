import { TableScroll } from "~/components/table-scroll";
import { documentsPageText as t } from "../../documents-messages";

/** Each document of the pack, numbered as in the pack, with what it is for. */
export function DocumentList({ documents }: { documents: readonly { doc: string; title: string; purpose: string }[] }) {
  return (
    <TableScroll label={t.documents}>
      <table className="table">
        <caption className="visually-hidden">{t.documents}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.document}</th>
            <th scope="col">{t.columns.purpose}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d, i) => (
            <tr key={d.doc}>
              <td>
                <a href={`/registration/documents/${d.doc}.pdf`} download>
                  {`${i + 1}. ${d.title}`}
                  <span className="visually-hidden">{t.pdf}</span>
                </a>
              </td>
              <td>{d.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
