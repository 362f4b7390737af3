import { Form } from "@remix-run/react";
import { ErrorSummary, FieldError } from "~/components/forms";
import { RankingEnhancer } from "~/components/ranking-enhancer";
import { choiceLabels } from "~/modules/polls/messages";
import { ballotFormText as t } from "~/modules/polls/poll-page-messages";

/** The ballot: Yes, No or Abstain, or the options numbered in order of preference. */
export function BallotForm(props: {
  method: string;
  options: { position: number; label: string; isRon: boolean }[];
  values: Record<string, string>;
  error?: string;
  busy: boolean;
}) {
  return (
    <section aria-labelledby="ballot-title">
      <ErrorSummary errors={props.error ? { ballot: props.error } : {}} fieldIds={{ ballot: "ballot" }} />
      <h2 id="ballot-title">{t.heading}</h2>
      <Form method="post" noValidate>
        <div className={`form-group${props.error ? " form-group--error" : ""}`}>
          <fieldset className="fieldset" id="ballot" aria-describedby={props.error ? "ballot-error" : "ballot-hint"}>
            <legend className="fieldset__legend">{props.method === "yes-no" ? t.legend.yesNo : t.legend.ranked}</legend>
            <div className="hint" id="ballot-hint">
              {props.method === "yes-no" ? t.hint.yesNo : t.hint.ranked}
            </div>
            <FieldError id="ballot" message={props.error} />
            {props.method === "yes-no" ? (
              (["yes", "no", "abstain"] as const).map((choice) => (
                <div className="radios__item" key={choice}>
                  <input type="radio" id={`choice-${choice}`} name="choice" value={choice} defaultChecked={props.values.choice === choice} />
                  <label htmlFor={`choice-${choice}`}>{choiceLabels[choice]}</label>
                </div>
              ))
            ) : (
              <>
                {/* With JavaScript, a list to drag or reorder with buttons; it fills in the numbers below. */}
                <RankingEnhancer options={props.options} />
                {props.options.map((o) => (
                  <div className="rank-row" key={o.position}>
                    <input
                      className="input"
                      id={`rank-${o.position}`}
                      name={`rank-${o.position}`}
                      inputMode="numeric"
                      autoComplete="off"
                      defaultValue={props.values[`rank-${o.position}`] ?? ""}
                    />
                    <label htmlFor={`rank-${o.position}`}>
                      {o.label}
                      {o.isRon ? t.ron : ""}
                    </label>
                  </div>
                ))}
              </>
            )}
          </fieldset>
        </div>
        <button type="submit" name="intent" value="review" className="button" disabled={props.busy}>
          {t.submit}
        </button>
      </Form>
    </section>
  );
}
