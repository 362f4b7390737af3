import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { voteOverviewText } from "../../sitting-messages";

/** Every clause on the ballot, with its questions and whether the member has cast their ballot on it. */
export function BallotClauses({
  clauses,
  member,
}: {
  clauses: readonly { id: string; title: string; questions: number; voted: boolean }[];
  /** A founding member on the round's roll: each clause not yet voted on links to its ballot. */
  member: boolean;
}) {
  const t = voteOverviewText.clauses;
  return (
    <TableScroll label={t.label}>
      <table className="table">
        <caption className="visually-hidden">{t.label}</caption>
        <thead>
          <tr>
            <th scope="col">{t.clause}</th>
            <th scope="col">{t.questions}</th>
            <th scope="col">{t.ballot}</th>
          </tr>
        </thead>
        <tbody>
          {clauses.map((c) => (
            <tr key={c.id}>
              <td>{member && !c.voted ? <Link to={`/constitution/vote/${c.id}`}>{c.title}</Link> : c.title}</td>
              <td className="numeric">{c.questions}</td>
              <td>{c.voted ? t.cast : t.notYet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
