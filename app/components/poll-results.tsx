import type { PollResult } from "~/modules/polls/ballot-rules";
import { ELECTION_REASON_MESSAGES, RON_MESSAGE, YES_NO_MESSAGES, describeTieBreak } from "~/modules/ballots";
import type { RankedCountReport, SchulzeReport } from "~/modules/ballots";
import { majorityDescriptions } from "~/modules/polls/messages";
import { BarChart, formatNumber } from "./bar-chart";
import { StageChart } from "./stage-chart";
import { TableScroll } from "~/components/table-scroll";

export function PollResults({ result }: { result: PollResult }) {
  if (result.kind === "yes-no") return <YesNoResults result={result.result} />;
  return result.report.method === "schulze" ? <SchulzeResults report={result.report} /> : <RankedResults report={result.report} />;
}

function YesNoResults({ result }: { result: Extract<PollResult, { kind: "yes-no" }>["result"] }) {
  const { tally } = result;
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">Result</h2>
      <p className={`outcome ${result.passed ? "outcome--passed" : "outcome--failed"}`}>{YES_NO_MESSAGES[result.code]}</p>
      <BarChart
        title="Votes cast"
        bars={[
          { label: "Yes", value: tally.yes, highlight: result.passed },
          { label: "No", value: tally.no },
          { label: "Abstain", value: tally.abstain },
        ]}
      />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Took part</dt>
          <dd>
            {formatNumber(result.turnout)} of {formatNumber(tally.roll)} on the roll (quorum: {formatNumber(result.quorumNeeded)})
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Majority needed</dt>
          <dd>
            {majorityDescriptions[result.majority]}: {formatNumber(result.yesNeeded)} Yes with these votes
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Elected({ report }: { report: RankedCountReport | SchulzeReport }) {
  return (
    <>
      <h3>Elected, in order</h3>
      {report.winners.length === 0 ? <p>Nobody was elected.</p> : null}
      <ol className="list">
        {report.winners.map((w) => (
          <li key={w.candidate}>
            <strong>{w.candidate}</strong>
            {w.ron ? ` — ${RON_MESSAGE}` : ` — ${ELECTION_REASON_MESSAGES[w.reason]}${w.stage ? ` at stage ${w.stage}` : ""}`}
          </li>
        ))}
      </ol>
      {report.vacantSeats > 0 ? <p>Seats left vacant: {report.vacantSeats}.</p> : null}
      {report.tieBreaks.length > 0 ? (
        <>
          <h3>Ties</h3>
          <ul className="list">
            {report.tieBreaks.map((t, i) => (
              <li key={i}>{describeTieBreak(t)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function RankedResults({ report }: { report: RankedCountReport }) {
  const first = report.stages[0];
  const last = report.stages.at(-1);
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">Result</h2>
      <p>
        {formatNumber(report.ballots.valid)} valid ballots
        {report.quota !== null ? `, quota ${formatNumber(report.quota)}` : ""}, {report.seats} {report.seats === 1 ? "seat" : "seats"}.
      </p>
      <Elected report={report} />
      {first ? (
        <BarChart
          title="First preferences"
          bars={first.totals.map((t) => ({ label: t.candidate, value: t.votes, highlight: report.elected.includes(t.candidate) }))}
          marker={report.quota !== null ? { value: report.quota, label: "quota" } : undefined}
        />
      ) : null}
      {last && last !== first ? (
        <BarChart
          title={`Final stage (${last.stage})`}
          bars={last.totals.map((t) => ({ label: t.candidate, value: t.votes, highlight: report.elected.includes(t.candidate) }))}
          marker={report.quota !== null ? { value: report.quota, label: "quota" } : undefined}
        />
      ) : null}
      {report.stages.length > 1 ? (
        <>
          <h3>How the votes moved</h3>
          <StageChart report={report} />
        </>
      ) : null}
      <h3>Stage by stage</h3>
      <TableScroll labelledBy="stages-caption" wide>
        <table className="table">
          <caption id="stages-caption">Each candidate&apos;s votes at the end of each stage</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {report.stages.map((s) => (
                <th scope="col" key={s.stage} className="numeric">
                  Stage {s.stage}
                  <span className="stage-action">{describeStage(s.action)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.candidates.map((name, i) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {report.stages.map((s) => {
                  const t = s.totals[i];
                  return (
                    <td key={s.stage} className="numeric">
                      {t ? formatNumber(t.votes) : ""}
                      {t && s.elected.some((e) => e.candidate === name) ? " (elected)" : ""}
                      {t && s.excluded.includes(name) ? " (excluded)" : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">Non-transferable</th>
              {report.stages.map((s) => (
                <td key={s.stage} className="numeric">
                  {formatNumber(s.nonTransferable)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function describeStage(action: RankedCountReport["stages"][number]["action"]): string {
  switch (action.kind) {
    case "first-preferences":
      return "First preferences";
    case "surplus":
      return `Surplus of ${action.candidate}`;
    case "exclusion":
      return `Exclusion of ${action.candidate}`;
  }
}

function SchulzeResults({ report }: { report: SchulzeReport }) {
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">Result</h2>
      <Elected report={report} />
      <h3>Full ranking</h3>
      <ol className="list">
        {report.ranking.map((place) => (
          <li key={place.join("+")}>{place.join(" and ")}</li>
        ))}
      </ol>
    </section>
  );
}
