import { BarChart } from "~/components/bar-chart";
import { formatFigure, formatPence } from "~/utils/numbers";
import { LineChart } from "~/components/line-chart";
import { TableScroll } from "~/components/table-scroll";
import type { CampaignFigures } from "../../counts.server";
import { pledgeFiguresText as t, relationShortLabels } from "../../messages";

/** Who has pledged: the totals, by relation, over time and by region (the chart's figures again as a table). */
export function PledgeFigures({ figures: f }: { figures: CampaignFigures }) {
  return (
    <>
      <h2>{t.heading}</h2>
      <dl className="figures">
        <div className="figure">
          <dt>{t.confirmed}</dt>
          <dd>{formatFigure(f.pledged)}</dd>
        </div>
        <div className="figure">
          <dt>{t.subscriptions}</dt>
          <dd>{formatPence(f.subscriptionsPence)}</dd>
        </div>
        <div className="figure">
          <dt>{t.withdrawn}</dt>
          <dd>{formatFigure(f.withdrawn)}</dd>
        </div>
      </dl>
      <BarChart
        title={t.byRelation}
        bars={(["member", "former_member", "supporter"] as const).map((r) => ({ label: relationShortLabels[r], value: f.byRelation[r] }))}
      />
      <LineChart title={t.overTime} points={f.overTime.map((p) => ({ day: p.day, value: p.pledged }))} empty={t.noneConfirmed} />
      <BarChart title={t.byRegion} bars={f.byRegion.map((r) => ({ label: r.region, value: r.pledged }))} />
      <TableScroll labelledBy="regions-caption">
        <table className="table">
          <caption id="regions-caption">{t.byRegion}</caption>
          <thead>
            <tr>
              <th scope="col">{t.region}</th>
              <th scope="col" className="numeric">
                {t.pledges}
              </th>
            </tr>
          </thead>
          <tbody>
            {f.byRegion.map((r) => (
              <tr key={r.region}>
                <td>{r.region}</td>
                <td className="numeric">{formatFigure(r.pledged)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
