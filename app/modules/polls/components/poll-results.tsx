import { countSheetOf, type PollResult } from "~/modules/polls/ballot-rules";
import { CountSheetTable } from "./count-sheet-table";
import {
  CHOICE_REASON_MESSAGES,
  ELECTION_REASON_MESSAGES,
  RON_EXPLAINED,
  RON_MESSAGE,
  TIES_EXPLAINED,
  YES_NO_MESSAGES,
  explainTieBreak,
} from "~/modules/ballots";
import type { CountSheet, RankedCountReport, SchulzeReport } from "~/modules/ballots";
import { majorityDescriptions } from "~/modules/polls/messages";
import { BarChart, formatNumber } from "~/components/bar-chart";
import { StageChart } from "./stage-chart";
import { plural } from "~/utils/plural";

/**
 * An election elects people; any other ranked poll (the members' decision, a choice between
 * options) chooses options, and its result must not say an option was "elected".
 */
export type PollOutcomeKind = "election" | "choice";

export function PollResults({
  result,
  outcome = "election",
  sheetHref,
}: {
  result: PollResult;
  outcome?: PollOutcomeKind;
  /** Where the count sheet's PDF is. */ sheetHref?: string;
}) {
  if (result.kind === "yes-no") return <YesNoResults result={result.result} />;
  return result.report.method === "schulze" ? (
    <SchulzeResults report={result.report} outcome={outcome} />
  ) : (
    <RankedResults report={result.report} sheet={countSheetOf(result)} outcome={outcome} sheetHref={sheetHref} />
  );
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

function Elected({ report, outcome }: { report: RankedCountReport | SchulzeReport; outcome: PollOutcomeKind }) {
  const election = outcome === "election";
  const reasons = election ? ELECTION_REASON_MESSAGES : CHOICE_REASON_MESSAGES;
  const heading = election ? "Elected, in order" : report.seats === 1 ? "Chosen" : "Chosen, in order";
  return (
    <>
      <h3>{heading}</h3>
      {report.winners.length === 0 ? <p>{election ? "Nobody was elected." : "Nothing was chosen."}</p> : null}
      <ol className="list">
        {report.winners.map((w) => (
          <li key={w.candidate}>
            <strong>{w.candidate}</strong>
            {w.ron ? ` — ${RON_MESSAGE}` : ` — ${reasons[w.reason]}${w.stage ? ` at stage ${w.stage}` : ""}`}
          </li>
        ))}
      </ol>
      {report.winners.some((w) => w.ron) ? <p>{RON_EXPLAINED}</p> : null}
      {report.vacantSeats > 0 ? <p>Seats left vacant: {report.vacantSeats}.</p> : null}
      {report.tieBreaks.length > 0 ? (
        <>
          <h3>Ties</h3>
          <p>{TIES_EXPLAINED}</p>
          <ul className="list">
            {report.tieBreaks.map((t, i) => (
              <li key={i}>{explainTieBreak(t)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function RankedResults({
  report,
  sheet,
  outcome,
  sheetHref,
}: {
  report: RankedCountReport;
  sheet: CountSheet | null;
  outcome: PollOutcomeKind;
  sheetHref: string | undefined;
}) {
  const first = report.stages[0];
  const last = report.stages.at(-1);
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">Result</h2>
      <p>
        {plural(report.ballots.valid, "valid ballot")}
        {report.quota !== null ? `, quota ${formatNumber(report.quota)}` : ""}, {plural(report.seats, outcome === "election" ? "seat" : "place")}.
      </p>
      <Elected report={report} outcome={outcome} />
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
      {sheet ? <CountSheetTable sheet={sheet} {...(sheetHref ? { pdfHref: sheetHref } : {})} /> : null}
    </section>
  );
}

function SchulzeResults({ report, outcome }: { report: SchulzeReport; outcome: PollOutcomeKind }) {
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">Result</h2>
      <Elected report={report} outcome={outcome} />
      <h3>Full ranking</h3>
      <ol className="list">
        {report.ranking.map((place) => (
          <li key={place.join("+")}>{place.join(" and ")}</li>
        ))}
      </ol>
    </section>
  );
}
