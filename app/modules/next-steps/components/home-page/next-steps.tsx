import { Link } from "@remix-run/react";
import { nextStepsTitle, nothingToDo, roadTitle, type StepView } from "../../messages";

/** The signed-in person's own tasks in order, then (for those who run it) the road's next step. */
export function NextSteps({
  steps,
  movementName,
}: {
  steps: { personal: readonly StepView[]; road: (StepView & { stage: string }) | null };
  movementName: string;
}) {
  return (
    <>
      <h1>
        <span className="caption">{movementName}</span> {nextStepsTitle}
      </h1>
      {steps.personal.length > 0 ? (
        <ol className="task-list" aria-label={nextStepsTitle}>
          {steps.personal.map((s) => (
            <li key={s.href + s.title} className="task-list__item">
              <Link to={s.href} className="task-list__link">
                {s.title}
              </Link>
              <p className="task-list__hint">{s.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{nothingToDo}</p>
      )}
      {steps.road ? (
        <section className="panel" aria-labelledby="road-title">
          <h2 id="road-title">{roadTitle}</h2>
          <p className="caption">{steps.road.stage}</p>
          <p>
            <Link to={steps.road.href} className="task-list__link">
              {steps.road.title}
            </Link>
          </p>
          <p>{steps.road.text}</p>
        </section>
      ) : null}
    </>
  );
}
