import { BarChart } from "~/components/bar-chart";
import { formatFigure } from "~/utils/numbers";
import { relationShortLabels } from "~/modules/pledges/messages";
import { foundingPageText } from "../../page-messages";
import type { FoundingPageView } from "../../page-view.server";

/** The founding roll in figures, and as charts once anyone has accepted. */
export function RollFigures({ figures: f }: { figures: FoundingPageView["figures"] }) {
  const t = foundingPageText.roll;
  return (
    <>
      <h2>{t.heading}</h2>
      <dl className="figures">
        <div className="figure">
          <dt>{t.invited}</dt>
          <dd>{formatFigure(f.invited)}</dd>
        </div>
        <div className="figure">
          <dt>{t.members}</dt>
          <dd>{formatFigure(f.accepted)}</dd>
        </div>
        <div className="figure">
          <dt>{t.left}</dt>
          <dd>{formatFigure(f.left)}</dd>
        </div>
        <div className="figure">
          <dt>{t.resigned}</dt>
          <dd>{t.resignedOf(formatFigure(f.resigned), formatFigure(f.mustResign))}</dd>
        </div>
      </dl>
      {f.accepted > 0 ? (
        <>
          <BarChart
            title={t.byRelation}
            bars={(["member", "former_member", "supporter"] as const).map((r) => ({ label: relationShortLabels[r], value: f.byRelation[r] }))}
          />
          <BarChart title={t.byRegion} bars={f.byRegion.map((r) => ({ label: r.region, value: r.accepted }))} />
        </>
      ) : null}
    </>
  );
}
