import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { roleLabels } from "~/components/site-header";
import { countConfirmedPledges, getMovement, listDemands } from "~/modules/campaign/campaign.server";
import { campaignStatusNow } from "~/modules/road/status-line.server";
import { demoPeople } from "~/modules/demo/demo-data";
import { nextStepsTitle, nothingToDo, personalStepView, roadStepView, roadTitle } from "~/modules/next-steps/messages";
import { nextStepsFor } from "~/modules/next-steps/next-steps.server";
import { requirePermission } from "~/utils/auth.server";
import { outboxPageAvailable } from "~/utils/features.server";
import { formatDate } from "~/utils/dates";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const [m, demands, pledged, demoMailbox, campaignStatus, steps] = await Promise.all([
    getMovement(context.db),
    listDemands(context.db),
    countConfirmedPledges(context.db),
    outboxPageAvailable(context.env, context.db),
    // Where the campaign stands, derived from the state (decision 039).
    campaignStatusNow(context.db),
    // Signed in: their own tasks first, derived afresh from the state (modules/next-steps).
    auth ? nextStepsFor(context.db, auth.user) : null,
  ]);
  const url = new URL(request.url);
  const role = auth?.user.role;
  return {
    steps: steps
      ? {
          personal: steps.personal.map(personalStepView),
          road: steps.road ? roadStepView(steps.road, { organiser: role === "organiser", returningOfficer: role === "returning_officer" }) : null,
        }
      : null,
    movement: m ? { name: m.name, partyName: m.partyName, statement: m.statement, deadline: m.deadline.toISOString() } : null,
    campaignStatus,
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
    demo:
      demoMailbox && context.env.demoMode ? [demoPeople.organiser, demoPeople.returningOfficer, ...demoPeople.members.slice(0, 3)].map((p) => p.email) : null,
  };
}

const noticeTitles = { removed: "Your information has been removed", signedOut: "You have signed out", signedOutEverywhere: "You have signed out everywhere" };
const noticeTexts = {
  removed: "We have deleted your name, email address, postcode and membership details. Counts and anonymous ballots stay as they were.",
  signedOut: "Sign in again at any time with a link sent to your email.",
  signedOutEverywhere: "Every sign-in you had, on every device, has ended.",
};

type Steps = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["steps"]>;

/** The signed-in person's own tasks in order, then (for those who run it) the road's next step. */
function NextSteps({ steps, movementName }: { steps: Steps; movementName: string }) {
  return (
    <>
      <h1>
        <span className="caption">{movementName}</span> {nextStepsTitle}
      </h1>
      {steps.personal.length > 0 ? (
        <ol className="task-list" aria-label={nextStepsTitle}>
          {steps.personal.map((s) => (
            <li key={s.href + s.title} className="task-list__item">
              <Link to={s.href} className="task-list__link">
                {s.title}
              </Link>
              <p className="task-list__hint">{s.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{nothingToDo}</p>
      )}
      {steps.road ? (
        <section className="panel" aria-labelledby="road-title">
          <h2 id="road-title">{roadTitle}</h2>
          <p className="caption">{steps.road.stage}</p>
          <p>
            <Link to={steps.road.href} className="task-list__link">
              {steps.road.title}
            </Link>
          </p>
          <p>{steps.road.text}</p>
        </section>
      ) : null}
    </>
  );
}

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
      {data.steps ? <NextSteps steps={data.steps} movementName={data.movement?.name ?? "Breakaway"} /> : null}
      {data.movement ? (
        <>
          {data.steps ? <h2>{data.movement.name}</h2> : <h1>{data.movement.name}</h1>}
          <p className="lead">{data.movement.statement}</p>
          {data.campaignStatus ? <p className="panel">{data.campaignStatus}</p> : null}
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
          {data.steps ? null : <h1>Breakaway</h1>}
          <p className="lead">No movement has been set up yet. An organiser can set one up after signing in.</p>
        </>
      )}
      {data.demo ? (
        <section className="panel" aria-labelledby="demo-title">
          <h2 id="demo-title">Try the demo</h2>
          <p>
            This is a demonstration with made-up people. To sign in, <Link to="/login">ask for a sign-in link</Link> with one of these addresses, then open the{" "}
            <Link to="/dev/outbox">demo mailbox</Link> to follow the link:
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
