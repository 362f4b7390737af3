/** A closed poll's published ballots (routes/polls.$pollId.ballots._index.tsx): the figures, who voted, and every ballot. */
import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { EncryptedRecordNote } from "~/modules/polls/components/encrypted-record-note";
import { backToPoll, pollsText } from "~/modules/polls/messages";
import { publishedBallotsText as t } from "~/modules/polls/published-ballots-messages";

/** What the page shows, each ballot already in words. */
interface PublishedBallotsView {
  poll: { id: string; title: string; method: string };
  encrypted: boolean;
  trustees: { total: number; needed: number };
  /** Who voted, by name, for those who may see it (null for everyone else, and for a poll not encrypted). */
  voters: string[] | null;
  voted: number;
  ballotCount: number;
  chainHead: string | null;
  mode: string;
  pairs: { receipt: string; ballot: string }[];
  receipts: string[];
  contents: string[];
}

export function PublishedBallots({ d }: { d: PublishedBallotsView }) {
  return (
    <div className="page">
      <p>
        <Link to={`/polls/${d.poll.id}`}>{backToPoll(d.poll.title)}</Link>
      </p>
      <h1>{t.title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t.membersWhoVoted}</dt>
          <dd>{d.voted}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.ballotsCounted}</dt>
          <dd>{d.ballotCount}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.chainHead}</dt>
          <dd>
            <code className="hash">{d.chainHead}</code>
          </dd>
        </div>
      </dl>
      {d.voters ? (
        <details className="details">
          <summary>{pollsText.votersListTitle(d.voters.length)}</summary>
          <p>{pollsText.votersListText}</p>
          <ul className="list">
            {d.voters.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {d.encrypted ? <EncryptedRecordNote pollId={d.poll.id} ranked={d.poll.method !== "yes-no"} trustees={d.trustees} /> : null}
      {d.poll.method !== "yes-no" ? (
        <p>
          <a href={`/polls/${d.poll.id}/ballots.blt`} download>
            {t.bltLink}
          </a>
          {t.bltAfter}
        </p>
      ) : null}
      {d.mode === "receipts-with-rankings" ? <PairsTable pairs={d.pairs} /> : <SeparateLists receipts={d.receipts} contents={d.contents} />}
    </div>
  );
}

/** Each ballot beside its receipt, where the poll publishes them so. */
function PairsTable({ pairs }: { pairs: PublishedBallotsView["pairs"] }) {
  return (
    <TableScroll labelledBy="pairs-caption">
      <table className="table">
        <caption id="pairs-caption">{t.pairsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.receipt}</th>
            <th scope="col">{t.ballot}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={p.receipt}>
              <td>
                <code>{p.receipt}</code>
              </td>
              <td>{p.ballot}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The receipts and the ballots as two lists, so that nobody can prove how they voted. */
function SeparateLists({ receipts, contents }: { receipts: string[]; contents: string[] }) {
  return (
    <>
      <h2>{t.receiptsHeading}</h2>
      <ul className="list">
        {receipts.map((r) => (
          <li key={r}>
            <code>{r}</code>
          </li>
        ))}
      </ul>
      <h2>{t.contentsHeading}</h2>
      <ol className="list">
        {contents.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ol>
    </>
  );
}
