import { Link } from "@remix-run/react";
import { pledgeFiguresText } from "~/modules/pledges/messages";
import { formatDate } from "~/utils/dates";
import { campaignSummaryText as t } from "../../messages";
import { formatNumber } from "~/utils/numbers";

/** The movement, where its campaign stands, and its figures, with the way to its demands. */
export function CampaignSummary({
  movement,
  status,
  pledged,
  demandCount,
  headingLevel,
}: {
  movement: { name: string; partyName: string; statement: string; deadline: string };
  status: string | null;
  pledged: number;
  demandCount: number;
  /** 2 under the signed-in person's next steps, 1 when it is the page's first heading. */
  headingLevel: 1 | 2;
}) {
  return (
    <>
      {headingLevel === 2 ? <h2>{movement.name}</h2> : <h1>{movement.name}</h1>}
      <p className="lead">{movement.statement}</p>
      {status ? <p className="panel">{status}</p> : null}
      <dl className="figures">
        <div className="figure">
          <dt>{pledgeFiguresText.confirmed}</dt>
          <dd>{formatNumber(pledged)}</dd>
        </div>
        <div className="figure">
          <dt>{t.demandsOn(movement.partyName)}</dt>
          <dd>{demandCount}</dd>
        </div>
        <div className="figure">
          <dt>{t.deadline}</dt>
          <dd>{formatDate(movement.deadline)}</dd>
        </div>
      </dl>
      <p>
        <Link to="/campaign" className="button">
          {t.readTheDemands}
        </Link>
      </p>
    </>
  );
}
