import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { electionsPartsText } from "~/modules/elections/elections-page-messages";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import type { ElectionsPartProps } from "./props";

/** The election as it stands: its phase, the ballots' times, the viewer's nominations, the officers' check, and every position. */
export function ElectionOverview({ d }: Pick<ElectionsPartProps, "d">) {
  const e = d.election;
  const t = electionsPartsText.overview;
  return (
    <>
      {!e ? (
        <p className="lead">{t.noElection}</p>
      ) : (
        <>
          <p className="lead">{t.lead(e.title, e.phaseLabel, e.phase === "nominations" ? { opensAt: e.opensAt, closesAt: e.closesAt } : null)}</p>
          {e.ballotsClose ? (
            <p className="panel" role="status">
              {e.ballotsDue ? t.ballotsClosed(e.ballotsClose) : t.votingOpenUntil(e.ballotsClose)}
            </p>
          ) : e.ballotsDecrypting > 0 ? (
            <p className="panel" role="status">
              {electionTrusteeText.waiting(e.ballotsDecrypting)}
            </p>
          ) : null}
          <WaitingNotice notice={d.waiting} />
          {d.nominationsForMe.length > 0 ? (
            <div className="panel" role="note" aria-labelledby="nominated-title">
              <h2 id="nominated-title">{t.nominatedTitle}</h2>
              <p>{t.nominatedBody}</p>
              <ul className="list">
                {d.nominationsForMe.map((n) => (
                  <li key={n.positionId}>
                    {t.nominatedFor(n.positionTitle, n.nominatorName)}{" "}
                    <Link to={`/elections/positions/${n.positionId}#nomination`}>
                      {t.acceptOrDecline}
                      <span className="visually-hidden"> {t.theNominationFor(n.positionTitle)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.registrable && d.registrable.length > 0 ? (
            <div className="panel" role="note">
              <h2>{t.notRegistrable}</h2>
              <ul className="list">
                {d.registrable.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          ) : d.registrable ? (
            <p className="outcome outcome--passed">{t.registrable}</p>
          ) : null}
          <TableScroll label={t.positions} wide>
            <table className="table">
              <caption>{t.positions}</caption>
              <thead>
                <tr>
                  <th scope="col">{electionsPartsText.position}</th>
                  <th scope="col">{t.seatsAndCount}</th>
                  <th scope="col" className="numeric">
                    {t.validlyNominated}
                  </th>
                  <th scope="col">{e.phase === "counted" ? electionsPartsText.elected : t.ballot}</th>
                </tr>
              </thead>
              <tbody>
                {d.positions.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/elections/positions/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>{t.seatsAndMethod(p.seats, p.method)}</td>
                    <td className="numeric">{t.validOf(p.valid, p.standing, p.tooFew)}</td>
                    <td>
                      {e.phase === "counted" ? (
                        t.electedNames(p.elected, p.declared)
                      ) : p.pollId ? (
                        <Link to={`/polls/${p.pollId}`}>
                          {t.vote}
                          <span className="visually-hidden"> {t.forPosition(p.title)}</span>
                        </Link>
                      ) : e.phase === "nominations" && e.nominationsDue ? (
                        t.waitingForReturningOfficer
                      ) : (
                        t.notOpen
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
