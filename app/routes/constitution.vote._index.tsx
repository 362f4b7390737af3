import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { loadVotingOverview } from "~/modules/constitution/ballot.server";
import { roundPreparation } from "~/modules/constitution/round-preparation.server";
import { isFoundingMember } from "~/modules/constitution/drafting.server";
import { clearedJustCastCookie, readJustCast } from "~/modules/constitution/sitting";
import { sittingMessages } from "~/modules/constitution/sitting-messages";
import { JustCastBanner } from "~/modules/constitution/components/sitting";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = () => [{ title: "Vote on the constitution - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const overview = await loadVotingOverview(context.db, user.id);
  const member = await isFoundingMember(context.db, user.id);
  // The receipts of the ballot just cast, when the member stopped or finished (sitting.ts). Read
  // even when the round has closed meanwhile: the receipts are what the member checks it with.
  const cast = readJustCast(request.headers.get("Cookie"));
  const cleared = cast ? { headers: { "Set-Cookie": clearedJustCastCookie(context.secure) } } : undefined;
  if (!overview) {
    return data(
      { open: false as const, member, justCast: cast ? { title: sittingMessages.previousClause, receipts: cast.receipts } : null, preparing: null },
      cleared,
    );
  }
  // A large round's ballot papers are made first, in the background (decision 049): its progress.
  if (overview.round.preparing) {
    const preparation = await roundPreparation(context.db, overview.round.id);
    return data(
      {
        open: false as const,
        member,
        justCast: null,
        preparing: { round: overview.round.number, ...preparation, closesAt: formatDateTime(overview.round.closesAt) },
      },
      cleared,
    );
  }
  const done = overview.clauses.filter((c) => c.voted).length;
  const titles = new Map(overview.clauses.map((c) => [c.id, c.title]));
  return data(
    {
      open: true as const,
      justCast: cast ? { title: titles.get(cast.clauseId) ?? sittingMessages.previousClause, receipts: cast.receipts } : null,
      member,
      round: overview.round.number,
      closesAt: formatDateTime(overview.round.closesAt),
      clauses: overview.clauses,
      done,
      next: overview.clauses.find((c) => !c.voted)?.id ?? null,
    },
    cleared,
  );
}

export default function VoteOverview() {
  const d = useLoaderData<typeof loader>();
  if (!d.open && d.preparing) return <Preparing {...d.preparing} />;
  if (!d.open) {
    return (
      <div className="page page--narrow">
        <JustCastBanner cast={d.justCast} />
        <h1>Vote on the constitution</h1>
        <p>No vote on the constitution is open at the moment.</p>
        <p>
          <Link to="/constitution">Read the constitution</Link>
        </p>
      </div>
    );
  }
  const total = d.clauses.length;
  return (
    <div className="page page--narrow">
      <JustCastBanner cast={d.justCast} />
      <h1>Vote on the constitution: round {d.round}</h1>
      <p className="lead">
        Each clause has its own secret ballot. Vote on them all now, or come back later: your progress is saved. The ballot closes on {d.closesAt} (UK time).
      </p>
      {!d.member ? <p>You are not a founding member on this round&rsquo;s roll, so you cannot vote in it.</p> : null}
      <h2 id="progress-label">Your progress</h2>
      <progress className="progress" max={total} value={d.done} aria-labelledby="progress-label" />
      <p>{sittingMessages.done({ total, left: total - d.done })}</p>
      {d.member && d.next ? (
        <p>
          <Link to={`/constitution/vote/${d.next}`} className="button">
            {d.done === 0 ? "Start voting" : "Vote on the next clause"}
          </Link>
        </p>
      ) : null}
      {d.done === total ? <p>{sittingMessages.allDone}</p> : null}
      <TableScroll label="Clauses on this ballot">
        <table className="table">
          <caption className="visually-hidden">Clauses on this ballot</caption>
          <thead>
            <tr>
              <th scope="col">Clause</th>
              <th scope="col">Questions</th>
              <th scope="col">Your ballot</th>
            </tr>
          </thead>
          <tbody>
            {d.clauses.map((c) => (
              <tr key={c.id}>
                <td>{d.member && !c.voted ? <Link to={`/constitution/vote/${c.id}`}>{c.title}</Link> : c.title}</td>
                <td className="numeric">{c.questions}</td>
                <td>{c.voted ? "Cast" : "Not yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** While the round's ballot papers are made (decision 049): how far, and that the page follows it. */
function Preparing({ round, ready, total, closesAt }: { round: number; ready: number; total: number; closesAt: string }) {
  const revalidator = useRevalidator();
  // With JavaScript the progress follows by itself; without, reloading the page shows it.
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 10_000);
    return () => clearInterval(timer);
  }, [revalidator]);
  return (
    <div className="page page--narrow">
      <h1>{sittingMessages.preparingTitle(round)}</h1>
      <p className="lead">{sittingMessages.preparingLead(closesAt)}</p>
      <h2 id="preparing-label">{sittingMessages.preparingProgressTitle}</h2>
      <progress className="progress" max={total} value={ready} aria-labelledby="preparing-label" />
      <p role="status">{sittingMessages.preparingProgress(ready, total)}</p>
    </div>
  );
}
