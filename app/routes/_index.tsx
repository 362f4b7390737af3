import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { roleLabels } from "~/components/site-header";
import { countConfirmedPledges, getMovement, listDemands } from "~/modules/campaign/campaign.server";
import { demoPeople } from "~/modules/demo/demo-data";
import { requirePermission } from "~/utils/auth.server";
import { outboxPageAvailable } from "~/utils/features.server";
import { formatDate } from "~/utils/dates";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const [m, demands, pledged, demoMailbox] = await Promise.all([
    getMovement(context.db),
    listDemands(context.db),
    countConfirmedPledges(context.db),
    outboxPageAvailable(context.env, context.db),
  ]);
  const url = new URL(request.url);
  return {
    movement: m ? { name: m.name, partyName: m.partyName, statement: m.statement, deadline: m.deadline.toISOString() } : null,
    demandCount: demands.length,
    pledged,
    user: auth ? { displayName: auth.user.displayName, role: auth.user.role } : null,
    notice: (url.searchParams.get("removed")
      ? "removed"
      : url.searchParams.get("signedOut") === "everywhere"
        ? "signedOutEverywhere"
        : url.searchParams.get("signedOut")
          ? "signedOut"
          : null) as keyof typeof noticeTexts | null,
    demo: demoMailbox && context.env.demoMode
      ? [demoPeople.organiser, demoPeople.returningOfficer, ...demoPeople.members.slice(0, 3)].map((p) => p.email)
      : null,
  };
}


const noticeTitles = { removed: "Your information has been removed", signedOut: "You have signed out", signedOutEverywhere: "You have signed out everywhere" };
const noticeTexts = {
  removed: "We have deleted your name, email address, postcode and membership details. Counts and anonymous ballots stay as they were.",
  signedOut: "Sign in again at any time with a link sent to your email.",
  signedOutEverywhere: "Every sign-in you had, on every device, has ended.",
};

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      {data.notice ? (
        <NotificationBanner title={noticeTitles[data.notice]} kind="success">
          <p>{noticeTexts[data.notice]}</p>
        </NotificationBanner>
      ) : null}
      {data.user ? (
        <NotificationBanner title="Welcome back">
          <p>
            You are signed in as {data.user.displayName} ({roleLabels[data.user.role] ?? data.user.role}).
          </p>
        </NotificationBanner>
      ) : null}
      {data.movement ? (
        <>
          <h1>{data.movement.name}</h1>
          <p className="lead">{data.movement.statement}</p>
          <dl className="figures">
            <div className="figure">
              <dt>Confirmed pledges</dt>
              <dd>{data.pledged.toLocaleString("en-GB")}</dd>
            </div>
            <div className="figure">
              <dt>Demands on {data.movement.partyName}</dt>
              <dd>{data.demandCount}</dd>
            </div>
            <div className="figure">
              <dt>Deadline</dt>
              <dd>{formatDate(data.movement.deadline)}</dd>
            </div>
          </dl>
          <p>
            <Link to="/campaign" className="button">
              Read the demands
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1>Breakaway</h1>
          <p className="lead">No movement has been set up yet. An organiser can set one up after signing in.</p>
        </>
      )}
      {data.demo ? (
        <section className="panel" aria-labelledby="demo-title">
          <h2 id="demo-title">Try the demo</h2>
          <p>
            This is a demonstration with made-up people. To sign in, <Link to="/login">ask for a sign-in link</Link> with
            one of these addresses, then open the <Link to="/dev/outbox">demo mailbox</Link> to follow the link:
          </p>
          <ul className="list">
            {data.demo.map((email) => (
              <li key={email}>
                <code>{email}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
