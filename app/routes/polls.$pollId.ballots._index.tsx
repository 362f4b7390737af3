import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { BallotContent } from "../../db/schema";
import { getPublication, votersOfClosedPoll } from "~/modules/polls/publication.server";
import { isOnRoll } from "~/modules/polls/roll.server";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { TableScroll } from "~/components/table-scroll";
import { EncryptedRecordNote } from "~/modules/polls/components/encrypted-record-note";
import { pollsText } from "~/modules/polls/messages";
import { pollTrusteeSummary } from "~/modules/polls/trustee-page.server";

export const meta: MetaFunction = () => [{ title: "Published ballots - Breakaway" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const published = await getPublication(context.db, params.pollId ?? "");
  if (!published) throw new Response("The ballots are published when the poll closes.", { status: 404 });
  // Who held the key: the server, or trustees named by the returning officer (decision 045).
  const summary = await pollTrusteeSummary(context.db, published.poll.id, null);
  const trustees = { total: summary?.total ?? 0, needed: summary?.needed ?? 0 };
  // Who voted, by name, for those on the poll's roll and those who run polls: each member checks
  // that nobody voted in their name (the server makes every credential). Not for visitors.
  const mayList = auth ? isAllowed(principalOf(context), "poll.manage") || (await isOnRoll(context.db, published.poll.id, auth.user.id)) : false;
  const voters = mayList && published.encrypted ? await votersOfClosedPoll(context.db, published.poll.id) : null;
  const labels = new Map(published.rules.options.map((o) => [o.position, o.label]));
  const show = (c: BallotContent) =>
    "choice" in c ? c.choice : "ranking" in c ? c.ranking.map((p) => labels.get(p) ?? "?").join(" > ") : pollsText.encryptedBallot;
  return {
    poll: { id: published.poll.id, title: published.poll.title, method: published.poll.method },
    encrypted: published.encrypted,
    trustees,
    voters,
    voted: published.voted,
    ballotCount: published.ballotCount,
    chainHead: published.chainHead,
    mode: published.publication.mode,
    pairs: published.publication.pairs.map((p) => ({ receipt: p.receipt, ballot: show(p.content) })),
    receipts: published.publication.receipts,
    contents: published.publication.contents.map(show),
  };
}

export default function PublishedBallots() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/polls/${d.poll.id}`}>Back to {d.poll.title}</Link>
      </p>
      <h1>Published ballots</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Members who voted</dt>
          <dd>{d.voted}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Ballots counted</dt>
          <dd>{d.ballotCount}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Head of the ballot chain</dt>
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
            Download the ballots as a BLT file
          </a>{" "}
          and recount them with any program that counts single transferable vote elections, or with the counting tool that comes with Breakaway.
        </p>
      ) : null}
      {d.mode === "receipts-with-rankings" ? (
        <TableScroll labelledBy="pairs-caption">
          <table className="table">
            <caption id="pairs-caption">Each ballot beside its receipt code, sorted by receipt code</caption>
            <thead>
              <tr>
                <th scope="col">Receipt</th>
                <th scope="col">Ballot</th>
              </tr>
            </thead>
            <tbody>
              {d.pairs.map((p) => (
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
      ) : (
        <>
          <h2>Receipt codes of counted ballots</h2>
          <ul className="list">
            {d.receipts.map((r) => (
              <li key={r}>
                <code>{r}</code>
              </li>
            ))}
          </ul>
          <h2>Ballots, in sorted order</h2>
          <ol className="list">
            {d.contents.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
