import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart, formatNumber } from "~/components/bar-chart";
import { Countdown } from "~/components/countdown";
import { LineChart } from "~/components/line-chart";
import { deadlineExtensions } from "~/modules/campaign/manage.server";
import { getMovement, listDemands } from "~/modules/campaign/campaign.server";
import { responseLabels } from "~/modules/campaign/messages";
import { campaignStatusNow } from "~/modules/road/status-line.server";
import { campaignFigures } from "~/modules/pledges/counts.server";
import { relationShortLabels } from "~/modules/pledges/messages";
import { principalOf, requirePermission } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Campaign - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const now = new Date();
  const [m, demands, figures, extensions, status] = await Promise.all([
    getMovement(context.db),
    listDemands(context.db),
    campaignFigures(context.db),
    deadlineExtensions(context.db),
    campaignStatusNow(context.db, now),
  ]);
  return {
    status,
    movement: m
      ? {
          name: m.name,
          partyName: m.partyName,
          statement: m.statement,
          deadline: m.deadline.toISOString(),
          extensions,
          phase: m.phase,
          decisionPollId: m.decisionPollId,
        }
      : null,
    demands: demands.map((d) => ({
      id: d.id,
      title: d.title,
      body: d.body,
      response: d.response,
      responseNote: d.responseNote,
      responseEvidenceUrl: d.responseEvidenceUrl,
    })),
    figures,
    serverNow: now.getTime(),
    canManage: isAllowed(principalOf(context), "campaign.manage"),
  };
}

const pounds = (pence: number) => `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export default function Campaign() {
  const d = useLoaderData<typeof loader>();
  if (!d.movement) {
    return (
      <div className="page">
        <h1>Campaign</h1>
        <p>The campaign has not been set up yet.</p>
      </div>
    );
  }
  const { movement: m, figures: f } = d;
  const open = m.phase === "campaign" && Date.parse(m.deadline) > d.serverNow;
  return (
    <div className="page">
      <h1>Our demands of {m.partyName}</h1>
      <p className="lead">{m.statement}</p>
      <p>
        Deadline: <strong>{formatDateTime(m.deadline, { weekday: true })}</strong>
      </p>
      {m.extensions.map((e) => (
        <p key={`${e.from} ${e.to}`}>
          Deadline extended from {formatDateTime(e.from, { weekday: true })} to {formatDateTime(e.to, { weekday: true })}. The organisers&rsquo; reason:{" "}
          {e.reason}
        </p>
      ))}
      {open ? <Countdown deadline={m.deadline} serverNow={d.serverNow} /> : <p className="panel">{d.status}</p>}
      {m.decisionPollId ? (
        <p>
          <Link to={`/polls/${m.decisionPollId}`}>The members&apos; decision ballot</Link>
        </p>
      ) : null}
      <div className="button-group">
        {open ? (
          <Link to="/pledge" className="button">
            Make the pledge
          </Link>
        ) : null}
        <a href="/campaign/ultimatum.pdf">Download the letter to {m.partyName} (PDF)</a>
        {d.canManage ? <Link to="/campaign/manage">Manage the campaign</Link> : null}
      </div>

      <h2>The demands</h2>
      <ol className="demands">
        {d.demands.map((demand) => (
          <li key={demand.id} className="demand">
            <h3 className="demand__title">
              {demand.title}
              {demand.response ? <span className={`response-tag response-tag--${demand.response}`}>{responseLabels[demand.response]}</span> : null}
            </h3>
            <p>{demand.body}</p>
            {demand.response ? (
              <p>
                <strong>The party&apos;s response:</strong> {demand.responseNote || responseLabels[demand.response]}
                {demand.responseEvidenceUrl ? (
                  <>
                    {" "}
                    (
                    <a href={demand.responseEvidenceUrl} rel="noopener noreferrer nofollow">
                      evidence
                    </a>
                    )
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ol>

      <h2>Who has pledged</h2>
      <dl className="figures">
        <div className="figure">
          <dt>Confirmed pledges</dt>
          <dd>{formatNumber(f.pledged)}</dd>
        </div>
        <div className="figure">
          <dt>Monthly subscriptions at stake</dt>
          <dd>{pounds(f.subscriptionsPence)}</dd>
        </div>
        <div className="figure">
          <dt>Withdrawn</dt>
          <dd>{formatNumber(f.withdrawn)}</dd>
        </div>
      </dl>
      <BarChart
        title="Confirmed pledges by relation to the party"
        bars={(["member", "former_member", "supporter"] as const).map((r) => ({ label: relationShortLabels[r], value: f.byRelation[r] }))}
      />
      <LineChart title="Confirmed pledges over time" points={f.overTime.map((p) => ({ day: p.day, value: p.pledged }))} />
      <BarChart title="Confirmed pledges by region" bars={f.byRegion.map((r) => ({ label: r.region, value: r.pledged }))} />
      <TableScroll labelledBy="regions-caption">
        <table className="table">
          <caption id="regions-caption">Confirmed pledges by region</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col" className="numeric">
                Pledges
              </th>
            </tr>
          </thead>
          <tbody>
            {f.byRegion.map((r) => (
              <tr key={r.region}>
                <td>{r.region}</td>
                <td className="numeric">{formatNumber(r.pledged)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
