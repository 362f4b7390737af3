import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { RankingEnhancer } from "~/components/ranking-enhancer";

/** The ballot: Yes, No or Abstain, or the options numbered in order of preference. */
export function BallotForm(props: {
  method: string;
  options: { position: number; label: string; isRon: boolean }[];
  values: Record<string, string>;
  error?: string;
  busy: boolean;
}) {
  const errorId = "ballot-error";
  return (
    <section aria-labelledby="ballot-title">
      <ErrorSummary errors={props.error ? { ballot: props.error } : {}} fieldIds={{ ballot: "ballot" }} />
      <h2 id="ballot-title">Your ballot</h2>
      <Form method="post" noValidate>
        <div className={`form-group${props.error ? " form-group--error" : ""}`}>
          <fieldset className="fieldset" id="ballot" aria-describedby={props.error ? errorId : "ballot-hint"}>
            <legend className="fieldset__legend">{props.method === "yes-no" ? "How do you vote?" : "Number the options in order of preference"}</legend>
            <div className="hint" id="ballot-hint">
              {props.method === "yes-no"
                ? "Choose one."
                : "Put 1 beside your first choice, 2 beside your second, and so on. Leave blank any you do not want to rank."}
            </div>
            {props.error ? (
              <p className="error-message" id={errorId}>
                <span className="visually-hidden">Error:</span> {props.error}
              </p>
            ) : null}
            {props.method === "yes-no" ? (
              ["yes", "no", "abstain"].map((choice) => (
                <div className="radios__item" key={choice}>
                  <input type="radio" id={`choice-${choice}`} name="choice" value={choice} defaultChecked={props.values.choice === choice} />
                  <label htmlFor={`choice-${choice}`}>{choice === "yes" ? "Yes" : choice === "no" ? "No" : "Abstain"}</label>
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
                      {o.isRon ? " (re-open nominations: rank this if you want none of the candidates)" : ""}
                    </label>
                  </div>
                ))}
              </>
            )}
          </fieldset>
        </div>
        <button type="submit" name="intent" value="review" className="button" disabled={props.busy}>
          Continue to check your ballot
        </button>
      </Form>
    </section>
  );
}
