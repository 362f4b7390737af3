import { Link } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { YES_NO_MESSAGES } from "~/modules/ballots";
import { majorityDescriptions } from "~/modules/polls/messages";
import { failedAdoptionWords } from "../../messages";
import { resultsText } from "../../results-messages";
import type { ConstitutionResultsView } from "../../results-view.server";
import { CloseForm } from "./close-form";

const t = resultsText.adoption;

type View = ConstitutionResultsView;
interface CloseRights {
  canClose: boolean;
  canCloseEarly: boolean;
  error?: string;
  busy: boolean;
}

/** The final vote on the constitution as a whole: its count once closed, its turnout while open. */
export function AdoptionSection({ adoption: a, rights }: { adoption: NonNullable<View["adoption"]>; rights: CloseRights }) {
  const result = a.result?.kind === "yes-no" ? a.result.result : null;
  return (
    <section aria-labelledby="adoption-title" className="panel">
      <h2 id="adoption-title">{t.heading}</h2>
      {result ? (
        <>
          <p className={`outcome ${result.passed ? "outcome--passed" : "outcome--failed"}`}>{YES_NO_MESSAGES[result.code]}</p>
          <BarChart
            title={t.chart}
            bars={[
              { label: resultsText.clause.yes, value: result.tally.yes, highlight: result.passed },
              { label: resultsText.clause.no, value: result.tally.no },
              { label: resultsText.clause.abstain, value: result.tally.abstain },
            ]}
          />
          <p>
            {t.tookPart(result.turnout, a.rollSize, majorityDescriptions[result.majority] ?? "")}
            <Link to={`/polls/${a.pollId}`}>{t.fullCount}</Link>.
          </p>
        </>
      ) : (
        <>
          {a.due ? (
            <p>{t.due(a.closesAt, a.ballots, a.rollSize)}</p>
          ) : (
            <p>
              {t.open(a.closesAt, a.ballots, a.rollSize)}
              <Link to={`/polls/${a.pollId}`}>{t.vote}</Link>.
            </p>
          )}
          <progress className="progress" max={a.rollSize} value={a.ballots} aria-label={t.turnout} />
        </>
      )}
      {!a.settled ? <CloseForm intent="close-adoption" label={a.result ? t.record : t.closeAndCount} due={a.due || a.status === "closed"} {...rights} /> : null}
    </section>
  );
}

/** Adoption votes that were not carried, each with its count. */
export function FailedAdoptions({ failed, canOpenNew, canClose }: { failed: View["failedAdoptions"]; canOpenNew: boolean; canClose: boolean }) {
  return (
    <section aria-labelledby="failed-adoptions-title" className="panel">
      <h2 id="failed-adoptions-title">{resultsText.failed.heading}</h2>
      {canOpenNew ? (
        <p>
          {failedAdoptionWords.results} {canClose ? <Link to="/constitution/manage">{resultsText.failed.manage}</Link> : null}
        </p>
      ) : null}
      {failed.map((f, i) => (
        <div key={f.pollId}>
          <h3>{failedAdoptionWords.heading(i + 1)}</h3>
          <p className="outcome outcome--failed">{f.outcome}</p>
          <p>
            {resultsText.failed.summary(f, majorityDescriptions[f.majority] ?? f.majority)}
            <Link to={`/polls/${f.pollId}`}>{t.fullCount}</Link>.
          </p>
        </div>
      ))}
    </section>
  );
}
