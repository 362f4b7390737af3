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
import { choiceLabels, majorityDescriptions } from "~/modules/polls/messages";
import { pollResultsText as t } from "~/modules/polls/results-messages";
import { BarChart } from "~/components/bar-chart";
import { formatFigure } from "~/utils/numbers";
import { StageChart } from "./stage-chart";

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
      <h2 id="result-title">{t.heading}</h2>
      <p className={`outcome ${result.passed ? "outcome--passed" : "outcome--failed"}`}>{YES_NO_MESSAGES[result.code]}</p>
      <BarChart
        title={t.yesNo.chart}
        bars={[
          { label: choiceLabels.yes, value: tally.yes, highlight: result.passed },
          { label: choiceLabels.no, value: tally.no },
          { label: choiceLabels.abstain, value: tally.abstain },
        ]}
      />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t.yesNo.tookPart}</dt>
          <dd>{t.yesNo.turnout(formatFigure(result.turnout), formatFigure(tally.roll), formatFigure(result.quorumNeeded))}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.yesNo.majorityNeeded}</dt>
          <dd>{t.yesNo.yesNeeded(majorityDescriptions[result.majority] ?? "", formatFigure(result.yesNeeded))}</dd>
        </div>
      </dl>
    </section>
  );
}

function Elected({ report, outcome }: { report: RankedCountReport | SchulzeReport; outcome: PollOutcomeKind }) {
  const election = outcome === "election";
  const reasons = election ? ELECTION_REASON_MESSAGES : CHOICE_REASON_MESSAGES;
  const heading = election ? t.winners.elected : report.seats === 1 ? t.winners.chosen : t.winners.chosenInOrder;
  return (
    <>
      <h3>{heading}</h3>
      {report.winners.length === 0 ? <p>{election ? t.winners.nobodyElected : t.winners.nothingChosen}</p> : null}
      <ol className="list">
        {report.winners.map((w) => (
          <li key={w.candidate}>
            <strong>{w.candidate}</strong>
            {w.ron ? t.winners.note(RON_MESSAGE) : t.winners.note(reasons[w.reason], w.stage)}
          </li>
        ))}
      </ol>
      {report.winners.some((w) => w.ron) ? <p>{RON_EXPLAINED}</p> : null}
      {report.vacantSeats > 0 ? <p>{t.winners.vacant(report.vacantSeats)}</p> : null}
      {report.tieBreaks.length > 0 ? (
        <>
          <h3>{t.winners.ties}</h3>
          <p>{TIES_EXPLAINED}</p>
          <ul className="list">
            {report.tieBreaks.map((tie, i) => (
              <li key={i}>{explainTieBreak(tie)}</li>
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
      <h2 id="result-title">{t.heading}</h2>
      <p>{t.ranked.summary(report.ballots.valid, report.quota !== null ? formatFigure(report.quota) : null, report.seats, outcome === "election")}</p>
      <Elected report={report} outcome={outcome} />
      {first ? (
        <BarChart
          title={t.ranked.firstPreferences}
          bars={first.totals.map((total) => ({ label: total.candidate, value: total.votes, highlight: report.elected.includes(total.candidate) }))}
          marker={report.quota !== null ? { value: report.quota, label: t.ranked.quotaMarker } : undefined}
        />
      ) : null}
      {last && last !== first ? (
        <BarChart
          title={t.ranked.finalStage(last.stage)}
          bars={last.totals.map((total) => ({ label: total.candidate, value: total.votes, highlight: report.elected.includes(total.candidate) }))}
          marker={report.quota !== null ? { value: report.quota, label: t.ranked.quotaMarker } : undefined}
        />
      ) : null}
      {report.stages.length > 1 ? (
        <>
          <h3>{t.ranked.votesMoved}</h3>
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
      <h2 id="result-title">{t.heading}</h2>
      <Elected report={report} outcome={outcome} />
      <h3>{t.schulze.fullRanking}</h3>
      <ol className="list">
        {report.ranking.map((place) => (
          <li key={place.join("+")}>{t.schulze.tiedPlace(place)}</li>
        ))}
      </ol>
    </section>
  );
}
