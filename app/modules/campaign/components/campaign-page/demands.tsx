import { responseLabels } from "../../messages";
import { campaignPageText as t } from "../../page-messages";
import type { CampaignPageView } from "../../page-view.server";

/** The demands in order, each with the party's response once recorded. */
export function DemandList({ demands }: { demands: CampaignPageView["demands"] }) {
  return (
    <>
      <h2>{t.demands}</h2>
      <ol className="demands">
        {demands.map((demand) => (
          <li key={demand.id} className="demand">
            <h3 className="demand__title">
              {demand.title}
              {demand.response ? <span className={`response-tag response-tag--${demand.response}`}>{responseLabels[demand.response]}</span> : null}
            </h3>
            <p>{demand.body}</p>
            {demand.response ? (
              <p>
                <strong>{t.response}</strong> {demand.responseNote || responseLabels[demand.response]}
                {demand.responseEvidenceUrl ? (
                  <>
                    {" "}
                    (
                    <a href={demand.responseEvidenceUrl} rel="noopener noreferrer nofollow">
                      {t.evidence}
                    </a>
                    )
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
