import { FieldError } from "~/components/forms";
import { majorityDescriptions } from "~/modules/polls/messages";
import type { BallotAmendment, BallotQuestion } from "../../ballot.server";
import { clauseBallotText } from "../../sitting-messages";
import { CompactDiff } from "../clause-text";

const choices = ["yes", "no", "abstain"] as const;

/**
 * One question of a clause's ballot: what it asks, the majority it needs, the amendments it
 * carries, and Yes, No or Abstain (or a box per option to rank, when amendments compete).
 */
export function BallotQuestionFields({
  question: q,
  index,
  clauseTitle,
  onlyQuestion,
  error,
  values,
}: {
  question: BallotQuestion;
  index: number;
  clauseTitle: string;
  /** The only question on the ballot: the clause, with no amendment to it. */
  onlyQuestion: boolean;
  error: string | undefined;
  values: Record<string, string>;
}) {
  const pollId = q.pollId;
  const t = clauseBallotText;
  return (
    <div className={`question form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={error ? `q-${pollId}-error` : `hint-${pollId}`}>
        <legend className="fieldset__legend" id={`legend-${pollId}`}>
          {t.question.number(index + 1)} {questionWording(q, clauseTitle, onlyQuestion)}
        </legend>
        <div className="hint" id={`hint-${pollId}`}>
          {t.question.majority(majorityDescriptions[q.majority] ?? q.majority)}
          {q.kind === "competing" ? t.question.rankingHint : ""}
        </div>
        {q.amendments.map((a) => (
          <BallotAmendmentSummary key={a.number} amendment={a} />
        ))}
        <FieldError id={`q-${pollId}`} message={error} />
        {q.kind === "competing"
          ? q.options.map((o) => (
              <div className="rank-row" key={o.position}>
                <input
                  className="input"
                  id={`rank-${pollId}-${o.position}`}
                  name={`rank-${pollId}-${o.position}`}
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={values[`rank-${pollId}-${o.position}`] ?? ""}
                />
                <label htmlFor={`rank-${pollId}-${o.position}`}>{o.label}</label>
              </div>
            ))
          : choices.map((value) => (
              <div className="radios__item" key={value}>
                <input
                  type="radio"
                  id={`choice-${pollId}-${value}`}
                  name={`choice-${pollId}`}
                  value={value}
                  defaultChecked={values[`choice-${pollId}`] === value}
                />
                <label htmlFor={`choice-${pollId}-${value}`}>{t.choices[value]}</label>
              </div>
            ))}
      </fieldset>
    </div>
  );
}

function questionWording(q: BallotQuestion, clauseTitle: string, onlyQuestion: boolean): string {
  const t = clauseBallotText.question;
  if (q.kind === "amendment") return t.amendment(q.amendments[0]?.number);
  if (q.kind === "competing") return t.competing(q.amendments.map((a) => a.number));
  return onlyQuestion ? t.clause(clauseTitle) : t.clauseAsAmended(clauseTitle);
}

/** An amendment the question carries: what it changes, why, and the drafting committee's advice. */
function BallotAmendmentSummary({ amendment: a }: { amendment: BallotAmendment }) {
  const t = clauseBallotText.amendment;
  return (
    <div className="amendment">
      <h2 className="summary-heading">{t.heading(a.number, a.kind)}</h2>
      {a.note ? <p>{a.note}</p> : null}
      {a.segments.some((s) => s.kind !== "same") ? <CompactDiff segments={a.segments} label={t.changesMadeBy(a.number)} /> : null}
      <p>
        <strong>{t.reason}</strong> {a.reason}
      </p>
      {a.recommendation ? (
        <p className="recommendation">
          <strong>{t.recommendation}</strong> {a.recommendation}
        </p>
      ) : null}
      {a.cut.map((sentence) => (
        <p key={sentence} className="hint">
          {sentence}
        </p>
      ))}
    </div>
  );
}
