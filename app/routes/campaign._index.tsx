import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { countConfirmedPledges, getMovement, listDemands } from "~/modules/campaign/campaign.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Campaign - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const [m, demands, pledged] = await Promise.all([
    getMovement(context.db),
    listDemands(context.db),
    countConfirmedPledges(context.db),
  ]);
  return {
    movement: m ? { name: m.name, partyName: m.partyName, deadline: m.deadline.toISOString() } : null,
    demands: demands.map((d) => ({ id: d.id, title: d.title, body: d.body })),
    pledged,
  };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/London" });

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
  return (
    <div className="page">
      <h1>Our demands of {d.movement.partyName}</h1>
      <p className="lead">
        Unless {d.movement.partyName} meets these demands by <strong>{dateFormat.format(new Date(d.movement.deadline))}</strong>,
        the {d.pledged.toLocaleString("en-GB")} people who have pledged will leave together.
      </p>
      <ol className="demands">
        {d.demands.map((demand) => (
          <li key={demand.id} className="demand">
            <h2 className="demand__title">{demand.title}</h2>
            <p>{demand.body}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
