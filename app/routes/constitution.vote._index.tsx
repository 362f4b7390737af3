import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadVotingOverview } from "~/modules/constitution/ballot.server";
import { roundPreparation } from "~/modules/constitution/round-preparation.server";
import { isFoundingMember } from "~/modules/constitution/drafting.server";
import { clearedJustCastCookie, readJustCast } from "~/modules/constitution/sitting";
import { sittingMessages, voteOverviewText as t } from "~/modules/constitution/sitting-messages";
import { JustCastBanner } from "~/modules/constitution/components/sitting";
import { BallotClauses } from "~/modules/constitution/components/vote-overview/ballot-clauses";
import { Preparing } from "~/modules/constitution/components/vote-overview/preparing";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

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
        <h1>{t.notOpen.heading}</h1>
        <p>{t.notOpen.body}</p>
        <p>
          <Link to="/constitution">{t.notOpen.read}</Link>
        </p>
      </div>
    );
  }
  const total = d.clauses.length;
  return (
    <div className="page page--narrow">
      <JustCastBanner cast={d.justCast} />
      <h1>{t.heading(d.round)}</h1>
      <p className="lead">{t.lead(d.closesAt)}</p>
      {!d.member ? <p>{t.notOnRoll}</p> : null}
      <h2 id="progress-label">{t.progress}</h2>
      <progress className="progress" max={total} value={d.done} aria-labelledby="progress-label" />
      <p>{sittingMessages.done({ total, left: total - d.done })}</p>
      {d.member && d.next ? (
        <p>
          <Link to={`/constitution/vote/${d.next}`} className="button">
            {d.done === 0 ? t.start : sittingMessages.nextClause}
          </Link>
        </p>
      ) : null}
      {d.done === total ? <p>{sittingMessages.allDone}</p> : null}
      <BallotClauses clauses={d.clauses} member={d.member} />
    </div>
  );
}
