import { Form } from "@remix-run/react";
import { TextArea } from "~/components/forms";
import { candidateProblemLabels } from "~/modules/elections/messages";
import { positionPartsText } from "~/modules/elections/position-page-messages";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import type { PositionPartProps } from "./props";

/** Each candidate: seconders, statement, the buttons to second or withdraw, and the hustings. */
export function Candidates({ d, busy, errors, values, target }: PositionPartProps) {
  const t = positionPartsText.candidates;
  return (
    <>
      {d.candidates.map((c) => (
        <article key={c.id} className="amendment" aria-labelledby={`c-${c.id}`}>
          <h3 id={`c-${c.id}`}>
            {c.name}{" "}
            {c.status === "withdrawn" ? <span className="tag">{t.withdrawn}</span> : c.valid ? <span className="tag">{t.validlyNominated}</span> : null}
          </h3>
          <p>
            {t.secondedBy(c.seconders, c.secondersRequired)}
            {!c.valid && c.status !== "withdrawn" ? t.notYetValid(c.problems.map((x) => candidateProblemLabels[x])) : ""}
          </p>
          {c.statement ? <PlainMarkdown text={c.statement} headingLevel={3} /> : <p>{t.noStatement}</p>}
          {d.nominationsOpen && d.viewer.mayNominate && c.userId !== d.viewer.userId && !c.nominatedByMe && c.status === "standing" ? (
            <Form method="post">
              <input type="hidden" name="candidacyId" value={c.id} />
              {d.mySeconds.includes(c.id) ? (
                <button type="submit" name="intent" value="unsecond" className="button button--secondary" disabled={busy}>
                  {t.withdrawSeconding(c.name)}
                </button>
              ) : (
                <button type="submit" name="intent" value="second" className="button button--secondary" disabled={busy}>
                  {t.second(c.name)}
                </button>
              )}
            </Form>
          ) : null}
          {c.userId === d.viewer.userId && c.status === "standing" && d.phase !== "counted" && (d.phase === "nominations" || d.ballotOpen) ? (
            <Form method="post">
              <input type="hidden" name="candidacyId" value={c.id} />
              <button type="submit" name="intent" value="withdraw" className="button button--warning" disabled={busy}>
                {t.withdraw}
              </button>
              {d.ballotOpen ? <p className="hint">{t.withdrawDuringBallot}</p> : null}
            </Form>
          ) : null}
          <h4>{t.questions}</h4>
          {c.questions.length === 0 ? <p>{t.noQuestions}</p> : null}
          <ul className="comments">
            {c.questions.map((q) => (
              <li key={q.id} className="comment">
                <div className="comment__meta">
                  <strong>{q.asker}</strong> {t.asked}
                </div>
                <p className="comment__body">{q.question}</p>
                {q.answer ? (
                  <p className="comment__body">
                    <strong>{t.answered(c.name)}</strong> {q.answer}
                  </p>
                ) : c.userId === d.viewer.userId ? (
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="questionId" value={q.id} />
                    <TextArea
                      name="answer"
                      id={`answer-${q.id}`}
                      label={t.answer}
                      rows={3}
                      error={errors[`answer-${q.id}`]}
                      defaultValue={target === q.id ? values.answer : undefined}
                    />
                    <button type="submit" className="button button--secondary" disabled={busy}>
                      {t.postAnswer}
                    </button>
                  </Form>
                ) : (
                  <p className="hint">{t.notAnswered}</p>
                )}
              </li>
            ))}
          </ul>
          {d.viewer.foundingMember && d.phase !== "counted" && c.userId !== d.viewer.userId ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="ask" />
              <input type="hidden" name="candidacyId" value={c.id} />
              <TextArea
                name="question"
                id={`question-${c.id}`}
                label={t.ask(c.name)}
                rows={2}
                error={errors[`question-${c.id}`]}
                defaultValue={target === c.id ? values.question : undefined}
              />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t.askSubmit}
              </button>
            </Form>
          ) : null}
        </article>
      ))}
    </>
  );
}
