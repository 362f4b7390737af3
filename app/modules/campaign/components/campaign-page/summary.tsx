import { Link } from "@remix-run/react";
import { Countdown } from "~/components/countdown";
import { formatDateTime } from "~/utils/dates";
import { campaignPageText as t } from "../../page-messages";
import type { CampaignPageView } from "../../page-view.server";

/** The movement's statement, its deadline with any extensions, where it stands, and what a visitor can do next. */
export function CampaignSummary({
  movement: m,
  status,
  serverNow,
  canManage,
}: {
  movement: NonNullable<CampaignPageView["movement"]>;
  status: string | null;
  serverNow: number;
  canManage: boolean;
}) {
  const open = m.phase === "campaign" && Date.parse(m.deadline) > serverNow;
  return (
    <>
      <h1>{t.demandsOf(m.partyName)}</h1>
      <p className="lead">{m.statement}</p>
      <p>
        {t.deadline}
        <strong>{formatDateTime(m.deadline, { weekday: true })}</strong>
      </p>
      {m.extensions.map((e) => (
        <p key={`${e.from} ${e.to}`}>
          {t.extended(formatDateTime(e.from, { weekday: true }), formatDateTime(e.to, { weekday: true }))}
          {e.reason}
        </p>
      ))}
      {open ? <Countdown deadline={m.deadline} serverNow={serverNow} /> : <p className="panel">{status}</p>}
      {m.decisionPollId ? (
        <p>
          <Link to={`/polls/${m.decisionPollId}`}>{t.decisionBallot}</Link>
        </p>
      ) : null}
      <div className="button-group">
        {open ? (
          <Link to="/pledge" className="button">
            {t.makePledge}
          </Link>
        ) : null}
        <a href="/campaign/ultimatum.pdf">{t.letter(m.partyName)}</a>
        {canManage ? <Link to="/campaign/manage">{t.manage}</Link> : null}
      </div>
    </>
  );
}
