import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import type { ElectionsPartProps } from "./props";

/** The election as it stands: its phase, the ballots' times, the viewer's nominations, the officers' check, and every position. */
export function ElectionOverview({ d }: Pick<ElectionsPartProps, "d">) {
  const e = d.election;
  return (
    <>
      {!e ? (
        <p className="lead">
          Founding members nominate and elect the interim officers here, by ranked secret ballot, with a round-by-round count anyone can re-check. No election
          has been set up yet.
        </p>
      ) : (
        <>
          <p className="lead">
            {e.title}. {e.phaseLabel}: nominations {e.phase === "nominations" ? `open on ${e.opensAt} and close on ${e.closesAt}` : `closed`} (UK time).
          </p>
          {e.ballotsClose ? (
            <p className="panel" role="status">
              {e.ballotsDue
                ? `The ballots closed on ${e.ballotsClose}. They are being counted, the offices first and then the committee; the results appear here when the count is done.`
                : `Voting is open until ${e.ballotsClose}.`}
            </p>
          ) : e.ballotsDecrypting > 0 ? (
            <p className="panel" role="status">
              {electionTrusteeText.waiting(e.ballotsDecrypting)}
            </p>
          ) : null}
          <WaitingNotice notice={d.waiting} />
          {d.nominationsForMe.length > 0 ? (
            <div className="panel" role="note" aria-labelledby="nominated-title">
              <h2 id="nominated-title">You have been nominated</h2>
              <p>You are not a candidate unless you accept. A nomination not accepted when nominations close lapses.</p>
              <ul className="list">
                {d.nominationsForMe.map((n) => (
                  <li key={n.positionId}>
                    {n.positionTitle}, nominated by {n.nominatorName}:{" "}
                    <Link to={`/elections/positions/${n.positionId}#nomination`}>
                      accept or decline<span className="visually-hidden"> the nomination for {n.positionTitle}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.registrable && d.registrable.length > 0 ? (
            <div className="panel" role="note">
              <h2>These officers could not be registered</h2>
              <ul className="list">
                {d.registrable.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          ) : d.registrable ? (
            <p className="outcome outcome--passed">The officers elected meet the Electoral Commission&rsquo;s rules on registered officers.</p>
          ) : null}
          <TableScroll label="Positions" wide>
            <table className="table">
              <caption>Positions</caption>
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Seats and count</th>
                  <th scope="col" className="numeric">
                    Validly nominated
                  </th>
                  <th scope="col">{e.phase === "counted" ? "Elected" : "Ballot"}</th>
                </tr>
              </thead>
              <tbody>
                {d.positions.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/elections/positions/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>
                      {p.seats} {p.seats === 1 ? "seat" : "seats"}, {p.method}
                    </td>
                    <td className="numeric">
                      {p.valid} of {p.standing} standing
                      {p.tooFew ? " (too few: re-open nominations is on the ballot, so members can vote for none of them)" : ""}
                    </td>
                    <td>
                      {e.phase === "counted" ? (
                        <>
                          {p.elected.join(", ") || "Nobody"}
                          {p.declared ? " (declared)" : ""}
                        </>
                      ) : p.pollId ? (
                        <Link to={`/polls/${p.pollId}`}>
                          Vote<span className="visually-hidden"> for {p.title}</span>
                        </Link>
                      ) : e.phase === "nominations" && e.nominationsDue ? (
                        "Not open yet: waiting for the returning officer"
                      ) : (
                        "Not open"
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
