import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { clearedJustCastCookie, readJustCast } from "~/modules/constitution/sitting";
import { sittingMessages, voteOverviewText as t } from "~/modules/constitution/sitting-messages";
import { voteOverviewView } from "~/modules/constitution/sitting-view.server";
import { JustCastBanner } from "~/modules/constitution/components/sitting";
import { BallotClauses } from "~/modules/constitution/components/vote-overview/ballot-clauses";
import { Preparing } from "~/modules/constitution/components/vote-overview/preparing";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  // The receipts of the ballot just cast, when the member stopped or finished (sitting.ts). Read
  // even when the round has closed meanwhile: the receipts are what the member checks it with.
  const cast = readJustCast(request.headers.get("Cookie"));
  const view = await voteOverviewView(context.db, user.id, cast);
  return data(view, cast ? { headers: { "Set-Cookie": clearedJustCastCookie(context.secure) } } : undefined);
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
